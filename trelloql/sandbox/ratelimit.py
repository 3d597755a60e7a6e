"""Trello's rate limits as sliding logs of request times, with an injectable clock."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


@dataclass
class Window:
    """At most ``limit`` units per ``interval`` seconds for each identity."""

    header: str
    limit: int
    interval: float
    error: str
    message: str
    log: dict[str, deque[float]] = field(default_factory=dict)

    def used(self, ident: str, now: float) -> int:
        """Units spent by ``ident`` within the window ending at ``now``."""
        entries = self.log.get(ident)
        if entries is None:
            return 0
        while entries and entries[0] <= now - self.interval:
            entries.popleft()
        return len(entries)

    def spend(self, ident: str, now: float, units: int) -> None:
        """Record ``units`` spent at ``now``."""
        self.log.setdefault(ident, deque()).extend([now] * units)

    def headers(self, used: int) -> dict[str, str]:
        """The ``x-rate-limit-<header>-*`` response headers."""
        prefix = f"x-rate-limit-{self.header}"
        return {
            f"{prefix}-interval-ms": str(int(self.interval * 1000)),
            f"{prefix}-max": str(self.limit),
            f"{prefix}-remaining": str(max(0, self.limit - used)),
        }


@dataclass(frozen=True)
class Verdict:
    """Outcome of a rate-limit check: whether to serve, headers to send, 429 body if refused."""

    allowed: bool
    headers: dict[str, str]
    error: dict[str, str] | None = None


class RateLimiter:
    """100 units/10 s per token, 300/10 s per key, 100/900 s per token on ``GET /members/{id}``."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self.token = Window(
            "api-token",
            100,
            10.0,
            "API_TOKEN_LIMIT_EXCEEDED",
            "Rate limit exceeded: 100 requests per 10 seconds per token.",
        )
        self.key = Window(
            "api-key",
            300,
            10.0,
            "API_KEY_LIMIT_EXCEEDED",
            "Rate limit exceeded: 300 requests per 10 seconds per API key.",
        )
        self.member = Window(
            "member",
            100,
            900.0,
            "API_TOKEN_LIMIT_EXCEEDED",
            "Rate limit exceeded: 100 requests per 900 seconds per token on /1/members/{id}.",
        )

    def acquire(self, key: str, token: str, units: int = 1, member_route: bool = False) -> Verdict:
        """Spend ``units`` for this key and token if every window has room; else refuse."""
        checks = [(self.token, token), (self.key, key)]
        if member_route:
            checks.append((self.member, token))
        return self._acquire(checks, units)

    def acquire_member(self, token: str) -> Verdict:
        """Spend one unit of the member-route window only (for /batch sub-requests)."""
        return self._acquire([(self.member, token)], 1)

    def _acquire(self, checks: list[tuple[Window, str]], units: int) -> Verdict:
        now = self.clock()
        used = [(window, ident, window.used(ident, now)) for window, ident in checks]
        refused = next((w for w, _, n in used if n + units > w.limit), None)
        headers: dict[str, str] = {}
        for window, ident, count in used:
            if refused is None:
                window.spend(ident, now, units)
                count += units
            headers.update(window.headers(count))
        if refused is None:
            return Verdict(True, headers)
        return Verdict(False, headers, {"error": refused.error, "message": refused.message})

    def reset(self) -> None:
        """Forget every spent unit."""
        for window in (self.token, self.key, self.member):
            window.log.clear()
