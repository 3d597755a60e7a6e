"""The in-process limiter store: a sliding-window log per bucket.

A log of times is exact: no window of `window` seconds ever holds more than `limit`
units, which is how Trello counts. A leaky bucket with Trello's numbers (aiolimiter's
model) would let up to twice the budget through in one window, so it is not used here.
Each entry carries its units (a `/batch` of ten is one entry of ten), so a call costs
the same whatever the limits: a floor of 50,000 units Trello reports against a raised
limit is one entry, not 50,000.

Entries are taken before a call is sent and moved to the time its answer came
(`restamp`), so each one covers the moment Trello counted the call even when
the call waited for a connection first.
"""

from __future__ import annotations

import itertools
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from trelloql.limits.budget import Budget, Floor

SWEEP_SECONDS = 60.0


@dataclass
class _Log:
    """A bucket's entries, oldest first: name -> (time, units), and their total units."""

    window: float
    entries: OrderedDict[str, tuple[float, int]] = field(default_factory=OrderedDict)
    used: int = 0

    def add(self, name: str, now: float, units: int) -> None:
        self.entries[name] = (now, units)
        self.used += units

    def expire(self, now: float) -> None:
        """Drop the entries that have left the window."""
        entries = self.entries
        while entries:
            name, (stamped, units) = next(iter(entries.items()))
            if stamped > now - self.window:
                return
            del entries[name]
            self.used -= units

    def ready_at(self, excess: int, now: float) -> float:
        """When `excess` of the logged units will have left the window."""
        freed = 0
        for stamped, units in self.entries.values():
            freed += units
            if freed >= excess:
                return stamped + self.window
        return now + self.window


def entry_name(ticket: str, index: int) -> str:
    """The entry a call (`ticket`) holds in its `index`-th budget's bucket."""
    return f"{ticket}:{index}"


class MemoryStore:
    """Limiter state of one process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._logs: dict[str, _Log] = {}
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
            if floor.used > log.used:
                log.add(f"floor:{next(self._phantoms)}", now, floor.used - log.used)
        wait, binding = 0.0, None
        for budget in budgets:
            log = self._log(budget.bucket, budget.window, now)
            excess = log.used + budget.units - budget.limit
            if excess > 0:
                ready = log.ready_at(excess, now)
                if ready - now > wait:
                    wait, binding = ready - now, budget
        if binding is not None:
            return wait, binding
        for index, budget in enumerate(budgets, start=1):
            self._log(budget.bucket, budget.window, now).add(
                entry_name(ticket, index), now, budget.units
            )
        return 0.0, None

    async def restamp(self, budgets: Sequence[Budget], ticket: str) -> None:
        """Move the entries of `ticket` to now: the call has just been answered."""
        now = self._clock()
        for index, budget in enumerate(budgets, start=1):
            log = self._log(budget.bucket, budget.window, now)
            name = entry_name(ticket, index)
            if log.entries.pop(name, None) is None:
                log.used += budget.units  # it had left the window while the call waited
            log.entries[name] = (now, budget.units)

    def used(self, bucket: str) -> int:
        """Units logged in `bucket`'s current window."""
        log = self._logs.get(bucket)
        if log is None:
            return 0
        log.expire(self._clock())
        return log.used

    async def close(self) -> None:
        """Nothing to release."""

    def _log(self, bucket: str, window: float, now: float) -> _Log:
        log = self._logs.get(bucket)
        if log is None:
            log = self._logs[bucket] = _Log(window)
        log.expire(now)
        return log

    def _sweep(self, now: float) -> None:
        """Forget buckets whose window has emptied, so idle tokens cost no memory."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + SWEEP_SECONDS
        for bucket, log in list(self._logs.items()):
            log.expire(now)
            if not log.entries:
                del self._logs[bucket]
