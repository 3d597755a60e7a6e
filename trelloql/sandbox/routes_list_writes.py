"""List writes: create (or copy), update any field, move or archive all of a list's cards."""

from __future__ import annotations

from typing import Any

from .cardview import card_view
from .changes import card_data, now, record_action, touch
from .context import Ctx
from .errors import invalid_value, not_found
from .ids import short_link
from .inputs import boolean, linkable_id, object_id, position, text
from .routing import Router
from .seed import Record
from .seed_cards import board_ref, list_ref
from .views import list_view

FIELDS = ("closed", "idBoard", "name", "pos", "subscribed")


def list_reply(ctx: Ctx, lst: Record) -> dict[str, Any]:
    """Re-index, then render the list (Trello's write answer)."""
    ctx.store.changed()
    return list_view(ctx.store, lst)


def _writable(ctx: Ctx, ref: str) -> Record:
    lst = ctx.list_(ref)
    ctx.check_write(lst["idBoard"])
    return lst


def create_list(ctx: Ctx) -> dict[str, Any]:
    """``POST /lists`` with ``name``, ``idBoard``, ``pos`` and ``idListSource``."""
    board = ctx.board(linkable_id(ctx, "idBoard"))
    ctx.check_write(board["id"])
    name = text(ctx, "name", required=True, low=1)
    source_ref = object_id(ctx, "idListSource", required=False)
    source = ctx.list_(source_ref) if source_ref else None
    store = ctx.store
    lst: Record = {
        "id": store.mint("list"), "idBoard": board["id"], "name": name, "closed": False,
        "pos": position(ctx, "pos", store.lists_of(board["id"])), "created": int(store.clock()),
    }  # fmt: skip
    store.data.lists[lst["id"]] = lst
    if source is not None:
        for card in store.cards_of_list(source["id"]):
            cid = store.mint("card")
            store.data.cards[cid] = {
                **card, "id": cid, "idBoard": board["id"], "idList": lst["id"],
                "shortLink": short_link(cid), "idMembers": list(card["idMembers"]),
                "idLabels": list(card["idLabels"]) if source["idBoard"] == board["id"] else [],
                "idMembersVoted": [], "stickers": [], "idAttachmentCover": None,
                "dateLastActivity": now(store),
            }  # fmt: skip
    record_action(
        store, "createList", ctx.viewer, {"board": board_ref(board), "list": list_ref(lst)}
    )
    touch(store, board["id"])
    return list_reply(ctx, lst)


def _move(ctx: Ctx, lst: Record, board_id: str) -> None:
    board = ctx.board(board_id)
    ctx.check_write(board["id"])
    if board["id"] == lst["idBoard"]:
        return
    lst["idBoard"] = board["id"]
    for card in ctx.store.cards_of_list(lst["id"]):
        card["idBoard"] = board["id"]
        card["idLabels"] = []
        card["idMembers"] = [
            m for m in card["idMembers"] if any(x["idMember"] == m for x in board["memberships"])
        ]


def _apply(ctx: Ctx, lst: Record, field: str, name: str) -> Record:
    """Change one field of the list from the parameter ``name``; returns the old value."""
    old: Record = {}
    if field == "name":
        value = text(ctx, name, required=True, low=1)
        old["name"], lst["name"] = lst["name"], value
    elif field == "closed":
        flag = boolean(ctx, name)
        if flag is None:
            raise invalid_value(name)
        old["closed"], lst["closed"] = lst["closed"], flag
    elif field == "pos":
        siblings = [x for x in ctx.store.lists_of(lst["idBoard"]) if x["id"] != lst["id"]]
        old["pos"], lst["pos"] = lst["pos"], position(ctx, name, siblings)
    elif field == "idBoard":
        old["idBoard"] = lst["idBoard"]
        _move(ctx, lst, object_id(ctx, name) or "")
    elif field == "subscribed":
        flag = boolean(ctx, name)
        if flag is None:
            raise invalid_value(name)
        watchers = lst.setdefault("subscribers", [])
        if flag and ctx.viewer not in watchers:
            watchers.append(ctx.viewer)
        elif not flag and ctx.viewer in watchers:
            watchers.remove(ctx.viewer)
    return old


def _updated(ctx: Ctx, lst: Record, old: Record) -> dict[str, Any]:
    store = ctx.store
    if old:
        board = store.data.boards[lst["idBoard"]]
        data = {"board": board_ref(board), "list": list_ref(lst), "old": old}
        record_action(store, "updateList", ctx.viewer, data)
        touch(store, board["id"])
    return list_reply(ctx, lst)


def update_list(ctx: Ctx) -> dict[str, Any]:
    """``PUT /lists/{id}``: name, closed, pos, idBoard, subscribed (kept, not shown)."""
    lst = _writable(ctx, ctx.params["list"])
    old: Record = {}
    for field in FIELDS:
        if field in ctx.query:
            old.update(_apply(ctx, lst, field, field))
    return _updated(ctx, lst, old)


def update_list_field(ctx: Ctx) -> dict[str, Any]:
    """``PUT /lists/{id}/{field}`` with ``value``."""
    lst = _writable(ctx, ctx.params["list"])
    field = ctx.params["field"]
    if field not in FIELDS:
        raise not_found()
    return _updated(ctx, lst, _apply(ctx, lst, field, "value"))


def move_all_cards(ctx: Ctx) -> list[Record]:
    """``POST /lists/{id}/moveAllCards`` with ``idBoard`` and ``idList``; answers the cards."""
    lst = _writable(ctx, ctx.params["list"])
    board = ctx.board(object_id(ctx, "idBoard") or "")
    target = _writable(ctx, object_id(ctx, "idList") or "")
    if target["idBoard"] != board["id"]:
        raise invalid_value("idList")
    store = ctx.store
    moved = [c for c in store.cards_of_list(lst["id"]) if not c["closed"]]
    bottom = max((c["pos"] for c in store.cards_of_list(target["id"])), default=0)
    for offset, card in enumerate(moved, start=1):
        before = list_ref(store.data.lists[card["idList"]])
        card["idList"], card["idBoard"], card["pos"] = (
            target["id"],
            board["id"],
            bottom + offset * 16384,
        )
        if board["id"] != lst["idBoard"]:
            card["idLabels"] = []
        data = card_data(
            store, card, listBefore=before, listAfter=list_ref(target), old={"idList": lst["id"]}
        )
        record_action(store, "updateCard", ctx.viewer, data)
        card["dateLastActivity"] = now(store)
    touch(store, board["id"])
    store.changed()
    return [card_view(store, card, ctx.viewer) for card in moved]


def archive_all_cards(ctx: Ctx) -> dict[str, Any]:
    """``POST /lists/{id}/archiveAllCards``."""
    lst = _writable(ctx, ctx.params["list"])
    store = ctx.store
    for card in store.cards_of_list(lst["id"]):
        if not card["closed"]:
            card["closed"] = True
            data = card_data(store, card, old={"closed": False})
            record_action(store, "updateCard", ctx.viewer, data)
            card["dateLastActivity"] = now(store)
    touch(store, lst["idBoard"])
    return list_reply(ctx, lst)


def register(router: Router) -> None:
    """Add the list write routes."""
    router.add("/lists", create_list, method="POST")
    router.add("/lists/{list}", update_list, method="PUT")
    router.add("/lists/{list}/{field}", update_list_field, method="PUT")
    router.add("/lists/{list}/moveAllCards", move_all_cards, method="POST")
    router.add("/lists/{list}/archiveAllCards", archive_all_cards, method="POST")
