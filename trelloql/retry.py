"""When to retry a failed upstream call, and after how long.

Writes are never retried. Reads are retried after a 429 (once: the rate limiter
then decides whether budget is left) and after 5xx answers, timeouts and broken
connections, with jittered exponential backoff inside a bounded total delay.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from trelloql.trello.errors import (
    TrelloError,
    TrelloRateLimited,
    TrelloTimeout,
    TrelloUpstreamError,
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def retry_reason(error: TrelloError) -> str | None:
    """Why `error` may be worth a retry (a metrics label), or None when it is final."""
    if isinstance(error, TrelloRateLimited):
        return "rate_limited"
    if isinstance(error, TrelloTimeout):
        return "timeout"
    if isinstance(error, TrelloUpstreamError):
        if error.status is None:
            return "no_answer"
        if error.status >= 500:
            return "server_error"
    return None


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff numbers; `delay` is the whole decision."""

    retries: int = 2
    """Retries after the first attempt, for 5xx, timeouts and connection failures."""
    rate_limited_retries: int = 1
    """Retries after a 429; more would risk Trello's 429 escalation."""
    base_delay: float = 0.1
    max_delay: float = 1.0
    total_delay: float = 3.0
    """Bound on the summed backoff of one call."""
    rate_limited_delay: float = 1.0
    """Backoff after a 429 without a Retry-After hint."""
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def delay(self, method: str, error: TrelloError, attempt: int, waited: float) -> float | None:
        """Seconds to wait before retry number `attempt + 1`, or None to give up.

        `attempt` counts earlier retries of this call and `waited` their summed backoff.
        """
        reason = retry_reason(error)
        if reason is None or method.upper() not in SAFE_METHODS:
            return None
        if reason == "rate_limited":
            if attempt >= self.rate_limited_retries:
                return None
            pause = max(error.retry_after or 0.0, self.rate_limited_delay)
        else:
            if attempt >= self.retries:
                return None
            ceiling = min(self.max_delay, self.base_delay * 2**attempt)
            pause = self.rng.uniform(ceiling / 2, ceiling)
        if waited + pause > self.total_delay:
            return None
        return pause
