"""Label mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from trelloql.sandbox import SandboxServer

LABELS = "query($id: ID!) { board(id: $id) { labels { id name color } } }"


async def test_create_update_delete(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Personal")
    created = await run(
        query,
        """mutation($input: CreateLabelInput!) {
          createLabel(input: $input) { id name color idBoard }
        }""",
        input={"idBoard": board["shortLink"], "name": "Errands", "color": "SKY"},
    )
    label = created["createLabel"]
    assert (label["name"], label["color"], label["idBoard"]) == ("Errands", "SKY", board["id"])
    listed = await run(query, LABELS, id=board["id"])
    assert {"id": label["id"], "name": "Errands", "color": "SKY"} in listed["board"]["labels"]

    updated = await run(
        query,
        """mutation($id: ID!) {
          updateLabel(input: {id: $id, name: "Chores", color: null}) { id name color }
        }""",
        id=label["id"],
    )
    assert updated["updateLabel"] == {"id": label["id"], "name": "Chores", "color": None}

    deleted = await run(
        query,
        "mutation($id: ID!) { deleteLabel(input: {id: $id}) { id deleted } }",
        id=label["id"],
    )
    assert deleted["deleteLabel"] == {"id": label["id"], "deleted": True}
    listed = await run(query, LABELS, id=board["id"])
    assert all(item["id"] != label["id"] for item in listed["board"]["labels"])


async def test_deleting_a_label_takes_it_off_cards(query: Query, sandbox: SandboxServer) -> None:
    card = next(c for c in sandbox.store.data.cards.values() if c["idLabels"])
    label_id = card["idLabels"][0]
    await run(query, "mutation($id: ID!) { deleteLabel(input: {id: $id}) { id } }", id=label_id)
    read = await run(
        query, "query($id: ID!) { card(id: $id) { idLabels labels { id } } }", id=card["id"]
    )
    assert label_id not in read["card"]["idLabels"]
    assert all(label["id"] != label_id for label in read["card"]["labels"])


async def test_invalid_input_makes_no_call(query: Query, sandbox: SandboxServer) -> None:
    sandbox.stats.reset()
    result = await query(
        'mutation { createLabel(input: {idBoard: "not a board", name: "x"}) { id } }'
    )
    (error,) = errors_of(result)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.idBoard"}
    result = await query(
        'mutation { updateLabel(input: {id: "5abbe4b7ddc1b351ef961414", name: "%s"}) { id } }'
        % ("x" * 16385)
    )
    (error,) = errors_of(result)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.name"}
    assert sandbox.stats.count() == 0


async def test_trellos_own_errors(query: Query, sandbox: SandboxServer) -> None:
    mutation = 'mutation($id: ID!) { createLabel(input: {idBoard: $id, name: "x"}) { id } }'
    (error,) = errors_of(await query(mutation, {"id": "0" * 24}))
    assert error["extensions"]["code"] == "NOT_FOUND"
    wiki = sandbox.store.board_by_name("Community Wiki")
    (error,) = errors_of(await query(mutation, {"id": wiki["id"]}))
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert all(label["name"] != "x" for label in sandbox.store.data.labels.values())
