"""Sandbox write plumbing: routing by method, the three parameter carriers, persistence, reset."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS, SandboxConfig, SandboxServer

ADA, GRACE = list(SANDBOX_TOKENS)[:2]


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def call(
    http: aiohttp.ClientSession,
    sandbox: SandboxServer,
    method: str,
    path: str,
    token: str = ADA,
    **kwargs: Any,
) -> tuple[int, Any]:
    """One request with Ada's (or `token`'s) credentials in the query; status and body."""
    params = {"key": SANDBOX_API_KEY, "token": token, **kwargs.pop("params", {})}
    async with http.request(method, sandbox.base_url + path, params=params, **kwargs) as reply:
        body = (
            await reply.json() if reply.content_type == "application/json" else await reply.text()
        )
        return reply.status, body


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(rate_limits=False)


@pytest.mark.parametrize("carrier", ["params", "data", "json"])
async def test_params_in_query_form_or_json(
    http: aiohttp.ClientSession, sandbox: SandboxServer, carrier: str
) -> None:
    board = sandbox.store.board_by_name("Personal")
    sent = {"idBoard": board["id"], "name": f"via {carrier}", "color": "sky"}
    status, label = await call(http, sandbox, "POST", "/labels", **{carrier: sent})
    assert status == 200, label
    assert (label["name"], label["color"], label["idBoard"]) == (
        f"via {carrier}",
        "sky",
        board["id"],
    )
    assert sandbox.store.label(label["id"])["name"] == f"via {carrier}"
    assert sandbox.stats.writes("/1/labels")[0].params == {
        "key": SANDBOX_API_KEY,
        "token": ADA,
        **sent,
    }


async def test_json_null_and_booleans_read_like_query_strings(
    http: aiohttp.ClientSession, sandbox: SandboxServer
) -> None:
    board = sandbox.store.board_by_name("Personal")
    json = {"idBoard": board["id"], "name": "", "color": None}
    status, label = await call(http, sandbox, "POST", "/labels", json=json)
    assert status == 200
    assert label["color"] is None


async def test_unknown_methods_and_bad_bodies(
    http: aiohttp.ClientSession, sandbox: SandboxServer
) -> None:
    board = sandbox.store.board_by_name("Personal")
    assert await call(http, sandbox, "PUT", f"/boards/{board['id']}/nowhere") == (
        404,
        f"Cannot PUT /1/boards/{board['id']}/nowhere",
    )
    status, body = await call(
        http, sandbox, "POST", "/labels", data="{", headers={"Content-Type": "application/json"}
    )
    assert (status, body) == (400, "invalid JSON body")


async def test_write_errors_are_trellos(
    http: aiohttp.ClientSession, sandbox: SandboxServer
) -> None:
    personal = sandbox.store.board_by_name("Personal")
    wiki = sandbox.store.board_by_name("Community Wiki")
    missing = "0" * 24
    denied = "unauthorized permission requested"
    cases = [
        (personal["id"], "mauve", ADA, 400, "invalid value for color"),
        ("nope", "red", ADA, 400, "invalid value for idBoard"),
        (missing, "red", ADA, 404, None),
        (wiki["id"], "red", ADA, 401, denied),
        (personal["id"], "red", GRACE, 401, denied),
    ]
    for board_id, color, token, status, text in cases:
        params = {"idBoard": board_id, "name": "x", "color": color}
        got_status, body = await call(http, sandbox, "POST", "/labels", token, params=params)
        assert got_status == status, (params, body)
        if text is not None:
            assert body == text
    assert all(label["name"] != "x" for label in sandbox.store.data.labels.values())


async def test_changes_persist_until_reset(
    http: aiohttp.ClientSession, sandbox: SandboxServer
) -> None:
    label = sandbox.store.labels_of(sandbox.store.board_by_name("Personal")["id"])[0]
    seeded = label["name"]
    status, _ = await call(http, sandbox, "PUT", f"/labels/{label['id']}", json={"name": "renamed"})
    assert status == 200
    status, body = await call(http, sandbox, "GET", f"/labels/{label['id']}")
    assert body["name"] == "renamed"
    sandbox.store.reset()
    status, body = await call(http, sandbox, "GET", f"/labels/{label['id']}")
    assert body["name"] == seeded != "renamed"


async def test_dropped_write_responses(http: aiohttp.ClientSession, sandbox: SandboxServer) -> None:
    label = sandbox.store.labels_of(sandbox.store.board_by_name("Personal")["id"])[0]
    sandbox.config.drop_write_responses = True
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await call(http, sandbox, "PUT", f"/labels/{label['id']}/name", params={"value": "lost"})
    assert sandbox.store.label(label["id"])["name"] == "lost"
    # A plain aiohttp session replays a PUT once when the connection drops: the reason
    # TrelloClient sends writes through a middleware that stops it.
    assert len(sandbox.stats.writes()) == 2
