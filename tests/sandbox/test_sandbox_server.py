"""SandboxServer: binding, latency, stats, live config, reset, determinism over HTTP."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest
from sandbox_testkit import Api

from trelloql.sandbox import SANDBOX_API_KEY, SandboxConfig, SandboxServer, serve_forever


@pytest.mark.parametrize("host", ["0.0.0.0", "localhost", "::1", "192.168.1.10"])
def test_only_loopback(host: str) -> None:
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        SandboxServer(host=host)


async def test_base_url_and_lifecycle() -> None:
    server = SandboxServer()
    await server.start()
    try:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.base_url.endswith("/1")
        assert server.port > 0
    finally:
        await server.stop()


async def test_latency_sleeps_once_per_http_request() -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    config = SandboxConfig(latency_ms=250)
    server = SandboxServer(config, clock=lambda: 100.0, sleep=fake_sleep)
    async with server, aiohttp.ClientSession() as s:
        api = Api(s, server)
        await api.get("/members/me")
        await api.get("/batch", urls="/members/me,/members/grace,/members/alan")
        assert slept == [0.25, 0.25]
        server.config.latency_ms = 0
        await api.get("/members/me")
        assert slept == [0.25, 0.25]


async def test_latency_includes_the_time_spent_answering() -> None:
    slept: list[float] = []
    ticks = iter([10.0, 10.1, 20.0, 20.5])

    async def fake_sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))

    config = SandboxConfig(latency_ms=250, rate_limits=False)  # the clock is the latency's
    server = SandboxServer(config, clock=lambda: next(ticks, 30.0), sleep=fake_sleep)
    async with server, aiohttp.ClientSession() as s:
        api = Api(s, server)
        await api.get("/members/me")  # answered in 100 ms: 150 ms left to sleep
        await api.get("/members/me")  # answered in 500 ms: already late, no sleep
    assert slept == [0.15]


async def test_real_latency_is_a_lower_bound() -> None:
    async with SandboxServer(SandboxConfig(latency_ms=60)) as server, aiohttp.ClientSession() as s:
        started = time.monotonic()
        await Api(s, server).get("/members/me")
        assert time.monotonic() - started >= 0.055


async def test_stats_record_every_request(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Personal")
    await api.get(f"/boards/{board['id']}", fields="name")
    await api.get("/nowhere")
    await api.get("/members/me", token=None)
    await api.get("/batch", urls="/members/me,/members/grace")
    stats = server.stats
    assert stats.count() == 4
    assert stats.count("/1/boards") == 1
    assert stats.units() == 5
    first = stats.requests[0]
    assert (first.method, first.path, first.status) == ("GET", f"/1/boards/{board['id']}", 200)
    assert first.query["fields"] == "name"
    assert first.query["key"] == SANDBOX_API_KEY
    assert [r.status for r in stats.requests] == [200, 404, 401, 200]
    stats.reset()
    assert stats.count() == stats.units() == 0


async def test_store_reset_restores_seed(api: Api, server: SandboxServer) -> None:
    card = server.store.card_by_name("Renew passport")
    card["name"] = "Renew driving licence"
    assert (await api.ok(f"/cards/{card['id']}", fields="name"))["name"] == "Renew driving licence"
    server.store.reset()
    assert (await api.ok(f"/cards/{card['id']}", fields="name"))["name"] == "Renew passport"


async def test_two_servers_serve_identical_json() -> None:
    bodies = []
    for _ in range(2):
        async with SandboxServer() as server, aiohttp.ClientSession() as session:
            api = Api(session, server)
            board = server.store.board_by_name("Product Launch")
            reply = await api.get(
                f"/boards/{board['id']}", fields="all", lists="all", cards="all",
                card_fields="all", actions="all", actions_limit="1000", labels="all",
                checklists="all", members="all",
            )  # fmt: skip
            bodies.append(reply.text)
    assert bodies[0] == bodies[1]


async def test_big_board_config() -> None:
    config = SandboxConfig(big_board_cards=1000, extra_boards=2)
    async with SandboxServer(config) as server, aiohttp.ClientSession() as session:
        big = Api(session, server)
        board = server.store.board_by_name("Big Board")
        cards = await big.ok(f"/boards/{board['id']}/cards/all", fields="idList")
        assert len(cards) == 1000
        assert len({c["idList"] for c in cards}) == 10
        boards = await big.ok("/members/me/boards", fields="name")
        assert len(boards) == 4 + 1 + 2


async def test_serve_forever_prints_the_banner(capsys: pytest.CaptureFixture[str]) -> None:
    task = asyncio.create_task(serve_forever(SandboxConfig()))
    for _ in range(100):
        await asyncio.sleep(0.01)
        if "Sandbox Trello at" in capsys.readouterr().out:
            break
    else:
        pytest.fail("no banner")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
