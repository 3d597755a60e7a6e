"""Switchable fault injection: server errors, slow answers, dropped connections, bad bodies.

Off by default. Set ``SandboxConfig.faults`` (live, like every config field)::

    sandbox.config.faults = Faults(error_rate=0.2, slow_rate=0.1, slow_ms=3000, seed=7)

Each HTTP request rolls for each fault in turn: dropped, then slowed, then
answered with a 5xx or a truncated JSON body. ``/batch`` sub-requests roll for
``error_rate`` on their own, as Trello reports a failure per URL. ``paths``
limits the faults to path prefixes (without ``/1``).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from .errors import TrelloError

ERROR_STATUSES = (500, 502, 503, 504)
DROPPED = 444
"""Recorded in Stats for a dropped connection (nginx's code for closing without an answer)."""
MALFORMED_BODY = '{"id": "5f0c0c0c0c0c0c0c0c0c0c0c", "name": "trunc'


@dataclass
class Faults:
    """Fault rates (0 to 1) and where they apply; ``seed`` makes the rolls repeatable."""

    error_rate: float = 0.0
    slow_rate: float = 0.0
    slow_ms: float = 0.0
    drop_rate: float = 0.0
    malformed_rate: float = 0.0
    paths: tuple[str, ...] = ()
    seed: int | None = None
    rng: random.Random = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("error_rate", "slow_rate", "drop_rate", "malformed_rate"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        self.rng = random.Random(self.seed)

    def applies(self, path: str) -> bool:
        """Whether faults apply to ``path`` (given without ``/1``)."""
        return not self.paths or path.startswith(self.paths)

    def roll(self, rate: float) -> bool:
        """True with probability ``rate``."""
        return rate > 0 and self.rng.random() < rate

    def error(self) -> TrelloError:
        """A Trello-style server error."""
        status = self.rng.choice(ERROR_STATUSES)
        return TrelloError(status, f"injected fault: HTTP {status}")

    def sub_request_error(self, path: str) -> TrelloError | None:
        """The error a ``/batch`` sub-request gets instead of its answer, if any."""
        if self.applies(path) and self.roll(self.error_rate):
            return self.error()
        return None


def faults_middleware(
    faults_of: Callable[[web.Request], Faults],
    sleep_of: Callable[[web.Request], Callable[[float], Awaitable[Any]]],
) -> Middleware:
    """The aiohttp middleware applying the faults that ``faults_of(request)`` describes."""

    @web.middleware
    async def inject_faults(request: web.Request, handler: Handler) -> web.StreamResponse:
        faults = faults_of(request)
        path = request.path.removeprefix("/1")
        if not faults.applies(path):
            return await handler(request)
        if faults.roll(faults.drop_rate):
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=DROPPED)
        if faults.roll(faults.slow_rate):
            await sleep_of(request)(faults.slow_ms / 1000)
        if faults.roll(faults.error_rate):
            return faults.error().response()
        if faults.roll(faults.malformed_rate):
            return web.Response(text=MALFORMED_BODY, content_type="application/json")
        return await handler(request)

    return inject_faults


def add_fault_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line options for the faults (all off by default)."""
    group = parser.add_argument_group("fault injection")
    for name, meaning in (
        ("error-rate", "share of requests answered 500/502/503/504"),
        ("slow-rate", "share of requests delayed by --fault-slow-ms"),
        ("drop-rate", "share of connections closed without an answer"),
        ("malformed-rate", "share of requests answered 200 with a truncated body"),
    ):
        group.add_argument(f"--fault-{name}", type=float, default=0.0, help=meaning)
    group.add_argument("--fault-slow-ms", type=float, default=0.0, help="delay of slow answers")
    group.add_argument("--fault-path", action="append", default=[], help="only this path prefix")
    group.add_argument("--fault-seed", type=int, default=None, help="repeatable rolls")


def faults_from_arguments(args: argparse.Namespace) -> Faults:
    """The Faults the options of `add_fault_arguments` describe."""
    return Faults(
        error_rate=args.fault_error_rate,
        slow_rate=args.fault_slow_rate,
        slow_ms=args.fault_slow_ms,
        drop_rate=args.fault_drop_rate,
        malformed_rate=args.fault_malformed_rate,
        paths=tuple(args.fault_path),
        seed=args.fault_seed,
    )
