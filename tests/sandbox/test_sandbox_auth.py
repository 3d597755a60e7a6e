"""Authentication, visibility, lookups by alias, and Trello's error bodies."""

from __future__ import annotations

import pytest
from sandbox_testkit import ADA, GRACE, KATHERINE, Api

from trelloql.sandbox import SANDBOX_API_KEY, SandboxServer


@pytest.mark.parametrize(
    ("key", "token", "text"),
    [
        (None, ADA, "invalid key"),
        ("0" * 32, ADA, "invalid key"),
        (SANDBOX_API_KEY, None, "invalid token"),
        (SANDBOX_API_KEY, "f" * 64, "invalid token"),
    ],
)
async def test_bad_credentials_are_401(
    api: Api, key: str | None, token: str | None, text: str
) -> None:
    reply = await api.get("/members/me", key=key, token=token)
    assert (reply.status, reply.text) == (401, text)
    assert reply.headers["Content-Type"].startswith("text/plain")


async def test_oauth_header(api: Api, server: SandboxServer) -> None:
    header = f'OAuth oauth_consumer_key="{SANDBOX_API_KEY}", oauth_token="{GRACE}"'
    reply = await api.get("/members/me", key=None, token=None, headers={"Authorization": header})
    assert reply.status == 200
    assert reply.json["username"] == "grace"
    bad = f'OAuth oauth_consumer_key="{SANDBOX_API_KEY}", oauth_token="nope"'
    reply = await api.get("/members/me", key=None, token=None, headers={"Authorization": bad})
    assert (reply.status, reply.text) == (401, "invalid token")


async def test_me_username_and_id_lookups(api: Api, server: SandboxServer) -> None:
    ada = server.store.main_member
    for ref in ("me", "ada", ada["id"]):
        assert (await api.ok(f"/members/{ref}", fields="username"))["id"] == ada["id"]
    grace = await api.get("/members/me", token=GRACE, fields="fullName")
    assert grace.json["fullName"] == "Grace Hopper"
    other = await api.ok("/members/katherine", fields="email,fullName")
    assert other["email"] is None


async def test_board_and_card_short_links(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Personal")
    by_link = await api.ok(f"/boards/{board['shortLink']}", fields="name")
    assert by_link == {"id": board["id"], "name": "Personal"}
    card = server.store.card_by_name("Renew passport")
    assert (await api.ok(f"/cards/{card['shortLink']}", fields="name"))["id"] == card["id"]
    assert (await api.ok("/organizations/compilerguild", fields="name"))["name"] == "compilerguild"


@pytest.mark.parametrize(
    "path",
    ["/boards/not-an-id!", "/cards/123", "/lists/xyz", "/labels/1", "/checklists/q",
     "/actions/zz", "/members/a!", "/organizations/$$"],
)  # fmt: skip
async def test_malformed_ids_are_400(api: Api, path: str) -> None:
    reply = await api.get(path)
    assert (reply.status, reply.text) == (400, "invalid id")


@pytest.mark.parametrize(
    "path",
    ["/boards/{oid}", "/cards/{oid}", "/lists/{oid}", "/labels/{oid}", "/checklists/{oid}",
     "/actions/{oid}", "/members/{oid}", "/members/nobody", "/organizations/nowhere",
     "/boards/ZZZZZZZZ"],
)  # fmt: skip
async def test_unknown_ids_are_404(api: Api, path: str) -> None:
    reply = await api.get(path.format(oid="0123456789abcdef01234567"))
    assert (reply.status, reply.text) == (404, "The requested resource was not found.")


async def test_unknown_route_is_404(api: Api, server: SandboxServer) -> None:
    reply = await api.get("/whatever")
    assert (reply.status, reply.text) == (404, "Cannot GET /1/whatever")
    board = server.store.board_by_name("Personal")
    reply = await api.get(f"/boards/{board['id']}/nope")
    assert reply.text == f"Cannot GET /1/boards/{board['id']}/nope"
    async with api.session.post(server.base_url + "/members") as response:
        assert (response.status, await response.text()) == (404, "Cannot POST /1/members")


async def test_private_board_of_another_member(api: Api, server: SandboxServer) -> None:
    store = server.store
    board = store.board_by_name("Compiler Roadmap 2025")
    card = store.cards_of_board(board["id"])[0]
    lst = store.lists_of(board["id"])[0]
    checklist = store.checklists_of_board(board["id"])[0]
    action = store.actions_of_board(board["id"])[0]
    paths = [
        f"/boards/{board['id']}", f"/boards/{board['shortLink']}/cards",
        f"/boards/{board['id']}/lists", f"/cards/{card['id']}", f"/lists/{lst['id']}",
        f"/checklists/{checklist['id']}", f"/actions/{action['id']}",
        f"/labels/{store.labels_of(board['id'])[0]['id']}",
    ]  # fmt: skip
    for path in paths:
        reply = await api.get(path)
        assert (reply.status, reply.text) == (401, "unauthorized permission requested"), path
    assert (await api.get(f"/boards/{board['id']}", token=GRACE)).status == 200
    names = {b["name"] for b in await api.ok("/members/grace/boards", fields="name")}
    assert "Compiler Roadmap 2025" not in names


async def test_org_visible_and_public_boards(api: Api, server: SandboxServer) -> None:
    hiring = server.store.board_by_name("Engine Hiring Plan")
    assert (await api.get(f"/boards/{hiring['id']}")).status == 200
    assert (await api.get(f"/boards/{hiring['id']}", token=GRACE)).status == 401
    assert (await api.get(f"/boards/{hiring['id']}", token=KATHERINE)).status == 200
    wiki = server.store.board_by_name("Community Wiki")
    assert (await api.get(f"/boards/{wiki['id']}/cards", token=GRACE)).status == 200
    reply = await api.get("/organizations/analyticalengines", token=GRACE)
    assert (reply.status, reply.text) == (401, "unauthorized permission requested")
