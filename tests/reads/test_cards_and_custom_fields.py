"""A card's details (stickers, votes, check items, attachments) and custom fields."""

from __future__ import annotations

from tests.conftest import Query
from tests.reads.helpers import data
from trelloql.sandbox import SandboxServer


async def test_stickers_votes_states_check_items_and_attachments(
    query: Query, sandbox: SandboxServer
) -> None:
    store = sandbox.store
    card = next(
        c
        for c in store.data.cards.values()
        if store.checklists_of_card(c["id"])
        and store.attachments_of(c["id"])
        and any(
            i["state"] == "complete"
            for cl in store.checklists_of_card(c["id"])
            for i in cl["checkItems"]
        )
    )
    stickered = next(c for c in store.data.cards.values() if c["stickers"])
    voted = next(c for c in store.data.cards.values() if c["idMembersVoted"])
    checklist = store.checklists_of_card(card["id"])[0]
    item = checklist["checkItems"][0]
    attachment = store.attachments_of(card["id"])[0]
    sticker = stickered["stickers"][0]
    result = await query(
        """query($card: ID!, $item: ID!, $att: ID!, $st: ID!, $sid: ID!, $voted: ID!, $cl: ID!) {
          card(id: $card) {
            checkItemStates { idCheckItem state checkItem { id name idChecklist } }
            checkItem(idCheckItem: $item) { id name checklist { id } }
            attachment(idAttachment: $att) { id name member { id } }
          }
          stickered: card(id: $st) {
            stickers { id image imageUrl top left rotate zIndex }
            sticker(idSticker: $sid) { id image }
          }
          voted: card(id: $voted) { idMembersVoted membersVoted { id } }
          checklist(id: $cl) { board { name } checkItem(idCheckItem: $item) { id state } }
        }""",
        {
            "card": card["id"],
            "item": item["id"],
            "att": attachment["id"],
            "st": stickered["id"],
            "sid": sticker["id"],
            "voted": voted["id"],
            "cl": checklist["id"],
        },
    )
    got = data(result)
    done = [i for cl in store.checklists_of_card(card["id"]) for i in cl["checkItems"]]
    done = [i for i in done if i["state"] == "complete"]
    states = got["card"]["checkItemStates"]
    assert [s["idCheckItem"] for s in states] == [i["id"] for i in done]
    assert {s["state"] for s in states} == {"COMPLETE"}
    assert [s["checkItem"]["name"] for s in states] == [i["name"] for i in done]
    assert got["card"]["checkItem"] == {
        "id": item["id"],
        "name": item["name"],
        "checklist": {"id": checklist["id"]},
    }
    assert got["card"]["attachment"] == {
        "id": attachment["id"],
        "name": attachment["name"],
        "member": {"id": attachment["idMember"]},
    }
    assert [s["id"] for s in got["stickered"]["stickers"]] == [
        s["id"] for s in stickered["stickers"]
    ]
    assert got["stickered"]["sticker"] == {"id": sticker["id"], "image": sticker["image"]}
    assert got["voted"]["idMembersVoted"] == voted["idMembersVoted"]
    assert [m["id"] for m in got["voted"]["membersVoted"]] == voted["idMembersVoted"]
    board_name = store.data.boards[card["idBoard"]]["name"]
    assert got["checklist"] == {
        "board": {"name": board_name},
        "checkItem": {"id": item["id"], "state": item["state"].upper()},
    }


async def test_custom_fields_and_card_values(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Product Launch")
    priority = next(f for f in store.data.custom_fields.values() if f["name"] == "Priority")
    high = priority["options"][0]
    item = next(i for i in store.data.custom_field_items.values() if i.get("idValue"))
    result = await query(
        """query($board: ID!, $field: ID!, $option: ID!, $card: ID!) {
          board(id: $board) { customFields { name type pos display { cardFront } } }
          customField(id: $field) {
            name type idModel modelType board { name }
            options { value { text } color pos }
            option(idCustomFieldOption: $option) { id value { text } customField { name } }
          }
          card(id: $card) { customFieldItems {
            idCustomField idModel modelType idValue value { text number date checked }
            customField { name type } option { value { text } } card { id }
          } }
        }""",
        {
            "board": board["id"],
            "field": priority["id"],
            "option": high["id"],
            "card": item["idModel"],
        },
    )
    got = data(result)
    assert [(f["name"], f["type"]) for f in got["board"]["customFields"]] == [
        ("Priority", "LIST"),
        ("Estimate (days)", "NUMBER"),
        ("Launch date", "DATE"),
        ("Approved", "CHECKBOX"),
    ]
    field = got["customField"]
    assert field["board"] == {"name": "Product Launch"}
    assert [o["value"]["text"] for o in field["options"]] == ["High", "Medium", "Low"]
    assert field["option"] == {
        "id": high["id"],
        "value": {"text": "High"},
        "customField": {"name": "Priority"},
    }
    items = got["card"]["customFieldItems"]
    expected = [
        i for i in store.data.custom_field_items.values() if i["idModel"] == item["idModel"]
    ]
    assert len(items) == len(expected)
    listed = next(i for i in items if i["idValue"] == item["idValue"])
    option = next(
        o
        for f in store.data.custom_fields.values()
        for o in f["options"]
        if o["id"] == item["idValue"]
    )
    assert listed["option"] == {"value": {"text": option["value"]["text"]}}
    assert listed["customField"]["type"] == "LIST"
    assert listed["card"] == {"id": item["idModel"]}
    assert all(i["modelType"] == "card" for i in items)
