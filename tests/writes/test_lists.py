"""List mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from tests.reads.helpers import as_member
from trelloql.sandbox import SandboxServer

LISTS = "query($b: ID!) { board(id: $b) { lists(filter: ALL) { id name closed pos } } }"


async def test_create_rename_move_archive(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Personal")
    created = await run(
        query,
        """mutation($b: ID!) { createList(input: {idBoard: $b, name: "Someday", pos: "top"}) {
          id name pos closed idBoard
        } }""",
        b=board["shortLink"],
    )
    lst = created["createList"]
    assert (lst["name"], lst["closed"], lst["idBoard"]) == ("Someday", False, board["id"])
    listed = (await run(query, LISTS, b=board["id"]))["board"]["lists"]
    assert listed[0]["id"] == lst["id"]

    got = await run(
        query,
        """mutation($id: ID!) {
          renamed: renameList(input: {id: $id, name: "Maybe"}) { name }
          moved: updateList(input: {id: $id, pos: "bottom"}) { pos }
          archived: archiveList(input: {id: $id}) { closed }
          back: unarchiveList(input: {id: $id}) { closed }
        }""",
        id=lst["id"],
    )
    assert got["renamed"] == {"name": "Maybe"}
    assert got["moved"]["pos"] > max(x["pos"] for x in listed)
    assert (got["archived"], got["back"]) == ({"closed": True}, {"closed": False})

    other = store.board_by_name("Product Launch")
    moved = await run(
        query,
        """mutation($id: ID!, $b: ID!) {
          moveListToBoard(input: {id: $id, idBoard: $b}) { board { name } }
        }""",
        id=lst["id"],
        b=other["id"],
    )
    assert moved["moveListToBoard"] == {"board": {"name": "Product Launch"}}


async def test_copy_a_list_with_its_cards(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Bug Triage")
    source = store.lists_of(board["id"])[0]
    created = await run(
        query,
        """mutation($b: ID!, $src: ID!) {
          createList(input: {idBoard: $b, name: "Incoming (copy)", idListSource: $src}) {
            cards(filter: ALL) { name }
          }
        }""",
        b=board["id"],
        src=source["id"],
    )
    assert [c["name"] for c in created["createList"]["cards"]] == [
        c["name"] for c in store.cards_of_list(source["id"])
    ]


async def test_move_and_archive_all_cards(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Bug Triage")
    first, second = (x for x in store.lists_of(board["id"])[:2])
    moving = [c["id"] for c in store.cards_of_list(first["id"]) if not c["closed"]]
    got = await run(
        query,
        """mutation($id: ID!, $b: ID!, $to: ID!) {
          moveAllCardsInList(input: {id: $id, idBoard: $b, idList: $to}) { id idList }
        }""",
        id=first["id"],
        b=board["id"],
        to=second["id"],
    )
    assert [c["id"] for c in got["moveAllCardsInList"]] == moving
    assert {c["idList"] for c in got["moveAllCardsInList"]} == {second["id"]}
    archived = await run(
        query,
        """mutation($id: ID!) { archiveAllCardsInList(input: {id: $id}) {
          id cards { id } all: cards(filter: ALL) { closed }
        } }""",
        id=second["id"],
    )
    assert archived["archiveAllCardsInList"]["cards"] == []
    assert {c["closed"] for c in archived["archiveAllCardsInList"]["all"]} == {True}


async def test_list_input_and_trello_errors(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Personal")
    sandbox.stats.reset()
    for mutation, field in (
        ('createList(input: {idBoard: "x y", name: "a"}) { id }', "input.idBoard"),
        (f'createList(input: {{idBoard: "{board["id"]}", name: ""}}) {{ id }}', "input.name"),
        (
            f'createList(input: {{idBoard: "{board["id"]}", name: "a", pos: -2}}) {{ id }}',
            "input.pos",
        ),
        ('renameList(input: {id: "nope", name: "a"}) { id }', "input.id"),
    ):
        (error,) = errors_of(await query(f"mutation {{ {mutation} }}"))
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert sandbox.stats.count() == 0
    unknown = 'mutation { archiveList(input: {id: "0123456789abcdef01234567"}) { id } }'
    (error,) = errors_of(await query(unknown))
    assert error["extensions"]["code"] == "NOT_FOUND"
    lst = sandbox.store.lists_of(board["id"])[0]
    (error,) = errors_of(
        await query(
            "mutation($id: ID!) { archiveList(input: {id: $id}) { id } }",
            {"id": lst["id"]},
            headers=as_member("grace"),
        )
    )
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert not sandbox.store.data.lists[lst["id"]]["closed"]
