"""The `trelloql` command: serve the API, run the sandbox Trello alone, print the schema."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from trelloql import shutdown
from trelloql.app import create_app
from trelloql.gctuning import GcTuning, collect_after_response
from trelloql.logsetup import setup_logging
from trelloql.schema import cooked_engine, read_sdl
from trelloql.settings import Settings, SettingsError, load_settings

EXIT_BAD_CONFIG = 2


def _settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        print(f"trelloql: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_CONFIG) from None


def _sandbox_secrets() -> tuple[str, ...]:
    """The embedded sandbox's key and tokens (imported only when the sandbox is used)."""
    from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS

    return (SANDBOX_API_KEY, *SANDBOX_TOKENS)


def serve(_args: argparse.Namespace) -> None:
    """Serve the GraphQL API until SIGINT/SIGTERM."""
    settings = _settings_or_exit()
    secrets = settings.credentials() or _sandbox_secrets()
    setup_logging(settings.log_level, settings.log_format, secrets)
    app = create_app(settings)
    gc_tuning = GcTuning()
    app.on_startup.append(gc_tuning.start)  # last: after the engine is cooked
    app.on_cleanup.append(gc_tuning.stop)
    app.middlewares.insert(0, collect_after_response)
    shutdown.run(
        app,
        settings.host,
        settings.port,
        grace=settings.shutdown_grace_seconds,
        delay=settings.shutdown_delay_seconds,
    )


def sandbox(args: argparse.Namespace) -> None:
    """Run the sandbox Trello alone on 127.0.0.1, for client developers."""
    from trelloql.sandbox import SandboxConfig, serve_forever

    setup_logging("INFO")
    config = SandboxConfig(latency_ms=args.latency_ms, rate_limits=not args.no_rate_limits)
    asyncio.run(serve_forever(config, "127.0.0.1", args.port))


def schema(_args: argparse.Namespace) -> None:
    """Cook the engine from the SDL (so errors surface) and print the SDL."""
    settings = _settings_or_exit()
    asyncio.run(cooked_engine(settings.sdl_dir))
    sys.stdout.write(read_sdl(settings.sdl_dir))


def parser() -> argparse.ArgumentParser:
    """The command line."""
    top = argparse.ArgumentParser(prog="trelloql", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve the GraphQL API").set_defaults(run=serve)
    box = commands.add_parser("sandbox", help="run the sandbox Trello alone on 127.0.0.1")
    box.add_argument("--port", type=int, default=8081, help="port to listen on (default 8081)")
    box.add_argument("--latency-ms", type=float, default=0.0, help="simulated latency per call")
    box.add_argument("--no-rate-limits", action="store_true", help="turn Trello's limits off")
    box.set_defaults(run=sandbox)
    commands.add_parser("schema", help="print the full SDL").set_defaults(run=schema)
    return top


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `trelloql` console script."""
    args = parser().parse_args(argv)
    args.run(args)
