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


async def test_the_other_routes_trello_offers(
    http: aiohttp.ClientSession, sandbox: SandboxServer
) -> None:
    """Routes the graph does not use, still served as Trello serves them."""
    store = sandbox.store
    card = store.cards_of_board(store.board_by_name("Personal")["id"])[0]
    cid = card["id"]

    status, checklist = await call(http, sandbox, "POST", "/checklists", json={"idCard": cid})
    assert (status, checklist["name"]) == (200, "Checklist")
    clid = checklist["id"]
    status, _ = await call(http, sandbox, "PUT", f"/checklists/{clid}/name", json={"value": "Two"})
    assert store.checklist(clid)["name"] == "Two"
    items = []
    for name in ("a", "b"):
        path = f"/checklists/{clid}/checkItems"
        status, item = await call(http, sandbox, "POST", path, data={"name": name})
        items.append(item["id"])
    path = f"/cards/{cid}/checklist/{clid}/checkItem/{items[1]}"
    status, moved = await call(http, sandbox, "PUT", path, params={"pos": "top"})
    assert (status, moved["id"]) == (200, items[1])
    assert [i["name"] for i in store.checklist(clid)["checkItems"]] == ["b", "a"]
    status, _ = await call(http, sandbox, "DELETE", f"/cards/{cid}/checkItem/{items[0]}")
    assert [i["id"] for i in store.checklist(clid)["checkItems"]] == [items[1]]
    status, _ = await call(http, sandbox, "DELETE", f"/cards/{cid}/checklists/{clid}")
    assert status == 200
    assert clid not in store.data.checklists

    path = f"/cards/{cid}/actions/comments"
    status, comment = await call(http, sandbox, "POST", path, params={"text": "hello"})
    aid = comment["id"]
    path = f"/cards/{cid}/actions/{aid}/comments"
    status, edited = await call(http, sandbox, "PUT", path, json={"text": "edited"})
    assert edited["data"]["text"] == "edited"
    status, _ = await call(http, sandbox, "PUT", f"/actions/{aid}/text", json={"value": "v"})
    assert store.action(aid)["data"]["text"] == "v"
    status, _ = await call(http, sandbox, "DELETE", path)
    assert status == 200
    assert aid not in store.data.actions


async def test_write_rules(http: aiohttp.ClientSession, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Personal")
    card = store.cards_of_board(board["id"])[0]
    cid = card["id"]
    other = store.board_by_name("Bug Triage")
    cases = [
        ("PUT", f"/cards/{cid}", {"pos": "-4"}, 400, "invalid value for pos"),
        ("PUT", f"/cards/{cid}", {"due": "someday"}, 400, "invalid value for due"),
        ("PUT", f"/cards/{cid}", {"closed": "yes"}, 400, "invalid value for closed"),
        ("PUT", f"/cards/{cid}", {"name": ""}, 400, "invalid value for name"),
        ("PUT", f"/cards/{cid}", {"idLabels": store.labels_of(other["id"])[0]["id"]}, 400,
         "invalid value for idLabels"),
        ("PUT", f"/cards/{cid}", {"idList": store.lists_of(board["id"])[0]["id"],
                                  "idBoard": other["id"]}, 400, "invalid value for idList"),
        ("POST", "/cards", {"idList": "0" * 24}, 404, None),
        ("POST", "/cards", {}, 400, "invalid value for idList"),
        ("POST", f"/cards/{cid}/stickers", {"image": "heart", "top": "0", "left": "0"}, 400,
         "invalid value for zIndex"),
        ("POST", f"/cards/{cid}/attachments", {"url": "nope"}, 400, "invalid value for url"),
        ("POST", f"/cards/{cid}/membersVoted", {"value": store.by_username["grace"]["id"]}, 401,
         "unauthorized permission requested"),
        ("POST", f"/cards/{cid}/actions/comments", {"text": ""}, 400, "invalid value for text"),
    ]  # fmt: skip
    for method, path, params, status, text in cases:
        got_status, body = await call(http, sandbox, method, path, json=params)
        assert got_status == status, (path, params, body)
        if text is not None:
            assert body == text
    assert store.card(cid)["closed"] is False
