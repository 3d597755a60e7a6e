"""``fields=``: Trello's default sets, explicit lists, ``all`` and unknown names."""

from __future__ import annotations

import pytest
from sandbox_testkit import Api

from trelloql.sandbox import SandboxServer, Store
from trelloql.sandbox.cardview import card_view
from trelloql.sandbox.fields import FIELDS
from trelloql.sandbox.views import (
    board_view,
    checklist_view,
    label_view,
    list_view,
    member_view,
    org_view,
)

BOARD_DEFAULT = {
    "id", "name", "desc", "descData", "closed", "idOrganization", "pinned", "url", "shortUrl",
    "prefs", "labelNames",
}  # fmt: skip
CARD_DEFAULT = {
    "id", "badges", "checkItemStates", "closed", "dateLastActivity", "desc", "descData", "due",
    "start", "idBoard", "idChecklists", "idLabels", "idList", "idMembers", "idShort",
    "idAttachmentCover", "manualCoverAttachment", "labels", "name", "pos", "shortUrl", "url",
}  # fmt: skip


async def test_board_default_fields(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Bug Triage")
    body = await api.ok(f"/boards/{board['id']}")
    assert set(body) == BOARD_DEFAULT
    assert body["name"] == "Bug Triage"
    assert body["prefs"]["permissionLevel"] == "org"
    assert body["labelNames"]["red"] == "crash"


async def test_card_default_fields(api: Api, server: SandboxServer) -> None:
    card = server.store.card_by_name("Pricing FAQ")
    body = await api.ok(f"/cards/{card['id']}")
    assert set(body) == CARD_DEFAULT
    assert body["idLabels"] == [label["id"] for label in body["labels"]]


async def test_list_and_member_defaults(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Personal")
    lst = server.store.list_by_name(board["id"], "Doing")
    assert set(await api.ok(f"/lists/{lst['id']}")) == {"id", "name", "closed", "idBoard", "pos"}
    assert set(await api.ok("/members/me")) == set(FIELDS["member"])
    assert set(await api.ok("/organizations/compilerguild")) == set(FIELDS["organization"])


async def test_explicit_fields_always_include_id(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Bug Triage")
    body = await api.ok(f"/boards/{board['id']}", fields="name,shortLink,starred")
    assert body == {
        "id": board["id"], "name": "Bug Triage", "shortLink": board["shortLink"],
        "starred": False,
    }  # fmt: skip
    assert await api.ok(f"/boards/{board['id']}", fields="id") == {"id": board["id"]}


async def test_fields_all(api: Api, server: SandboxServer) -> None:
    card = server.store.card_by_name("Pricing FAQ")
    body = await api.ok(f"/cards/{card['id']}", fields="all")
    assert set(body) == set(FIELDS["card"])
    assert body["shortLink"] == card["shortLink"]


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/boards/{board}", "fields"),
        ("/boards/{board}?lists=open", "list_fields"),
        ("/boards/{board}?cards=open", "card_fields"),
        ("/boards/{board}?members=all", "member_fields"),
        ("/boards/{board}/cards", "fields"),
        ("/members/me?boards=open", "board_fields"),
        ("/members/me/boards", "fields"),
    ],
)
async def test_unknown_field_is_a_400(
    api: Api, server: SandboxServer, path: str, param: str
) -> None:
    board = server.store.board_by_name("Product Launch")
    target, _, extra = path.format(board=board["id"]).partition("?")
    params = dict([extra.split("=")]) if extra else {}
    reply = await api.get(target, **params, **{param: "name,bogus"})
    assert (reply.status, reply.text) == (400, f"invalid value for {param}")
    assert reply.headers["Content-Type"].startswith("text/plain")


def test_views_provide_every_listed_field() -> None:
    store = Store()
    data, viewer = store.data, store.main_member["id"]
    card = store.card_by_name("Pricing FAQ")
    views = {
        "board": board_view(store, data.boards[card["idBoard"]], viewer),
        "card": card_view(store, card, viewer),
        "list": list_view(store, data.lists[card["idList"]]),
        "member": member_view(store, store.main_member, viewer),
        "organization": org_view(store, next(iter(data.organizations.values())), viewer),
        "label": label_view(store, next(iter(data.labels.values()))),
        "checklist": checklist_view(next(iter(data.checklists.values()))),
        "attachment": next(iter(data.attachments.values())),
        "action": next(iter(data.actions.values())),
    }
    for resource, view in views.items():
        assert set(FIELDS[resource]) <= set(view), resource
