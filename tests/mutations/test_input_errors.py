"""Bad input is refused before any Trello call; Trello's own refusals keep their meaning."""

from __future__ import annotations

import pytest

from tests.conftest import Query
from tests.mutations.conftest import errors_of
from trelloql.sandbox import SandboxServer

HEX = "5abbe4b7ddc1b351ef961414"
LONG = "x" * 16385

CASES = [
    ("createCard", "CreateCardInput", {"idList": "not-an-id"}, "input.idList"),
    ("createCard", "CreateCardInput", {"idList": HEX, "pos": "middle"}, "input.pos"),
    ("createCard", "CreateCardInput", {"idList": HEX, "pos": -1}, "input.pos"),
    ("createCard", "CreateCardInput", {"idList": HEX, "due": "next friday"}, "input.due"),
    ("createCard", "CreateCardInput", {"idList": HEX, "name": LONG}, "input.name"),
    ("createCard", "CreateCardInput", {"idList": HEX, "desc": LONG}, "input.desc"),
    ("createCard", "CreateCardInput", {"idList": HEX, "idMembers": [HEX, "ada"]},
     "input.idMembers[1]"),
    ("createCard", "CreateCardInput", {"idList": HEX, "urlSource": "file:///etc/passwd"},
     "input.urlSource"),
    ("updateCard", "UpdateCardInput", {"id": "AbCd12345"}, "input.id"),
    ("updateCard", "UpdateCardInput", {"id": HEX, "name": ""}, "input.name"),
    ("updateCard", "UpdateCardInput", {"id": HEX, "closed": None}, "input.closed"),
    ("updateCard", "UpdateCardInput", {"id": HEX, "start": "2026-02-30"}, "input.start"),
    ("moveCard", "MoveCardInput", {"id": HEX, "idList": "AbCd1234"}, "input.idList"),
    ("copyCard", "CopyCardInput", {"idCardSource": HEX, "idList": HEX, "keepFromSource": []},
     "input.keepFromSource"),
    ("addStickerToCard", "AddStickerToCardInput",
     {"idCard": HEX, "image": "heart", "top": 101, "left": 0, "zIndex": 1}, "input.top"),
    ("addStickerToCard", "AddStickerToCardInput",
     {"idCard": HEX, "image": "heart", "top": 0, "left": 0, "zIndex": 1, "rotate": 400},
     "input.rotate"),
    ("createAttachment", "CreateAttachmentInput", {"idCard": HEX, "url": "example.com"},
     "input.url"),
    ("createAttachment", "CreateAttachmentInput",
     {"idCard": HEX, "url": "https://example.com", "name": "n" * 257}, "input.name"),
    ("createComment", "CreateCommentInput", {"idCard": HEX, "text": LONG}, "input.text"),
    ("updateComment", "UpdateCommentInput", {"id": "AbCd1234", "text": "x"}, "input.id"),
    ("createChecklist", "CreateChecklistInput", {"idCard": HEX, "name": ""}, "input.name"),
    ("updateChecklist", "UpdateChecklistInput", {"id": HEX, "pos": "first"}, "input.pos"),
    ("createCheckItem", "CreateCheckItemInput", {"idChecklist": HEX, "name": ""}, "input.name"),
    ("updateCheckItem", "UpdateCheckItemInput", {"idCard": HEX, "id": HEX, "due": "soon"},
     "input.due"),
    ("convertCheckItemToCard", "ConvertCheckItemToCardInput",
     {"idCard": HEX, "idChecklist": HEX, "idCheckItem": "1"}, "input.idCheckItem"),
    ("createLabel", "CreateLabelInput", {"idBoard": HEX, "name": LONG}, "input.name"),
    ("deleteLabel", "DeleteLabelInput", {"id": "AbCd1234"}, "input.id"),
]  # fmt: skip


async def test_bad_input_is_refused_before_trello(query: Query, sandbox: SandboxServer) -> None:
    """One app for every case (cooking an app per case would slow the suite down)."""
    sandbox.stats.reset()
    for mutation, input_type, value, field in CASES:
        result = await query(
            f"mutation($input: {input_type}!) {{ {mutation}(input: $input) {{ __typename }} }}",
            {"input": value},
        )
        (error,) = errors_of(result)
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, (mutation, value)
        assert field in error["message"]
    assert sandbox.stats.count() == 0


async def test_bad_colors_and_positions_in_literals(query: Query, sandbox: SandboxServer) -> None:
    sandbox.stats.reset()
    result = await query(
        f'mutation {{ createLabel(input: {{idBoard: "{HEX}", name: "x", color: MAUVE}}) {{ id }} }}'
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    result = await query(
        f'mutation {{ moveCard(input: {{id: "{HEX}", idList: "{HEX}", pos: true}}) {{ id }} }}'
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert sandbox.stats.count() == 0


async def test_unknown_list_is_not_found(query: Query, sandbox: SandboxServer) -> None:
    result = await query(
        'mutation($l: ID!) { createCard(input: {idList: $l, name: "x"}) { id } }', {"l": HEX}
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert all(card["name"] != "x" for card in sandbox.store.data.cards.values())


@pytest.mark.parametrize("board", ["Community Wiki", "Compiler Roadmap 2025"])
async def test_boards_ada_cannot_change_are_forbidden(
    query: Query, sandbox: SandboxServer, board: str
) -> None:
    lst = sandbox.store.lists_of(sandbox.store.board_by_name(board)["id"])[0]
    result = await query(
        'mutation($l: ID!) { createCard(input: {idList: $l, name: "x"}) { id } }', {"l": lst["id"]}
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["extensions"]["upstreamStatus"] == 401
    assert all(card["name"] != "x" for card in sandbox.store.data.cards.values())


async def test_moving_a_card_onto_a_foreign_board_is_forbidden(
    query: Query, sandbox: SandboxServer
) -> None:
    card = sandbox.store.cards_of_board(sandbox.store.board_by_name("Personal")["id"])[0]
    wiki = sandbox.store.board_by_name("Community Wiki")
    target = sandbox.store.lists_of(wiki["id"])[0]
    result = await query(
        "mutation($c: ID!, $l: ID!) { moveCard(input: {id: $c, idList: $l}) { id } }",
        {"c": card["id"], "l": target["id"]},
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert sandbox.store.card(card["id"])["idBoard"] != wiki["id"]
