"""Fault injection: server errors, slow answers, dropped connections, malformed bodies."""

from __future__ import annotations

import argparse
import json

import aiohttp
import pytest
from sandbox_testkit import Api

from trelloql.sandbox import SandboxConfig, SandboxServer
from trelloql.sandbox.faults import (
    DROPPED,
    ERROR_STATUSES,
    Faults,
    add_fault_arguments,
    faults_from_arguments,
)


async def test_no_faults_by_default(api: Api) -> None:
    for _ in range(20):
        assert (await api.get("/members/me")).status == 200


async def test_server_errors(api: Api, server: SandboxServer) -> None:
    server.config.faults = Faults(error_rate=1.0)
    reply = await api.get("/members/me")
    assert reply.status in ERROR_STATUSES
    assert server.stats.requests[-1].status == reply.status


async def test_dropped_connections(api: Api, server: SandboxServer) -> None:
    server.config.faults = Faults(drop_rate=1.0)
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await api.get("/members/me")
    assert server.stats.requests[-1].status == DROPPED


async def test_malformed_bodies(api: Api, server: SandboxServer) -> None:
    server.config.faults = Faults(malformed_rate=1.0)
    reply = await api.get("/members/me")
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        json.loads(reply.text)


async def test_slow_answers_use_the_sandbox_sleep() -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    faults = Faults(slow_rate=1.0, slow_ms=1500)
    config = SandboxConfig(faults=faults)
    async with SandboxServer(config, sleep=fake_sleep) as server, aiohttp.ClientSession() as s:
        assert (await Api(s, server).get("/members/me")).status == 200
    assert slept == [1.5]


async def test_faults_only_on_chosen_paths(api: Api, server: SandboxServer) -> None:
    server.config.faults = Faults(error_rate=1.0, paths=("/boards",))
    assert (await api.get("/members/me")).status == 200
    board = server.store.board_by_name("Product Launch")
    assert (await api.get(f"/boards/{board['id']}")).status in ERROR_STATUSES


async def test_batch_items_fail_one_by_one(api: Api, server: SandboxServer) -> None:
    server.config.faults = Faults(error_rate=1.0, paths=("/boards",))
    board = server.store.board_by_name("Product Launch")
    items = await api.ok("/batch", urls=f"/members/me,/boards/{board['id']}")
    assert list(items[0]) == ["200"]
    assert int(next(iter(items[1]))) in ERROR_STATUSES


async def test_rates_are_repeatable_with_a_seed(api: Api, server: SandboxServer) -> None:
    async def statuses() -> list[int]:
        server.config.faults = Faults(error_rate=0.5, seed=11)
        return [(await api.get("/members/me")).status for _ in range(30)]

    first = await statuses()
    assert first == await statuses()
    assert 200 in first
    assert set(first) - {200}


def test_rates_are_checked() -> None:
    with pytest.raises(ValueError, match="error_rate"):
        Faults(error_rate=1.5)


def test_faults_from_the_command_line() -> None:
    parser = argparse.ArgumentParser()
    add_fault_arguments(parser)
    assert faults_from_arguments(parser.parse_args([])) == Faults()
    args = parser.parse_args(
        [
            "--fault-error-rate",
            "0.2",
            "--fault-slow-rate",
            "0.1",
            "--fault-slow-ms",
            "3000",
            "--fault-path",
            "/boards",
            "--fault-path",
            "/cards",
            "--fault-seed",
            "4",
        ]
    )
    assert faults_from_arguments(args) == Faults(
        error_rate=0.2, slow_rate=0.1, slow_ms=3000, paths=("/boards", "/cards"), seed=4
    )
