"""The in-process limiter store: a sliding-window log per bucket.

A log of send times (one entry per unit) is exact: no window of `window`
seconds ever holds more than `limit` units, which is how Trello counts. A leaky
bucket with Trello's numbers (aiolimiter's model) would let up to twice the
budget through in one window, so it is not used here.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence

from trelloql.limits.budget import Budget, Floor

SWEEP_SECONDS = 60.0


class MemoryStore:
    """Limiter state of one process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._logs: dict[str, tuple[float, deque[float]]] = {}
        self._next_sweep = clock() + SWEEP_SECONDS

    async def take(
        self, budgets: Sequence[Budget], floors: Sequence[Floor] = ()
    ) -> tuple[float, Budget | None]:
        """Take every budget's units at once, or none.

        Returns `(0, None)` on success, else the seconds until the call could
        succeed and the budget that holds it back. Floors are applied first.
        """
        now = self._clock()
        self._sweep(now)
        for floor in floors:
            log = self._log(floor.bucket, floor.window, now)
            log.extend([now] * max(floor.used - len(log), 0))
        wait, binding = 0.0, None
        for budget in budgets:
            log = self._log(budget.bucket, budget.window, now)
            excess = len(log) + budget.units - budget.limit
            if excess > 0:
                ready = (
                    log[excess - 1] + budget.window if excess <= len(log) else now + budget.window
                )
                if ready - now > wait:
                    wait, binding = ready - now, budget
        if binding is not None:
            return wait, binding
        for budget in budgets:
            self._log(budget.bucket, budget.window, now).extend([now] * budget.units)
        return 0.0, None

    def used(self, bucket: str) -> int:
        """Units logged in `bucket`'s current window."""
        entry = self._logs.get(bucket)
        if entry is None:
            return 0
        return len(self._log(bucket, entry[0], self._clock()))

    async def close(self) -> None:
        """Nothing to release."""

    def _log(self, bucket: str, window: float, now: float) -> deque[float]:
        _, log = self._logs.setdefault(bucket, (window, deque()))
        while log and log[0] <= now - window:
            log.popleft()
        return log

    def _sweep(self, now: float) -> None:
        """Forget buckets whose window has emptied, so idle tokens cost no memory."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + SWEEP_SECONDS
        for bucket, (window, _) in list(self._logs.items()):
            if not self._log(bucket, window, now):
                del self._logs[bucket]
