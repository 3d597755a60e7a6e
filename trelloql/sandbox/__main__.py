"""``python -m trelloql.sandbox``: run the sandbox Trello in the foreground."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from .config import SandboxConfig
from .faults import add_fault_arguments, faults_from_arguments
from .server import serve_forever


def main(argv: list[str] | None = None) -> None:
    """Parse options and serve on 127.0.0.1 until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m trelloql.sandbox",
        description="Run the sandbox Trello in the foreground on 127.0.0.1.",
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=0.0,
        help="each request is answered this long after it arrived",
    )
    parser.add_argument("--no-rate-limits", action="store_true", help="turn Trello's limits off")
    parser.add_argument("--big-board-cards", type=int, default=0, help='cards on "Big Board"')
    parser.add_argument("--extra-boards", type=int, default=0, help="extra small boards")
    add_fault_arguments(parser)
    args = parser.parse_args(argv)
    config = SandboxConfig(
        latency_ms=args.latency_ms,
        rate_limits=not args.no_rate_limits,
        big_board_cards=args.big_board_cards,
        extra_boards=args.extra_boards,
        faults=faults_from_arguments(args),
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(config, port=args.port))


if __name__ == "__main__":
    main()
