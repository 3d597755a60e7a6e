"""Client-side limits on Trello traffic, in process or shared through Redis."""

from trelloql.limits.budget import Budget, Floor, Limits, bucket_names, budgets_for, member_units
from trelloql.limits.limiter import RateLimiter, Store
from trelloql.limits.memory import MemoryStore
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
