"""Custom field mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from tests.reads.helpers import as_member
from trelloql.sandbox import SandboxServer

ITEMS = """query($c: ID!) { card(id: $c) { customFieldItems {
  idCustomField idValue value { text number date checked } option { value { text } }
} } }"""


async def test_define_change_and_delete_fields(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Personal")
    created = await run(
        query,
        """mutation($b: ID!) { createCustomField(input: {
          idBoard: $b, name: "Effort", type: LIST, cardFront: false,
          options: [{text: "Small", color: "green"}, {text: "Large", color: "red"}]
        }) {
          id name type display { cardFront } options { id value { text } color } board { name }
        } }""",
        b=board["id"],
    )
    field = created["createCustomField"]
    assert (field["type"], field["display"], field["board"]) == (
        "LIST", {"cardFront": False}, {"name": "Personal"},
    )  # fmt: skip
    assert [o["value"]["text"] for o in field["options"]] == ["Small", "Large"]
    got = await run(
        query,
        """mutation($id: ID!) {
          renamed: updateCustomField(input: {id: $id, name: "Size", cardFront: true}) {
            name display { cardFront }
          }
          added: addCustomFieldOption(input: {idCustomField: $id, text: "Medium", pos: 1.5}) {
            value { text } color idCustomField
          }
        }""",
        id=field["id"],
    )
    assert got["renamed"] == {"name": "Size", "display": {"cardFront": True}}
    assert got["added"] == {
        "value": {"text": "Medium"},
        "color": "none",
        "idCustomField": field["id"],
    }
    small = field["options"][0]["id"]
    gone = await run(
        query,
        """mutation($id: ID!, $o: ID!) {
          deleteCustomFieldOption(input: {idCustomField: $id, idCustomFieldOption: $o}) {
            id deleted
          }
        }""",
        id=field["id"],
        o=small,
    )
    assert gone["deleteCustomFieldOption"] == {"id": small, "deleted": True}
    read = await run(
        query,
        "query($b: ID!) { board(id: $b) { customFields { name options { value { text } } } } }",
        b=board["id"],
    )
    assert read["board"]["customFields"] == [
        {"name": "Size", "options": [{"value": {"text": "Medium"}}, {"value": {"text": "Large"}}]}
    ]
    deleted = await run(
        query,
        "mutation($id: ID!) { deleteCustomField(input: {id: $id}) { id deleted } }",
        id=field["id"],
    )
    assert deleted["deleteCustomField"] == {"id": field["id"], "deleted": True}
    read = await run(
        query, "query($b: ID!) { board(id: $b) { customFields { id } } }", b=board["id"]
    )
    assert read["board"]["customFields"] == []


async def test_set_and_clear_a_cards_values(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Product Launch")
    fields = {
        f["name"]: f for f in store.data.custom_fields.values() if f["idModel"] == board["id"]
    }
    card = store.cards_of_board(board["id"])[0]
    low = fields["Priority"]["options"][2]
    set_one = """mutation($c: ID!, $f: ID!, $v: CustomFieldValueInput) {
      setCustomFieldItem(input: {idCard: $c, idCustomField: $f, value: $v}) {
        idCustomField idModel value { text number date checked } idValue customField { name }
      }
    }"""
    number = await run(
        query, set_one, c=card["id"], f=fields["Estimate (days)"]["id"], v={"number": 2.5}
    )
    assert number["setCustomFieldItem"]["value"]["number"] == "2.5"
    assert number["setCustomFieldItem"]["customField"] == {"name": "Estimate (days)"}
    choice = await run(
        query, set_one, c=card["id"], f=fields["Priority"]["id"], v={"idValue": low["id"]}
    )
    assert choice["setCustomFieldItem"]["idValue"] == low["id"]
    many = await run(
        query,
        """mutation($c: ID!, $items: [CustomFieldItemInput!]!) {
          setCustomFieldItems(input: {idCard: $c, items: $items}) { id }
        }""",
        c=card["id"],
        items=[
            {
                "idCustomField": fields["Launch date"]["id"],
                "value": {"date": "2027-01-15T09:00:00Z"},
            },
            {"idCustomField": fields["Approved"]["id"], "value": {"checked": True}},
        ],
    )
    assert many["setCustomFieldItems"] == {"id": card["id"]}
    items = (await run(query, ITEMS, c=card["id"]))["card"]["customFieldItems"]
    by_field = {i["idCustomField"]: i for i in items}
    assert by_field[fields["Priority"]["id"]]["option"] == {"value": {"text": "Low"}}
    assert by_field[fields["Launch date"]["id"]]["value"]["date"] == "2027-01-15T09:00:00.000Z"
    assert by_field[fields["Approved"]["id"]]["value"]["checked"] == "true"
    cleared = await run(query, set_one, c=card["id"], f=fields["Priority"]["id"], v=None)
    assert cleared["setCustomFieldItem"]["idValue"] is None
    items = (await run(query, ITEMS, c=card["id"]))["card"]["customFieldItems"]
    assert fields["Priority"]["id"] not in {i["idCustomField"] for i in items}


async def test_custom_field_errors(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Product Launch")
    approved = next(f for f in store.data.custom_fields.values() if f["name"] == "Approved")
    card = store.cards_of_board(board["id"])[0]
    sandbox.stats.reset()
    for mutation, field in (
        (f'createCustomField(input: {{idBoard: "{board["id"]}", name: "x", type: TEXT, '
         'options: [{text: "a"}]}) { id }', "input.options"),
        (f'createCustomField(input: {{idBoard: "{board["id"]}", name: "", type: TEXT}}) {{ id }}',
         "input.name"),
        (f'setCustomFieldItem(input: {{idCard: "{card["id"]}", idCustomField: "{approved["id"]}", '
         'value: {text: "a", checked: true}}) { id }', "input.value"),
        (f'setCustomFieldItems(input: {{idCard: "{card["id"]}", items: []}}) {{ id }}',
         "input.items"),
    ):  # fmt: skip
        (error,) = errors_of(await query(f"mutation {{ {mutation} }}"))
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, mutation
    assert sandbox.stats.count() == 0
    wrong_type = """mutation($c: ID!, $f: ID!) {
      setCustomFieldItem(input: {idCard: $c, idCustomField: $f, value: {text: "yes"}}) { id }
    }"""
    (error,) = errors_of(await query(wrong_type, {"c": card["id"], "f": approved["id"]}))
    assert error["extensions"]["code"] == "BAD_REQUEST"
    rename = 'mutation($f: ID!) { updateCustomField(input: {id: $f, name: "Nope"}) { id } }'
    (error,) = errors_of(await query(rename, {"f": approved["id"]}, headers=as_member("grace")))
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert approved["name"] == "Approved"
