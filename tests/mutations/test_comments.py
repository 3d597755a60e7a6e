"""Comment mutations through GraphQL over HTTP, read back through the card's comments."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from trelloql.sandbox import SandboxServer

COMMENTS = """query($id: ID!) {
  card(id: $id) { comments { id data memberCreator { username } } badges { comments } }
}"""


async def test_add_edit_delete(query: Query, sandbox: SandboxServer) -> None:
    card = sandbox.store.cards_of_board(sandbox.store.board_by_name("Personal")["id"])[0]
    before = (await run(query, COMMENTS, id=card["id"]))["card"]["badges"]["comments"]
    created = await run(
        query,
        """mutation($id: ID!) {
          createComment(input: {idCard: $id, text: "On it"}) {
            id type data memberCreator { username }
          }
        }""",
        id=card["id"],
    )
    comment = created["createComment"]
    assert comment["type"] == "commentCard"
    assert comment["data"]["text"] == "On it"
    assert comment["memberCreator"] == {"username": "ada"}
    read = (await run(query, COMMENTS, id=card["id"]))["card"]
    assert read["comments"][0]["id"] == comment["id"]
    assert read["badges"]["comments"] == before + 1

    edited = await run(
        query,
        'mutation($id: ID!) { updateComment(input: {id: $id, text: "Done"}) { id data } }',
        id=comment["id"],
    )
    assert edited["updateComment"]["data"]["text"] == "Done"
    read = (await run(query, COMMENTS, id=card["id"]))["card"]
    assert read["comments"][0]["data"]["text"] == "Done"

    deleted = await run(
        query,
        "mutation($id: ID!) { deleteComment(input: {id: $id}) { id deleted } }",
        id=comment["id"],
    )
    assert deleted["deleteComment"] == {"id": comment["id"], "deleted": True}
    read = (await run(query, COMMENTS, id=card["id"]))["card"]
    assert all(c["id"] != comment["id"] for c in read["comments"])
    assert read["badges"]["comments"] == before


async def test_only_the_author_edits(query: Query, sandbox: SandboxServer) -> None:
    ada = sandbox.store.main_member["id"]
    comment = next(
        a for a in sandbox.store.data.actions.values()
        if a["type"] == "commentCard" and a["idMemberCreator"] != ada
        and sandbox.store.card(a["data"]["card"]["id"])["idBoard"]
        in {b["id"] for b in sandbox.store.boards_of_member(ada)}
    )  # fmt: skip
    result = await query(
        'mutation($id: ID!) { updateComment(input: {id: $id, text: "mine now"}) { id } }',
        {"id": comment["id"]},
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert comment["data"]["text"] != "mine now"


async def test_empty_comments_are_refused_before_trello(
    query: Query, sandbox: SandboxServer
) -> None:
    sandbox.stats.reset()
    result = await query('mutation { createComment(input: {idCard: "AbCd1234", text: ""}) { id } }')
    (error,) = errors_of(result)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.text"}
    assert sandbox.stats.count() == 0
