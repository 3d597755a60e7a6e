"""The mutable state one sandbox app serves from."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from .config import SandboxConfig
from .ratelimit import Clock, RateLimiter
from .routing import Router
from .stats import Stats
from .store import Store

Sleep = Callable[[float], Awaitable[None]]


@dataclass
class SandboxState:
    """Config (read per request), data, stats, routes, limiter, the latency clock and sleep."""

    config: SandboxConfig
    store: Store
    stats: Stats
    router: Router
    limiter: RateLimiter
    sleep: Sleep
    clock: Clock
