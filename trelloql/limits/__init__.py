"""Client-side limits on Trello traffic, in process or shared through Redis.

`RedisStore` is imported on first use: the redis client costs about 6 MiB of memory,
which a service without TRELLOQL_REDIS_URL need not pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trelloql.limits.budget import Budget, Floor, Limits, bucket_names, budgets_for, member_units
from trelloql.limits.limiter import RateLimiter, Store
from trelloql.limits.memory import MemoryStore

if TYPE_CHECKING:
    from trelloql.limits.redis_store import RedisStore

__all__ = [
    "Budget",
    "Floor",
    "Limits",
    "MemoryStore",
    "RateLimiter",
    "RedisStore",
    "Store",
    "bucket_names",
    "budgets_for",
    "member_units",
]


def __getattr__(name: str) -> Any:
    if name == "RedisStore":
        from trelloql.limits.redis_store import RedisStore

        return RedisStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
