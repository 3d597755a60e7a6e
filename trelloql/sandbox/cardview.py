"""The Trello JSON of a card, computing only the fields asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .fields import FIELDS
from .seed import Record
from .store import Store
from .views import EMOJI, label_view, limit_status, slug

_CONSTANT: dict[str, Any] = {
    "address": None, "coordinates": None, "creationMethod": None, "descData": EMOJI,
    "email": None, "locationName": None, "manualCoverAttachment": False, "subscribed": False,
    "isTemplate": False, "cardRole": None,
}  # fmt: skip


def _check_items(store: Store, card: Record) -> list[Record]:
    return [item for cl in store.checklists_of_card(card["id"]) for item in cl["checkItems"]]


def _check_item_states(store: Store, card: Record, viewer: str) -> list[Record]:
    items = _check_items(store, card)
    return [
        {"idCheckItem": i["id"], "state": "complete"} for i in items if i["state"] == "complete"
    ]


def _badges(store: Store, card: Record, viewer: str) -> Record:
    items = _check_items(store, card)
    comments = sum(1 for a in store.actions_of_card(card["id"]) if a["type"] == "commentCard")
    voted = card["idMembersVoted"]
    return {
        "attachmentsByType": {"trello": {"board": 0, "card": 0}}, "location": False,
        "votes": len(voted), "viewingMemberVoted": viewer in voted,
        "subscribed": False, "fogbugz": "", "checkItems": len(items),
        "checkItemsChecked": sum(1 for i in items if i["state"] == "complete"),
        "checkItemsEarliestDue": None, "comments": comments,
        "attachments": len(store.attachments_of(card["id"])), "description": bool(card["desc"]),
        "due": card["due"], "dueComplete": card["dueComplete"], "start": card["start"],
    }  # fmt: skip


def _limits(store: Store, card: Record, viewer: str) -> Record:
    cid = card["id"]
    return {
        "attachments": {"perCard": limit_status(len(store.attachments_of(cid)), 1000, 800)},
        "checklists": {"perCard": limit_status(len(store.checklists_of_card(cid)), 500, 400)},
        "stickers": {"perCard": limit_status(len(card["stickers"]), 70, 56)},
    }


def _cover(store: Store, card: Record, viewer: str) -> Record:
    return {
        "idAttachment": card["idAttachmentCover"], "color": card["coverColor"],
        "idUploadedBackground": None, "size": "normal",
        "brightness": "dark" if card["coverColor"] else "light", "idPlugin": None,
    }  # fmt: skip


_COMPUTED: dict[str, Callable[[Store, Record, str], Any]] = {
    "badges": _badges,
    "checkItemStates": _check_item_states,
    "dueReminder": lambda s, c, v: -1 if c["due"] else None,
    "idChecklists": lambda s, c, v: [cl["id"] for cl in s.checklists_of_card(c["id"])],
    "idLabels": lambda s, c, v: list(c["idLabels"]),
    "idMembers": lambda s, c, v: list(c["idMembers"]),
    "idMembersVoted": lambda s, c, v: list(c["idMembersVoted"]),
    "labels": lambda s, c, v: [label_view(s, s.data.labels[lid]) for lid in c["idLabels"]],
    "limits": _limits,
    "shortUrl": lambda s, c, v: f"https://trello.com/c/{c['shortLink']}",
    "url": lambda s, c, v: (
        f"https://trello.com/c/{c['shortLink']}/{c['idShort']}-{slug(c['name'])}"
    ),
    "cover": _cover,
}


def card_view(
    store: Store, card: Record, viewer: str, fields: tuple[str, ...] = FIELDS["card"]
) -> Record:
    """The card's ``fields`` (every field by default), in that order."""
    out: Record = {}
    for name in fields:
        if name in _CONSTANT:
            out[name] = _CONSTANT[name]
        elif name in _COMPUTED:
            out[name] = _COMPUTED[name](store, card, viewer)
        else:
            out[name] = card[name]
    return out
