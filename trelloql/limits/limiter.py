"""The client-side rate limiter: budget before each upstream call, bounded waiting."""

from __future__ import annotations

import asyncio
import math
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Protocol

from trelloql.limits.budget import WINDOW_SECONDS, Budget, Floor, Limits, floors_from_headers
from trelloql.trello.errors import TrelloRateLimited

STORE_GRACE_SECONDS = 1.0
"""How long past the wait limit a (shared) store may take to answer."""

_KIND_WORDS = {
    "token": "the per-token request budget",
    "key": "the API key's request budget",
    "member": "the member-route budget (/members/{id})",
}


class Store(Protocol):
    """Where bucket state lives: this process, or Redis."""

    async def take(
        self, budgets: Sequence[Budget], floors: Sequence[Floor], ticket: str
    ) -> tuple[float, Budget | None]: ...

    async def restamp(self, budgets: Sequence[Budget], ticket: str) -> None: ...

    async def close(self) -> None: ...


def _ignore_wait(_kind: str, _seconds: float) -> None:
    return None


def _ignore_reject(_kind: str) -> None:
    return None


class RateLimiter:
    """Takes budgets for upstream calls, waiting at most `limits.max_wait`.

    Trello's `x-rate-limit-*` response headers are folded in through `observe`,
    so that traffic from elsewhere on the same key or token slows us down too.
    """

    def __init__(
        self,
        store: Store,
        limits: Limits,
        on_wait: Callable[[str, float], None] = _ignore_wait,
        on_reject: Callable[[str], None] = _ignore_reject,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.store = store
        self.limits = limits
        self._on_wait = on_wait
        self._on_reject = on_reject
        self._clock = clock
        self._sleep = sleep
        self._floors: dict[str, Floor] = {}

    async def acquire(self, budgets: Sequence[Budget], deadline: float | None = None) -> str:
        """Take `budgets`, or raise TrelloRateLimited with a retry hint.

        Waits only while the budget will free up within `limits.max_wait` and
        before `deadline` (a `clock()` time). Returns the ticket to hand to
        `answered` once the call is over.
        """
        ticket = secrets.token_hex(8)
        started = self._clock()
        limit = started + self.limits.max_wait
        if deadline is not None:
            limit = min(limit, deadline)
        waited_on: str | None = None
        while True:
            wait, binding = await self._take(budgets, limit, ticket)
            if binding is None:
                if waited_on is not None:
                    self._on_wait(waited_on, self._clock() - started)
                return ticket
            if self._clock() + wait > limit:
                self._on_reject(binding.kind)
                retry_after = max(1, math.ceil(wait))
                raise TrelloRateLimited(
                    f"Trello rate limit: {_KIND_WORDS[binding.kind]} is used up; "
                    f"retry in {retry_after} s.",
                    retry_after=retry_after,
                )
            waited_on = binding.kind
            await self._sleep(wait)

    def observe(
        self, names: Mapping[str, str], headers: Mapping[str, str], rate_limited: bool = False
    ) -> None:
        """Record what Trello says is used; after a 429 without headers, the token is spent."""
        floors = floors_from_headers(names, self.limits, headers)
        if rate_limited and not floors:
            floors = [Floor(names["token"], WINDOW_SECONDS, self.limits.token)]
        for floor in floors:
            known = self._floors.get(floor.bucket)
            if known is None or floor.used > known.used:
                self._floors[floor.bucket] = floor

    async def answered(self, budgets: Sequence[Budget], ticket: str) -> None:
        """The call of `ticket` is over: its units count from now, when Trello surely
        has counted it (it may have waited for a connection before being sent)."""
        try:
            async with asyncio.timeout(STORE_GRACE_SECONDS):
                await self.store.restamp(budgets, ticket)
        except TimeoutError:
            return

    async def _take(
        self, budgets: Sequence[Budget], limit: float, ticket: str
    ) -> tuple[float, Budget | None]:
        allowed = max(limit - self._clock(), 0.0) + STORE_GRACE_SECONDS
        try:
            async with asyncio.timeout(allowed):
                return await self.store.take(budgets, self._drain_floors(), ticket)
        except TimeoutError:
            self._on_reject(budgets[0].kind)
            raise TrelloRateLimited(
                "Trello rate limit: the shared budget could not be checked in time; retry in 1 s.",
                retry_after=1,
            ) from None

    async def close(self) -> None:
        """Release the store."""
        await self.store.close()

    def _drain_floors(self) -> list[Floor]:
        floors, self._floors = list(self._floors.values()), {}
        return floors
