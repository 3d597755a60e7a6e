"""Bursts far over Trello's budget: the sandbox never says 429, clients get data or a clean
RATE_LIMITED with a retry hint, alone or with two replicas sharing Redis."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.hardening.conftest import MakeService
from tests.hardening.traffic import Answer, burst, sandbox_429s, upstream_429s
from trelloql.sandbox import SandboxServer

BURST = 500


def requests_for(sandbox: SandboxServer) -> list[tuple[str, dict[str, Any] | None]]:
    board = sandbox.store.board_by_name("Product Launch")
    return [
        ("{ me { fullName } }", None),
        ("query($id: ID!) { board(id: $id) { name lists { name } } }", {"id": board["id"]}),
        ("query Boards { me { boards { name } } }", None),
    ]


def assert_clean(answers: list[Answer]) -> tuple[int, int]:
    """Every answer is 200 with data, or RATE_LIMITED errors with a hint; count both."""
    served = limited = 0
    for answer in answers:
        assert answer.status == 200, answer.body
        if not answer.codes:
            assert answer.has_data
            served += 1
            continue
        assert set(answer.codes) == {"RATE_LIMITED"}, answer.body
        for error in answer.body["errors"]:
            assert error["extensions"]["retryAfter"] >= 1
            assert "rate limit" in error["message"].lower()
        limited += 1
    return served, limited


async def test_a_burst_never_reaches_trellos_limit(
    sandbox: SandboxServer, make_service: MakeService
) -> None:
    service = await make_service()
    started = time.monotonic()
    answers = await burst([service], requests_for(sandbox), BURST)
    elapsed = time.monotonic() - started
    served, limited = assert_clean(answers)
    assert served > 0
    assert limited > 0
    assert sandbox_429s(sandbox) == 0
    assert upstream_429s(answers) == 0
    assert sandbox.stats.units() <= 90
    assert elapsed < 20
    metrics = (await (await service.get("/metrics")).read()).decode()
    assert 'trelloql_ratelimit_rejections_total{bucket="token"}' in metrics


async def test_two_replicas_share_one_budget_through_redis(
    sandbox: SandboxServer, make_service: MakeService, redis_url: str
) -> None:
    replicas = [await make_service(redis_url=redis_url) for _ in range(2)]
    answers = await burst(replicas, requests_for(sandbox), BURST)
    served, limited = assert_clean(answers)
    assert served > 0
    assert limited > 0
    assert sandbox_429s(sandbox) == 0
    assert upstream_429s(answers) == 0
    assert sandbox.stats.units() <= 90


@pytest.mark.parametrize("concurrency", [10])
async def test_trellos_headers_hold_back_a_limit_set_too_high(
    sandbox: SandboxServer, make_service: MakeService, concurrency: int
) -> None:
    """With our own limits far above Trello's, its x-rate-limit headers still stop us:
    at most the calls already in flight meet a 429, then clients get RATE_LIMITED."""
    service = await make_service(
        rate_limit_token=10_000, rate_limit_key=30_000, rate_limit_member=10_000
    )
    answers = await burst([service], requests_for(sandbox), 300, concurrency=concurrency)
    for answer in answers:
        assert answer.status == 200
        assert set(answer.codes) <= {"RATE_LIMITED"}, answer.body
    assert sum(1 for a in answers if not a.codes) > 0
    assert sandbox_429s(sandbox) + upstream_429s(answers) <= 2 * concurrency
