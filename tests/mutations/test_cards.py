"""Card mutations through GraphQL over HTTP, each read back through GraphQL."""

from __future__ import annotations

from typing import Any

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from trelloql.sandbox import SandboxServer

CARD = """query($id: ID!) { card(id: $id) {
  id name desc closed due start dueComplete pos idList idBoard idMembers idLabels
  list { name } board { name } members { username } labels { name color }
  badges { votes attachments comments description due }
} }"""
LIST_CARDS = "query($id: ID!, $f: CardFilter) { list(id: $id) { cards(filter: $f) { id } } }"
ACTIONS = """query($id: ID!, $types: [String!]) {
  board(id: $id) { actions(filter: $types, limit: 5) { type data } }
}"""


async def read_card(query: Query, card_id: str) -> dict[str, Any]:
    return (await run(query, CARD, id=card_id))["card"]


async def card_ids_in(query: Query, list_id: str, filter_: str = "OPEN") -> list[str]:
    cards = (await run(query, LIST_CARDS, id=list_id, f=filter_))["list"]["cards"]
    return [card["id"] for card in cards]


def personal(sandbox: SandboxServer) -> dict[str, Any]:
    return sandbox.store.board_by_name("Personal")


def first_card(sandbox: SandboxServer, board: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in sandbox.store.cards_of_board(board["id"]) if not c["closed"])


async def test_create_card(query: Query, sandbox: SandboxServer) -> None:
    board = personal(sandbox)
    lst = sandbox.store.lists_of(board["id"])[0]
    label = sandbox.store.labels_of(board["id"])[0]
    ada = sandbox.store.main_member
    created = await run(
        query,
        """mutation($input: CreateCardInput!) {
          createCard(input: $input) { id name pos idShort: shortLink list { id } labels { id } }
        }""",
        input={
            "idList": lst["id"], "name": "Buy stamps", "desc": "First class",
            "pos": "top", "due": "2030-01-02T10:00:00+01:00", "idMembers": [ada["id"]],
            "idLabels": [label["id"]], "urlSource": "https://example.com/stamps",
        },
    )  # fmt: skip
    card = created["createCard"]
    assert card["name"] == "Buy stamps"
    assert card["list"] == {"id": lst["id"]}
    assert card["labels"] == [{"id": label["id"]}]
    assert (await card_ids_in(query, lst["id"]))[0] == card["id"]
    read = await read_card(query, card["id"])
    assert read["due"] == "2030-01-02T09:00:00.000Z"
    assert read["desc"] == "First class"
    assert read["members"] == [{"username": "ada"}]
    assert read["badges"]["attachments"] == 1
    assert read["badges"]["description"] is True
    actions = await run(query, ACTIONS, id=board["id"], types=["createCard"])
    assert actions["board"]["actions"][0]["data"]["card"]["id"] == card["id"]


async def test_update_card_and_clear_dates(query: Query, sandbox: SandboxServer) -> None:
    card = first_card(sandbox, personal(sandbox))
    update = """mutation($input: UpdateCardInput!) {
      updateCard(input: $input) { id name desc due dueComplete closed }
    }"""
    result = await run(
        query,
        update,
        input={"id": card["shortLink"], "name": "Renamed", "desc": "", "due": "2031-05-06",
               "dueComplete": True},
    )  # fmt: skip
    assert result["updateCard"] == {
        "id": card["id"], "name": "Renamed", "desc": "", "due": "2031-05-06T00:00:00.000Z",
        "dueComplete": True, "closed": False,
    }  # fmt: skip
    await run(query, update, input={"id": card["id"], "due": None})
    read = await read_card(query, card["id"])
    assert (read["name"], read["due"], read["badges"]["due"]) == ("Renamed", None, None)


async def test_move_card_between_lists(query: Query, sandbox: SandboxServer) -> None:
    board = personal(sandbox)
    card = first_card(sandbox, board)
    source = card["idList"]
    target = next(
        lst for lst in sandbox.store.lists_of(board["id"])
        if lst["id"] != source and not lst["closed"]
    )  # fmt: skip
    moved = await run(
        query,
        """mutation($id: ID!, $list: ID!) {
          moveCard(input: {id: $id, idList: $list, pos: "bottom"}) { idList list { name } }
        }""",
        id=card["id"],
        list=target["id"],
    )
    assert moved["moveCard"] == {"idList": target["id"], "list": {"name": target["name"]}}
    assert (await card_ids_in(query, target["id"]))[-1] == card["id"]
    assert card["id"] not in await card_ids_in(query, source)
    actions = await run(query, ACTIONS, id=board["id"], types=["updateCard:idList"])
    data = actions["board"]["actions"][0]["data"]
    assert data["listAfter"]["id"] == target["id"]
    assert data["card"]["id"] == card["id"]


async def test_move_card_to_another_board(query: Query, sandbox: SandboxServer) -> None:
    source = personal(sandbox)
    target = sandbox.store.board_by_name("Conference Talk 2023")
    card = first_card(sandbox, source)
    target_list = sandbox.store.lists_of(target["id"])[1]
    moved = await run(
        query,
        """mutation($id: ID!, $list: ID!, $board: ID!) {
          moveCard(input: {id: $id, idList: $list, idBoard: $board}) { idBoard board { name } }
        }""",
        id=card["id"],
        list=target_list["id"],
        board=target["id"],
    )
    assert moved["moveCard"] == {"idBoard": target["id"], "board": {"name": target["name"]}}
    boards = await run(
        query,
        """query($a: ID!, $b: ID!) {
          a: board(id: $a) { cards { id } } b: board(id: $b) { cards { id } }
        }""",
        a=source["id"],
        b=target["id"],
    )
    assert card["id"] not in [c["id"] for c in boards["a"]["cards"]]
    assert card["id"] in [c["id"] for c in boards["b"]["cards"]]
    actions = await run(query, ACTIONS, id=target["id"], types=["moveCardToBoard"])
    assert actions["board"]["actions"][0]["data"]["boardSource"] == {"id": source["id"]}


async def test_archive_and_unarchive(query: Query, sandbox: SandboxServer) -> None:
    card = first_card(sandbox, personal(sandbox))
    archive = "mutation($id: ID!) { archiveCard(input: {id: $id}) { closed } }"
    assert (await run(query, archive, id=card["id"]))["archiveCard"] == {"closed": True}
    assert card["id"] in await card_ids_in(query, card["idList"], "CLOSED")
    assert card["id"] not in await card_ids_in(query, card["idList"])
    unarchive = "mutation($id: ID!) { unarchiveCard(input: {id: $id}) { closed } }"
    assert (await run(query, unarchive, id=card["id"]))["unarchiveCard"] == {"closed": False}
    assert card["id"] in await card_ids_in(query, card["idList"])


async def test_delete_card(query: Query, sandbox: SandboxServer) -> None:
    card = first_card(sandbox, personal(sandbox))
    deleted = await run(
        query, "mutation($id: ID!) { deleteCard(input: {id: $id}) { id deleted } }", id=card["id"]
    )
    assert deleted["deleteCard"] == {"id": card["id"], "deleted": True}
    (error,) = errors_of(await query(CARD, {"id": card["id"]}))
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert card["id"] not in await card_ids_in(query, card["idList"], "ALL")


async def test_copy_card(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    source = next(
        c for c in store.data.cards.values()
        if store.checklists_of_card(c["id"]) and c["idLabels"] and not c["closed"]
        and any(a["type"] == "commentCard" for a in store.actions_of_card(c["id"]))
    )  # fmt: skip
    lst = store.lists_of(source["idBoard"])[0]
    copied = await run(
        query,
        """mutation($input: CopyCardInput!) {
          copyCard(input: $input) {
            id name desc idLabels checklists { name checkItems { name state } } comments { id }
          }
        }""",
        input={"idCardSource": source["shortLink"], "idList": lst["id"],
               "keepFromSource": ["CHECKLISTS", "LABELS"]},
    )  # fmt: skip
    card = copied["copyCard"]
    assert card["id"] != source["id"]
    assert (card["name"], card["desc"]) == (source["name"], source["desc"])
    assert card["idLabels"] == source["idLabels"]
    names = [c["name"] for c in store.checklists_of_card(source["id"])]
    assert [c["name"] for c in card["checklists"]] == names
    assert {i["state"] for c in card["checklists"] for i in c["checkItems"]} == {"INCOMPLETE"}
    assert card["comments"] == []
    actions = await run(query, ACTIONS, id=source["idBoard"], types=["copyCard"])
    assert actions["board"]["actions"][0]["data"]["cardSource"]["id"] == source["id"]


async def test_members_labels_and_votes(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Conference Talk 2023")
    card = first_card(sandbox, board)
    card.update(idMembers=[], idLabels=[], idMembersVoted=[])
    katherine = sandbox.store.by_username["katherine"]["id"]
    ada = sandbox.store.main_member["id"]
    label = sandbox.store.labels_of(board["id"])[0]
    fields = "{ members { username } labels { id } badges { votes } }"
    steps = [
        ("addMemberToCard", "removeMemberFromCard", "MemberToCard", {"idMember": katherine}),
        ("addLabelToCard", "removeLabelFromCard", "LabelToCard", {"idLabel": label["id"]}),
        ("addVoteToCard", "removeVoteFromCard", "VoteToCard", {"idMember": ada}),
    ]
    mutation = "mutation($input: {}!) {{ {}(input: $input) {} }}"
    for add, _, kind, extra in steps:
        text = mutation.format(f"Add{kind}Input", add, fields)
        await run(query, text, input={"idCard": card["id"], **extra})
    read = await read_card(query, card["id"])
    assert read["members"] == [{"username": "katherine"}]
    assert read["labels"] == [{"name": label["name"], "color": label["color"].upper()}]
    assert read["badges"]["votes"] == 1
    for _, remove, kind, extra in steps:
        text = mutation.format(f"Remove{kind.replace('To', 'From')}Input", remove, fields)
        answer = await run(query, text, input={"idCard": card["id"], **extra})
    assert answer[remove] == {"members": [], "labels": [], "badges": {"votes": 0}}


async def test_adding_an_outsider_is_trellos_bad_request(
    query: Query, sandbox: SandboxServer
) -> None:
    card = first_card(sandbox, personal(sandbox))
    grace = sandbox.store.by_username["grace"]["id"]
    result = await query(
        "mutation($c: ID!, $m: ID!) { addMemberToCard(input: {idCard: $c, idMember: $m}) { id } }",
        {"c": card["id"], "m": grace},
    )
    (error,) = errors_of(result)
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert error["message"] == "invalid value for value"
    assert grace not in sandbox.store.card(card["id"])["idMembers"]


async def test_sticker(query: Query, sandbox: SandboxServer) -> None:
    card = first_card(sandbox, personal(sandbox))
    card["stickers"] = []
    result = await run(
        query,
        """mutation($id: ID!) {
          addStickerToCard(input: {idCard: $id, image: "heart", top: -10, left: 50.5, zIndex: 2})
          { id name }
        }""",
        id=card["id"],
    )
    assert result["addStickerToCard"] == {"id": card["id"], "name": card["name"]}
    (sticker,) = sandbox.store.card(card["id"])["stickers"]
    assert (sticker["image"], sticker["top"], sticker["left"], sticker["zIndex"]) == (
        "heart", -10, 50.5, 2,
    )  # fmt: skip


async def test_attachments(query: Query, sandbox: SandboxServer) -> None:
    card = first_card(sandbox, personal(sandbox))
    before = len(sandbox.store.attachments_of(card["id"]))
    created = await run(
        query,
        """mutation($id: ID!) {
          createAttachment(input: {idCard: $id, url: "https://example.com/a.png", name: "Plan"})
          { id name url isUpload }
        }""",
        id=card["id"],
    )
    attachment = created["createAttachment"]
    assert attachment["name"] == "Plan"
    assert attachment["isUpload"] is False
    read = await run(
        query,
        "query($id: ID!) { card(id: $id) { attachments { id } badges { attachments } } }",
        id=card["id"],
    )
    assert {"id": attachment["id"]} in read["card"]["attachments"]
    assert read["card"]["badges"]["attachments"] == before + 1
    deleted = await run(
        query,
        """mutation($card: ID!, $id: ID!) {
          deleteAttachment(input: {idCard: $card, id: $id}) { id deleted }
        }""",
        card=card["id"],
        id=attachment["id"],
    )
    assert deleted["deleteAttachment"] == {"id": attachment["id"], "deleted": True}
    read = await run(
        query, "query($id: ID!) { card(id: $id) { attachments { id } } }", id=card["id"]
    )
    assert {"id": attachment["id"]} not in read["card"]["attachments"]
