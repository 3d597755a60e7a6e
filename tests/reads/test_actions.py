"""Action lists everywhere, with one paging model; action edges and reactions."""

from __future__ import annotations

import pytest

from tests.conftest import Query
from tests.reads.helpers import data, error_codes, trello_calls
from trelloql.sandbox import SandboxServer

PAGE = """query($id: ID!, $limit: Int, $page: Int, $before: String, $since: String) {
  board(id: $id) { actions(limit: $limit, page: $page, before: $before, since: $since) { id } }
}"""


async def test_board_actions_page_by_number_and_by_cursor(
    query: Query, sandbox: SandboxServer
) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    every = [a["id"] for a in sandbox.store.actions_of_board(board["id"])]
    first = data(await query(PAGE, {"id": board["id"], "limit": 7}))["board"]["actions"]
    second = data(await query(PAGE, {"id": board["id"], "limit": 7, "page": 1}))
    after = data(await query(PAGE, {"id": board["id"], "limit": 7, "before": first[-1]["id"]}))
    assert [a["id"] for a in first] == every[:7]
    assert [a["id"] for a in second["board"]["actions"]] == every[7:14]
    assert after == second
    newer = data(await query(PAGE, {"id": board["id"], "limit": 50, "since": every[3]}))
    assert [a["id"] for a in newer["board"]["actions"]] == every[:3]


async def test_every_holder_of_actions_pages_the_same_way(
    query: Query, sandbox: SandboxServer
) -> None:
    store = sandbox.store
    board = store.board_by_name("Product Launch")
    card = next(c for c in store.cards_of_board(board["id"]) if store.actions_of_card(c["id"]))
    lst = store.lists_of(board["id"])[1]
    result = await query(
        """query($card: ID!, $list: ID!) {
          card(id: $card) { actions(limit: 2) { id data } all: actions(limit: 1000) { id } }
          list(id: $list) { actions(limit: 3, filter: ["createCard"]) { type data } }
          me { actions(limit: 4) { idMemberCreator } }
          organization(id: "analyticalengines") { actions { type memberCreator { username } } }
        }""",
        {"card": card["id"], "list": lst["id"]},
    )
    got = data(result)
    card_actions = [a["id"] for a in store.actions_of_card(card["id"])]
    assert [a["id"] for a in got["card"]["actions"]] == card_actions[:2]
    assert [a["id"] for a in got["card"]["all"]] == card_actions
    assert {a["type"] for a in got["list"]["actions"]} == {"createCard"}
    assert all(a["data"]["list"]["id"] == lst["id"] for a in got["list"]["actions"])
    assert {a["idMemberCreator"] for a in got["me"]["actions"]} == {store.main_member["id"]}
    org_actions = got["organization"]["actions"]
    assert {a["type"] for a in org_actions} == {"createOrganization", "addMemberToOrganization"}
    assert {a["memberCreator"]["username"] for a in org_actions} == {"ada"}


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ("limit: 0", "limit"),
        ("limit: 1001", "limit"),
        ("page: 20", "page"),
        ("page: -1", "page"),
        ('before: "yesterday"', "before"),
        ('since: "5f0c"', "since"),
        ('filter: ["comment card"]', "filter"),
    ],
)
async def test_paging_is_checked_before_any_call(
    query: Query, sandbox: SandboxServer, arguments: str, field: str
) -> None:
    sandbox.stats.reset()
    result = await query(f'{{ member(id: "ada") {{ actions({arguments}) {{ id }} }} }}')
    assert error_codes(result) == ["BAD_USER_INPUT"]
    assert result["errors"][0]["extensions"]["field"] == field
    assert not any("/actions" in url for url in trello_calls(sandbox))


async def test_action_edges_are_null_without_a_call_when_the_data_has_none(
    query: Query, sandbox: SandboxServer
) -> None:
    store = sandbox.store
    board = store.board_by_name("Bug Triage")
    create_list = next(a for a in store.actions_of_board(board["id"]) if a["type"] == "createList")
    comment = next(a for a in store.actions_of_board(board["id"]) if a["type"] == "commentCard")
    added = next(a for a in store.actions_of_board(board["id"]) if a["type"] == "addMemberToCard")
    fields = "board { name } card { name } list { name } organization { name } member { username }"
    sandbox.stats.reset()
    result = await query(
        f"""query($a: ID!, $b: ID!, $c: ID!) {{
          a: action(id: $a) {{ {fields} }} b: action(id: $b) {{ {fields} }}
          c: action(id: $c) {{ {fields} }}
        }}""",
        {"a": create_list["id"], "b": comment["id"], "c": added["id"]},
    )
    got = data(result)
    assert got["a"]["board"] == {"name": "Bug Triage"}
    assert got["a"]["card"] is None
    assert got["a"]["list"] == {"name": create_list["data"]["list"]["name"]}
    assert got["b"]["card"] == {"name": comment["data"]["card"]["name"]}
    assert got["b"]["member"] is None
    assert got["c"]["member"] == {"username": store.data.members[added["idMember"]]["username"]}
    assert got["a"]["organization"] is None
    urls = trello_calls(sandbox)
    assert not any(u.startswith(f"/actions/{create_list['id']}/card") for u in urls)
    assert not any("/organization" in u for u in urls)


async def test_reactions_and_their_summary(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    reaction = next(iter(store.data.reactions.values()))
    action = store.data.actions[reaction["idModel"]]
    result = await query(
        """query($id: ID!, $r: ID!) { action(id: $id) {
          reactions { id idEmoji emoji { native shortName } member { username } }
          reaction(idReaction: $r) { id idModel member { id } }
          reactionsSummary { idEmoji count emoji { name } }
        } }""",
        {"id": action["id"], "r": reaction["id"]},
    )
    got = data(result)["action"]
    mine = [r for r in store.data.reactions.values() if r["idModel"] == action["id"]]
    assert {r["id"] for r in got["reactions"]} == {r["id"] for r in mine}
    assert got["reaction"] == {
        "id": reaction["id"],
        "idModel": action["id"],
        "member": {"id": reaction["idMember"]},
    }
    assert sum(s["count"] for s in got["reactionsSummary"]) == len(mine)


async def test_unknown_reaction_is_not_found(query: Query, sandbox: SandboxServer) -> None:
    action = next(iter(sandbox.store.data.actions.values()))
    result = await query(
        """query($id: ID!, $r: ID!) { action(id: $id) { type reaction(idReaction: $r) { id } } }""",
        {"id": action["id"], "r": "5f0c1a2b3c4d5e6f7a8b9c0d"},
    )
    assert error_codes(result) == ["NOT_FOUND"]
    assert result["data"]["action"] == {"type": action["type"], "reaction": None}
