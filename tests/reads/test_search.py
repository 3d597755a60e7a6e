"""Search across boards, cards, members and workspaces; member search."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import Query
from tests.reads.helpers import data, error_codes, trello_calls
from trelloql.sandbox import SandboxServer


def _search_params(sandbox: SandboxServer) -> dict[str, str]:
    (url,) = [u for u in trello_calls(sandbox) if u.startswith("/search")]
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


async def test_only_the_selected_kinds_are_searched_with_their_fields(
    query: Query, sandbox: SandboxServer
) -> None:
    sandbox.stats.reset()
    result = await query(
        '{ search(query: "launch") { cards { id name board { name } } boards { name } } }'
    )
    got = data(result)["search"]
    assert got["boards"] == [{"name": "Product Launch"}]
    assert got["cards"]
    cards = sandbox.store.data.cards
    found = [cards[c["id"]] for c in got["cards"]]
    assert all("launch" in (c["name"] + " " + c["desc"]).lower() for c in found)
    params = _search_params(sandbox)
    assert params["modelTypes"] == "boards,cards"
    assert set(params["card_fields"].split(",")) == {"id", "name", "idBoard"}
    assert params["board_fields"] == "id,name"
    assert params["cards_limit"] == params["boards_limit"] == "10"
    assert "members_limit" not in params


async def test_partial_words_limits_and_card_pages(query: Query, sandbox: SandboxServer) -> None:
    result = await query(
        """{
          whole: search(query: "laun") { cards { id } }
          partial: search(query: "laun", partial: true, limit: 2) { cards { id } }
          next: search(query: "laun", partial: true, limit: 2, page: 1) { cards { id } }
          all: search(query: "laun", partial: true, limit: 1000) { cards { id } }
        }"""
    )
    got = data(result)
    every = [c["id"] for c in got["all"]["cards"]]
    assert got["whole"]["cards"] == []
    assert [c["id"] for c in got["partial"]["cards"]] == every[:2]
    assert [c["id"] for c in got["next"]["cards"]] == every[2:4]


async def test_scoped_search_members_and_workspaces(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Bug Triage")
    result = await query(
        """query($board: ID!) {
          scoped: search(query: "crash", idBoards: [$board]) { cards { idBoard } }
          people: search(query: "grace") { members { username fullName } }
          places: search(query: "compiler") { organizations { name displayName } }
        }""",
        {"board": board["id"]},
    )
    got = data(result)
    assert {c["idBoard"] for c in got["scoped"]["cards"]} == {board["id"]}
    assert got["people"]["members"] == [{"username": "grace", "fullName": "Grace Hopper"}]
    assert got["places"]["organizations"] == [
        {"name": "compilerguild", "displayName": "Compiler Guild"}
    ]


async def test_search_members(query: Query, sandbox: SandboxServer) -> None:
    result = await query(
        """query($org: ID!) {
          a: searchMembers(query: "a") { username }
          one: searchMembers(query: "a", limit: 1) { username }
          guild: searchMembers(query: "a", idOrganization: $org, onlyOrgMembers: true) {
            username
          }
        }""",
        {"org": sandbox.store.org_by_name["compilerguild"]["id"]},
    )
    got = data(result)
    assert {m["username"] for m in got["a"]} == {"ada", "alan"}
    assert len(got["one"]) == 1
    assert {m["username"] for m in got["guild"]} == {"ada", "alan"}


@pytest.mark.parametrize(
    ("field", "arguments", "name"),
    [
        ("search", 'query: ""', "query"),
        ("search", 'query: "x", limit: 0', "limit"),
        ("search", 'query: "x", limit: 1001', "limit"),
        ("search", 'query: "x", page: 101', "page"),
        ("search", 'query: "x", idBoards: ["nope"]', "idBoards"),
        ("searchMembers", 'query: "x", limit: 21', "limit"),
        ("searchMembers", 'query: "x", idBoard: "b"', "idBoard"),
    ],
)
async def test_search_arguments_are_checked_before_any_call(
    query: Query, sandbox: SandboxServer, field: str, arguments: str, name: str
) -> None:
    selection = "{ cards { id } }" if field == "search" else "{ id }"
    sandbox.stats.reset()
    result = await query(f"{{ {field}({arguments}) {selection} }}")
    assert error_codes(result) == ["BAD_USER_INPUT"]
    assert result["errors"][0]["extensions"]["field"] == name
    assert sandbox.stats.count() == 0
