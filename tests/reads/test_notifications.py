"""A member's notifications: filters, paging, one by id and what it is about."""

from __future__ import annotations

import pytest

from tests.conftest import Query
from tests.reads.helpers import as_member, data, error_codes, trello_calls
from trelloql.sandbox import SandboxServer


def _mine(sandbox: SandboxServer, username: str) -> list[dict]:
    member = sandbox.store.by_username[username]["id"]
    found = [n for n in sandbox.store.data.notifications.values() if n["idMember"] == member]
    return sorted(found, key=lambda n: (n["date"], n["id"]), reverse=True)


async def test_filters_and_paging(query: Query, sandbox: SandboxServer) -> None:
    mine = _mine(sandbox, "ada")
    result = await query(
        """query($before: ID!) { me {
          unread: notifications(readFilter: UNREAD) { id unread }
          read: notifications(readFilter: READ, limit: 3) { id unread dateRead }
          page: notifications(limit: 4, page: 1) { id }
          older: notifications(limit: 4, before: $before) { id }
          comments: notifications(filter: ["commentCard"], limit: 100) { type }
        } }""",
        {"before": mine[3]["id"]},
    )
    me = data(result)["me"]
    assert [n["id"] for n in me["unread"]] == [n["id"] for n in mine if n["unread"]]
    assert len(me["unread"]) == 5
    assert all(not n["unread"] and n["dateRead"] for n in me["read"])
    assert [n["id"] for n in me["page"]] == [n["id"] for n in mine[4:8]]
    assert me["older"] == me["page"]
    assert {n["type"] for n in me["comments"]} == {"commentCard"}


async def test_one_notification_and_what_it_is_about(query: Query, sandbox: SandboxServer) -> None:
    comment = next(n for n in _mine(sandbox, "ada") if n["type"] == "commentCard")
    added = next(n for n in _mine(sandbox, "ada") if n["type"] == "addedToCard")
    fields = """id type unread data memberCreator { id } member { username } board { name }
                card { id } list { name } organization { name } action { id type }"""
    result = await query(
        f"""query($a: ID!, $b: ID!) {{
          a: notification(id: $a) {{ {fields} }} b: notification(id: $b) {{ {fields} }}
        }}""",
        {"a": comment["id"], "b": added["id"]},
    )
    got = data(result)
    assert got["a"]["memberCreator"] == {"id": comment["idMemberCreator"]}
    assert got["a"]["card"] == {"id": comment["data"]["card"]["id"]}
    assert got["a"]["board"] == {"name": comment["data"]["board"]["name"]}
    assert got["a"]["action"] == {"id": comment["idAction"], "type": "commentCard"}
    assert got["a"]["member"] is None
    assert got["a"]["organization"] is None
    assert got["b"]["member"] == {"username": "ada"}


async def test_someone_elses_notification_is_forbidden(
    query: Query, sandbox: SandboxServer
) -> None:
    theirs = _mine(sandbox, "grace")[0]
    result = await query("query($id: ID!) { notification(id: $id) { id } }", {"id": theirs["id"]})
    assert error_codes(result) == ["FORBIDDEN"]
    same = await query(
        "query($id: ID!) { notification(id: $id) { id } }",
        {"id": theirs["id"]},
        headers=as_member("grace"),
    )
    assert data(same) == {"notification": {"id": theirs["id"]}}


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ("limit: 1001", "limit"),
        ("page: 101", "page"),
        ('before: "2024-01-01T00:00:00Z"', "before"),
        ('filter: ["mentioned on card"]', "filter"),
    ],
)
async def test_notification_paging_is_checked_first(
    query: Query, sandbox: SandboxServer, arguments: str, field: str
) -> None:
    sandbox.stats.reset()
    result = await query(f"{{ me {{ id notifications({arguments}) {{ id }} }} }}")
    assert error_codes(result) == ["BAD_USER_INPUT"]
    assert result["errors"][0]["extensions"]["field"] == field
    assert not any("notifications" in url for url in trello_calls(sandbox))
