"""The shared limiter store: the same sliding-window log in Redis, for several replicas.

Each bucket is a sorted set of send times (Redis server time, so replicas'
clocks do not matter); one Lua script checks and takes all budgets of a call
atomically. When Redis cannot be reached the store falls back to in-process
state, logging a warning at most once a minute: the service stays up and each
replica keeps its own budget until Redis is back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from trelloql.limits.budget import Budget, Floor
from trelloql.limits.memory import MemoryStore

logger = logging.getLogger(__name__)

KEY_PREFIX = "trelloql:{ratelimit}:"
WARN_EVERY_SECONDS = 60.0
SOCKET_TIMEOUT_SECONDS = 1.0
MAX_CONNECTIONS = 50

# ARGV: ticket, number of budgets, (limit, window ms, units) per budget, (window ms, used)
# per floor. KEYS: the budgets' buckets, then the floors'. Returns {wait ms, binding index}.
# One sorted-set member per unit, named ticket:index:j.
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local id = ARGV[1]
local nb = tonumber(ARGV[2])

local function count(key, window)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  return redis.call('ZCARD', key)
end

local function add(key, window, n, tag)
  for j = 1, n do
    redis.call('ZADD', key, now, id .. tag .. j)
  end
  redis.call('PEXPIRE', key, window)
end

for i = 1, #KEYS - nb do
  local base = 3 + nb * 3 + (i - 1) * 2
  local window, used = tonumber(ARGV[base]), tonumber(ARGV[base + 1])
  local missing = used - count(KEYS[nb + i], window)
  if missing > 0 then
    add(KEYS[nb + i], window, missing, ':f' .. i .. ':')
  end
end

local wait, binding = 0, 0
for i = 1, nb do
  local base = 3 + (i - 1) * 3
  local limit, window = tonumber(ARGV[base]), tonumber(ARGV[base + 1])
  local units = tonumber(ARGV[base + 2])
  local excess = count(KEYS[i], window) + units - limit
  if excess > 0 then
    local ready = now + window
    local entry = redis.call('ZRANGE', KEYS[i], excess - 1, excess - 1, 'WITHSCORES')
    if entry[2] then
      ready = tonumber(entry[2]) + window
    end
    if ready - now > wait then
      wait, binding = ready - now, i
    end
  end
end
if binding > 0 then
  return {wait, binding}
end
for i = 1, nb do
  local base = 3 + (i - 1) * 3
  add(KEYS[i], tonumber(ARGV[base + 1]), tonumber(ARGV[base + 2]), ':' .. i .. ':')
end
return {0, 0}
"""

# ARGV: ticket, then (window ms, units) per budget; KEYS: the budgets' buckets.
_RESTAMP = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #KEYS do
  local window, units = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  for j = 1, units do
    redis.call('ZADD', KEYS[i], now, ARGV[1] .. ':' .. i .. ':' .. j)
  end
  redis.call('PEXPIRE', KEYS[i], window)
end
return 0
"""


class RedisStore:
    """Limiter state shared through Redis."""

    def __init__(self, client: aioredis.Redis, fallback: MemoryStore | None = None) -> None:
        self._client = client
        self._take = client.register_script(_TAKE)
        self._restamp = client.register_script(_RESTAMP)
        self._fallback = fallback or MemoryStore()
        self._warned_at = -WARN_EVERY_SECONDS

    @classmethod
    def from_url(cls, url: str) -> RedisStore:
        """A store on the Redis at `url`: pooled connections that calls queue for (a
        burst waits its turn rather than falling back), and short socket timeouts (a
        dead Redis is noticed within a second)."""
        pool = aioredis.BlockingConnectionPool.from_url(
            url,
            max_connections=MAX_CONNECTIONS,
            timeout=None,
            socket_timeout=SOCKET_TIMEOUT_SECONDS,
            socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
        )
        return cls(aioredis.Redis.from_pool(pool))

    async def take(
        self, budgets: Sequence[Budget], floors: Sequence[Floor], ticket: str
    ) -> tuple[float, Budget | None]:
        """Like `MemoryStore.take`, atomically across every replica."""
        keys = [KEY_PREFIX + b.bucket for b in budgets] + [KEY_PREFIX + f.bucket for f in floors]
        args: list[str | int] = [ticket, len(budgets)]
        for budget in budgets:
            args += [budget.limit, _ms(budget.window), budget.units]
        for floor in floors:
            args += [_ms(floor.window), floor.used]
        try:
            wait_ms, binding = await self._take(keys=keys, args=args)
        except (RedisError, OSError) as exc:
            self._warn(exc)
            return await self._fallback.take(budgets, floors, ticket)
        if not binding:
            return 0.0, None
        return int(wait_ms) / 1000, budgets[int(binding) - 1]

    async def restamp(self, budgets: Sequence[Budget], ticket: str) -> None:
        """Like `MemoryStore.restamp`."""
        args: list[str | int] = [ticket]
        for budget in budgets:
            args += [_ms(budget.window), budget.units]
        try:
            await self._restamp(keys=[KEY_PREFIX + b.bucket for b in budgets], args=args)
        except (RedisError, OSError) as exc:
            self._warn(exc)
            await self._fallback.restamp(budgets, ticket)

    async def close(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()

    def _warn(self, exc: Exception) -> None:
        now = time.monotonic()
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            logger.warning(
                "Redis is unreachable (%s): rate limits are kept per process until it is back",
                type(exc).__name__,
            )


def _ms(seconds: float) -> int:
    return round(seconds * 1000)
