"""Checklist and check item mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from typing import Any

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from trelloql.sandbox import SandboxServer

CHECKLISTS = """query($id: ID!) { card(id: $id) {
  checklists { id name pos checkItems { id name state pos } }
  badges { checkItems checkItemsChecked }
} }"""


def a_card(sandbox: SandboxServer) -> dict[str, Any]:
    board = sandbox.store.board_by_name("Personal")
    return next(c for c in sandbox.store.cards_of_board(board["id"]) if not c["closed"])


async def read(query: Query, card_id: str) -> dict[str, Any]:
    return (await run(query, CHECKLISTS, id=card_id))["card"]


async def test_checklist_lifecycle(query: Query, sandbox: SandboxServer) -> None:
    card = a_card(sandbox)
    before = len(sandbox.store.checklists_of_card(card["id"]))
    create = """mutation($input: CreateChecklistInput!) {
      createChecklist(input: $input) { id name idCard checkItems { id } }
    }"""
    first = await run(query, create, input={"idCard": card["shortLink"], "name": "Packing"})
    second = await run(query, create, input={"idCard": card["id"], "pos": "top"})
    packing, untitled = first["createChecklist"], second["createChecklist"]
    assert (packing["name"], packing["idCard"], packing["checkItems"]) == (
        "Packing", card["id"], [],
    )  # fmt: skip
    assert untitled["name"] == "Checklist"
    names = [c["name"] for c in (await read(query, card["id"]))["checklists"]]
    assert (names[0], names[-1], len(names)) == ("Checklist", "Packing", before + 2)

    renamed = await run(
        query,
        """mutation($id: ID!) {
          updateChecklist(input: {id: $id, name: "Travel", pos: "top"}) { name }
        }""",
        id=packing["id"],
    )
    assert renamed["updateChecklist"] == {"name": "Travel"}
    assert (await read(query, card["id"]))["checklists"][0]["name"] == "Travel"

    deleted = await run(
        query,
        "mutation($id: ID!) { deleteChecklist(input: {id: $id}) { id deleted } }",
        id=untitled["id"],
    )
    assert deleted["deleteChecklist"] == {"id": untitled["id"], "deleted": True}
    ids = [c["id"] for c in (await read(query, card["id"]))["checklists"]]
    assert untitled["id"] not in ids
    assert packing["id"] in ids


async def test_check_items(query: Query, sandbox: SandboxServer) -> None:
    card = a_card(sandbox)
    checklist = (
        await run(
            query,
            'mutation($id: ID!) { createChecklist(input: {idCard: $id, name: "Todo"}) { id } }',
            id=card["id"],
        )
    )["createChecklist"]
    add = """mutation($input: CreateCheckItemInput!) {
      createCheckItem(input: $input) { id name state idChecklist }
    }"""
    tea = await run(query, add, input={"idChecklist": checklist["id"], "name": "Tea"})
    milk = await run(
        query, add, input={"idChecklist": checklist["id"], "name": "Milk", "checked": True}
    )
    tea_item, milk_item = tea["createCheckItem"], milk["createCheckItem"]
    assert (tea_item["state"], milk_item["state"]) == ("INCOMPLETE", "COMPLETE")
    assert tea_item["idChecklist"] == checklist["id"]

    update = """mutation($input: UpdateCheckItemInput!) {
      updateCheckItem(input: $input) { id name state }
    }"""
    done = await run(
        query,
        update,
        input={"idCard": card["id"], "id": tea_item["id"], "state": "COMPLETE",
               "name": "Green tea", "pos": "bottom"},
    )  # fmt: skip
    assert done["updateCheckItem"] == {
        "id": tea_item["id"],
        "name": "Green tea",
        "state": "COMPLETE",
    }
    await run(
        query, update, input={"idCard": card["id"], "id": milk_item["id"], "state": "INCOMPLETE"}
    )
    items = next(
        c for c in (await read(query, card["id"]))["checklists"] if c["id"] == checklist["id"]
    )["checkItems"]
    assert [(i["name"], i["state"]) for i in items] == [
        ("Milk", "INCOMPLETE"), ("Green tea", "COMPLETE"),
    ]  # fmt: skip

    deleted = await run(
        query,
        """mutation($list: ID!, $id: ID!) {
          deleteCheckItem(input: {idChecklist: $list, id: $id}) { id deleted }
        }""",
        list=checklist["id"],
        id=milk_item["id"],
    )
    assert deleted["deleteCheckItem"] == {"id": milk_item["id"], "deleted": True}
    badges = (await read(query, card["id"]))["badges"]
    assert badges["checkItemsChecked"] >= 1
    actions = [a["type"] for a in sandbox.store.actions_of_card(card["id"])[:3]]
    assert actions[0] == "deleteCheckItem"
    assert "updateCheckItemStateOnCard" in actions


async def test_convert_check_item_to_card(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    checklist = next(c for c in store.data.checklists.values() if c["checkItems"])
    item = checklist["checkItems"][0]
    card = store.card(checklist["idCard"])
    converted = await run(
        query,
        """mutation($input: ConvertCheckItemToCardInput!) {
          convertCheckItemToCard(input: $input) { id name idList list { id } }
        }""",
        input={"idCard": card["id"], "idChecklist": checklist["id"], "idCheckItem": item["id"]},
    )
    new = converted["convertCheckItemToCard"]
    assert (new["name"], new["idList"]) == (item["name"], card["idList"])
    cards = await run(
        query, "query($id: ID!) { list(id: $id) { cards(filter: ALL) { id } } }", id=card["idList"]
    )
    ids = [c["id"] for c in cards["list"]["cards"]]
    assert ids.index(new["id"]) == ids.index(card["id"]) + 1
    remaining = await run(
        query, "query($id: ID!) { checklist(id: $id) { checkItems { id } } }", id=checklist["id"]
    )
    assert {"id": item["id"]} not in remaining["checklist"]["checkItems"]


async def test_unknown_checklist_is_not_found(query: Query, sandbox: SandboxServer) -> None:
    result = await query(
        'mutation { createCheckItem(input: {idChecklist: "%s", name: "x"}) { id } }' % ("0" * 24)
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "NOT_FOUND"
