"""The in-process limiter store: a sliding-window log per bucket.

A log of times (one entry per unit) is exact: no window of `window` seconds
ever holds more than `limit` units, which is how Trello counts. A leaky bucket
with Trello's numbers (aiolimiter's model) would let up to twice the budget
through in one window, so it is not used here.

Entries are taken before a call is sent and moved to the time its answer came
(`restamp`), so each one covers the moment Trello counted the call even when
the call waited for a connection first.
"""

from __future__ import annotations

import itertools
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from trelloql.limits.budget import Budget, Floor

SWEEP_SECONDS = 60.0

Log = OrderedDict[str, float]


def entry_names(ticket: str, index: int, units: int) -> list[str]:
    """Names of the entries a call (`ticket`) holds in its `index`-th budget's bucket."""
    return [f"{ticket}:{index}:{j}" for j in range(1, units + 1)]


class MemoryStore:
    """Limiter state of one process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._logs: dict[str, tuple[float, Log]] = {}
        self._next_sweep = clock() + SWEEP_SECONDS
        self._phantoms = itertools.count()

    async def take(
        self, budgets: Sequence[Budget], floors: Sequence[Floor], ticket: str
    ) -> tuple[float, Budget | None]:
        """Take every budget's units at once, or none, as entries named after `ticket`
        (unique per call).

        Returns `(0, None)` on success, else the seconds until the call could
        succeed and the budget that holds it back. Floors are applied first.
        """
        now = self._clock()
        self._sweep(now)
        for floor in floors:
            log = self._log(floor.bucket, floor.window, now)
            for _ in range(floor.used - len(log)):
                log[f"floor:{next(self._phantoms)}"] = now
        wait, binding = 0.0, None
        for budget in budgets:
            log = self._log(budget.bucket, budget.window, now)
            excess = len(log) + budget.units - budget.limit
            if excess > 0:
                oldest_needed = (
                    next(itertools.islice(log.values(), excess - 1, None))
                    if excess <= len(log)
                    else now
                )
                ready = oldest_needed + budget.window
                if ready - now > wait:
                    wait, binding = ready - now, budget
        if binding is not None:
            return wait, binding
        for index, budget in enumerate(budgets, start=1):
            log = self._log(budget.bucket, budget.window, now)
            for name in entry_names(ticket, index, budget.units):
                log[name] = now
        return 0.0, None

    async def restamp(self, budgets: Sequence[Budget], ticket: str) -> None:
        """Move the entries of `ticket` to now: the call has just been answered."""
        now = self._clock()
        for index, budget in enumerate(budgets, start=1):
            log = self._log(budget.bucket, budget.window, now)
            for name in entry_names(ticket, index, budget.units):
                log.pop(name, None)
                log[name] = now

    def used(self, bucket: str) -> int:
        """Units logged in `bucket`'s current window."""
        entry = self._logs.get(bucket)
        if entry is None:
            return 0
        return len(self._log(bucket, entry[0], self._clock()))

    async def close(self) -> None:
        """Nothing to release."""

    def _log(self, bucket: str, window: float, now: float) -> Log:
        _, log = self._logs.setdefault(bucket, (window, OrderedDict()))
        while log:
            name, stamped = next(iter(log.items()))
            if stamped > now - window:
                break
            del log[name]
        return log

    def _sweep(self, now: float) -> None:
        """Forget buckets whose window has emptied, so idle tokens cost no memory."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + SWEEP_SECONDS
        for bucket, (window, _) in list(self._logs.items()):
            if not self._log(bucket, window, now):
                del self._logs[bucket]
