"""Trello's rate limits, driven by an injected clock (no sleeping)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from sandbox_testkit import ADA, ALAN, GRACE, KATHERINE, Api

from trelloql.sandbox import SandboxServer
from trelloql.sandbox.ratelimit import RateLimiter


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def limited(clock: FakeClock) -> AsyncIterator[Api]:
    async with SandboxServer(clock=clock) as server, aiohttp.ClientSession() as session:
        yield Api(session, server)


async def _spend(api: Api, token: str, units: int) -> None:
    """Spend ``units`` (a multiple of 10) through batches of ten."""
    urls = ",".join(["/members/me/boards?fields=name"] * 10)
    for _ in range(units // 10):
        assert (await api.get("/batch", token=token, urls=urls)).status == 200


def test_window_slides(clock: FakeClock) -> None:
    limiter = RateLimiter(clock)
    for _ in range(100):
        assert limiter.acquire("k", "t").allowed
    refused = limiter.acquire("k", "t")
    assert not refused.allowed
    assert refused.error is not None
    assert refused.error["error"] == "API_TOKEN_LIMIT_EXCEEDED"
    assert refused.headers["x-rate-limit-api-token-remaining"] == "0"
    clock.now += 9.99
    assert not limiter.acquire("k", "t").allowed
    clock.now += 0.01
    verdict = limiter.acquire("k", "t", units=10)
    assert verdict.allowed
    assert verdict.headers["x-rate-limit-api-token-remaining"] == "90"
    assert verdict.headers["x-rate-limit-api-key-remaining"] == "290"


async def test_token_limit_returns_429_json(limited: Api, clock: FakeClock) -> None:
    await _spend(limited, ADA, 90)
    for _ in range(10):
        assert (await limited.get("/members/me/boards", fields="name")).status == 200
    reply = await limited.get("/members/me/boards", fields="name")
    assert reply.status == 429
    assert reply.json["error"] == "API_TOKEN_LIMIT_EXCEEDED"
    assert reply.json["message"]
    assert reply.headers["Content-Type"].startswith("application/json")
    assert reply.headers["x-rate-limit-api-token-interval-ms"] == "10000"
    assert reply.headers["x-rate-limit-api-token-max"] == "100"
    assert reply.headers["x-rate-limit-api-token-remaining"] == "0"
    assert (await limited.get("/members/me", token=GRACE)).status == 200
    clock.now += 10
    assert (await limited.get("/members/me/boards")).status == 200


async def test_batch_needing_more_units_than_remain_is_refused_whole(limited: Api) -> None:
    await _spend(limited, ADA, 90)
    for _ in range(5):
        await limited.get("/members/me/boards", fields="name")
    reply = await limited.get("/batch", urls=",".join(["/members/me/boards"] * 10))
    assert reply.status == 429
    assert reply.headers["x-rate-limit-api-token-remaining"] == "5"
    reply = await limited.get("/batch", urls=",".join(["/members/me/boards"] * 5))
    assert reply.status == 200
    assert reply.headers["x-rate-limit-api-token-remaining"] == "0"
    assert (await limited.get("/members/me/boards")).status == 429


async def test_key_limit_is_shared_by_tokens(limited: Api) -> None:
    for token in (ADA, GRACE, ALAN):
        await _spend(limited, token, 100)
    reply = await limited.get("/members/me/boards", token=KATHERINE)
    assert reply.status == 429
    assert reply.json["error"] == "API_KEY_LIMIT_EXCEEDED"
    assert reply.headers["x-rate-limit-api-key-remaining"] == "0"


async def test_member_route_limit(limited: Api, clock: FakeClock) -> None:
    for _ in range(60):
        reply = await limited.get("/members/me", fields="id")
    assert reply.headers["x-rate-limit-member-remaining"] == "40"
    assert reply.headers["x-rate-limit-member-interval-ms"] == "900000"
    clock.now += 11
    for _ in range(40):
        assert (await limited.get("/members/ada", fields="id")).status == 200
    reply = await limited.get("/members/me", fields="id")
    assert reply.status == 429
    assert reply.headers["x-rate-limit-member-remaining"] == "0"
    nested = await limited.get("/members/me/boards", fields="name")
    assert nested.status == 200
    assert "x-rate-limit-member-remaining" not in nested.headers
    inside = await limited.get("/batch", urls="/members/me,/members/me/boards")
    assert [next(iter(item)) for item in inside.json] == ["429", "200"]
    clock.now += 900
    assert (await limited.get("/members/me")).status == 200


async def test_limits_can_be_switched_off_at_run_time(limited: Api) -> None:
    await _spend(limited, ADA, 100)
    assert (await limited.get("/members/me/boards")).status == 429
    limited.server.config.rate_limits = False
    reply = await limited.get("/members/me/boards")
    assert reply.status == 200
    assert not any(name.startswith("x-rate-limit") for name in reply.headers)
    limited.server.config.rate_limits = True
    assert (await limited.get("/members/me/boards")).status == 429
