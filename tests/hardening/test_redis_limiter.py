"""The Redis-backed limiter store: exact, atomic, shared, and safe when Redis is away."""

import asyncio
import logging
import secrets

import pytest

from tests.hardening.redis_server import free_port
from trelloql.limits import Budget, Limits, RateLimiter, RedisStore, bucket_names, budgets_for
from trelloql.limits.budget import Floor
from trelloql.trello.errors import TrelloRateLimited


def ticket() -> str:
    """A fresh ticket for one call."""
    return secrets.token_hex(8)


LIMITS = Limits(token=90, key=270, member=90, max_wait=0.0)


def fresh_names() -> dict[str, str]:
    """Buckets nobody else uses, so that tests sharing the server do not interfere."""
    return bucket_names(secrets.token_hex(16), secrets.token_hex(32))


async def test_a_window_holds_at_most_the_limit(redis_url: str) -> None:
    store = RedisStore.from_url(redis_url)
    names = fresh_names()
    budgets = budgets_for(names, LIMITS, units=10, member=0)
    try:
        for _ in range(9):
            assert await store.take(budgets, (), ticket()) == (0.0, None)
        wait, binding = await store.take(budgets, (), ticket())
        assert binding is not None
        assert binding.kind == "token"
        assert 9.0 < wait <= 10.0
    finally:
        await store.close()


async def test_budgets_are_taken_all_or_none(redis_url: str) -> None:
    store = RedisStore.from_url(redis_url)
    names = fresh_names()
    try:
        full_member = budgets_for(names, Limits(member=1), units=1, member=1)
        assert (await store.take(full_member, (), ticket()))[1] is None
        wait, binding = await store.take(full_member, (), ticket())
        assert binding is not None
        assert binding.kind == "member"
        assert wait > 800
        # The refused call took nothing from the token bucket: 89 more units fit.
        assert (await store.take(budgets_for(names, LIMITS, units=89, member=0), (), ticket()))[
            1
        ] is None
    finally:
        await store.close()


async def test_floors_are_shared(redis_url: str) -> None:
    first, second = RedisStore.from_url(redis_url), RedisStore.from_url(redis_url)
    names = fresh_names()
    budgets = budgets_for(names, LIMITS, units=1, member=0)
    try:
        await first.take(budgets, [Floor(names["token"], 10.0, 89)], ticket())
        assert (await second.take(budgets, (), ticket()))[1] is not None
    finally:
        await first.close()
        await second.close()


async def test_two_replicas_never_exceed_the_budget_together(redis_url: str) -> None:
    stores = [RedisStore.from_url(redis_url) for _ in range(2)]
    limiters = [RateLimiter(store, LIMITS) for store in stores]
    names = fresh_names()
    budgets = budgets_for(names, LIMITS, units=1, member=0)

    async def attempt(limiter: RateLimiter) -> bool:
        try:
            await limiter.acquire(budgets)
        except TrelloRateLimited:
            return False
        return True

    try:
        results = await asyncio.gather(*(attempt(limiters[i % 2]) for i in range(300)))
        assert sum(results) == LIMITS.token
    finally:
        for store in stores:
            await store.close()


async def test_unreachable_redis_falls_back_to_the_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = RedisStore.from_url(f"redis://127.0.0.1:{free_port()}/0")
    budgets = budgets_for(fresh_names(), LIMITS, units=45, member=0)
    try:
        with caplog.at_level(logging.WARNING, logger="trelloql.limits.redis_store"):
            assert (await store.take(budgets, (), ticket()))[1] is None
            assert (await store.take(budgets, (), ticket()))[1] is None
            assert (await store.take(budgets, (), ticket()))[1] is not None
    finally:
        await store.close()
    warnings = [r for r in caplog.records if "Redis is unreachable" in r.getMessage()]
    assert len(warnings) == 1


async def test_answered_calls_count_from_their_answer(redis_url: str) -> None:
    store = RedisStore.from_url(redis_url)
    bucket = fresh_names()["token"]
    budgets = [Budget(bucket, "token", limit=1, window=0.4, units=1)]
    first = ticket()
    try:
        assert (await store.take(budgets, (), first))[1] is None
        await asyncio.sleep(0.3)
        await store.restamp(budgets, first)
        await asyncio.sleep(0.2)  # 0.5 s after the take, 0.2 s after the answer
        assert (await store.take(budgets, (), ticket()))[1] is not None
        await asyncio.sleep(0.3)
        assert (await store.take(budgets, (), ticket()))[1] is None
    finally:
        await store.close()
