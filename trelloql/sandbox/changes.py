"""How writes change the sandbox data: actions where Trello records them, and activity dates."""

from __future__ import annotations

from .ids import iso
from .seed import Record, action_record
from .seed_cards import board_ref, card_ref, list_ref
from .store import Store


def now(store: Store) -> str:
    """The store's current time in Trello's ISO form."""
    return iso(int(store.clock()))


def record_action(
    store: Store, type_: str, creator: str, data: Record, member: str | None = None
) -> Record:
    """Add an action of ``type_`` done now by ``creator`` (``member`` is whom it concerns)."""
    aid = store.mint("action")
    action = action_record(aid, type_, now(store), creator, data, member)
    store.data.actions[aid] = action
    return action


def card_data(store: Store, card: Record, **extra: object) -> Record:
    """The ``data`` of an action about ``card``: the card, its board and its list."""
    board = store.data.boards[card["idBoard"]]
    lst = store.data.lists[card["idList"]]
    return {"card": card_ref(card), "board": board_ref(board), "list": list_ref(lst), **extra}


def touch(store: Store, board_id: str, card: Record | None = None) -> None:
    """Set ``dateLastActivity`` of the board (and the card) to now."""
    when = now(store)
    store.data.boards[board_id]["dateLastActivity"] = when
    if card is not None:
        card["dateLastActivity"] = when


def off_board_cards(store: Store, board_id: str, member: str) -> None:
    """Take ``member`` off every card of the board."""
    for card in store.cards_of_board(board_id):
        if member in card["idMembers"]:
            card["idMembers"].remove(member)


def set_members(store: Store, card: Record, wanted: list[str], viewer: str) -> None:
    """Put exactly ``wanted`` members on the card, recording who was added or removed."""
    current = card["idMembers"]
    for member in [m for m in current if m not in wanted]:
        current.remove(member)
        data = card_data(store, card, idMember=member)
        record_action(store, "removeMemberFromCard", viewer, data, member)
    for member in [m for m in wanted if m not in current]:
        current.append(member)
        record_action(
            store, "addMemberToCard", viewer, card_data(store, card, idMember=member), member
        )


def set_labels(store: Store, card: Record, wanted: list[str], viewer: str) -> None:
    """Put exactly ``wanted`` labels on the card, recording which were added or removed."""
    current = card["idLabels"]
    for label_id in [lid for lid in current if lid not in wanted]:
        current.remove(label_id)
        data = card_data(store, card, label=label_ref(store.data.labels[label_id]))
        record_action(store, "removeLabelFromCard", viewer, data)
    for label_id in [lid for lid in wanted if lid not in current]:
        current.append(label_id)
        data = card_data(store, card, label=label_ref(store.data.labels[label_id]))
        record_action(store, "addLabelToCard", viewer, data)


def label_ref(label: Record) -> Record:
    """The short label reference Trello puts into action data."""
    return {"id": label["id"], "name": label["name"], "color": label["color"]}
