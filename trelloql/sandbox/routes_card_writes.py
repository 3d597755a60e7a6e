"""Card writes: ``POST /cards`` (new or copied), ``PUT /cards/{id}``, ``DELETE /cards/{id}``."""

from __future__ import annotations

from typing import Any

from .cardview import card_view
from .changes import card_data, now, record_action, set_labels, set_members, touch
from .context import Ctx
from .errors import invalid_value
from .ids import short_link
from .inputs import (
    NULL,
    boolean,
    date,
    id_list,
    linkable_id,
    object_id,
    position,
    text,
    web_url,
)
from .routing import Router
from .seed import Record
from .seed_cards import board_ref, card_ref, list_ref

COPY_PARTS = (
    "all", "attachments", "checklists", "comments", "customFields", "due", "start", "labels",
    "members", "stickers",
)  # fmt: skip


def card_reply(ctx: Ctx, card: Record) -> dict[str, Any]:
    """Re-index the store, then render the card with every field (Trello's write answer)."""
    ctx.store.changed()
    return card_view(ctx.store, card, ctx.viewer)


def _writable_list(ctx: Ctx, name: str = "idList") -> Record:
    lst = ctx.list_(object_id(ctx, name) or "")
    ctx.check_write(lst["idBoard"])
    return lst


def _board_members(ctx: Ctx, board: Record, name: str) -> list[str] | None:
    """Ids from a comma-list parameter, each a member of ``board``."""
    ids = id_list(ctx, name)
    members = {m["idMember"] for m in board["memberships"]}
    if ids is not None and not set(ids) <= members:
        raise invalid_value(name)
    return ids


def _board_labels(ctx: Ctx, board: Record, name: str) -> list[str] | None:
    """Ids from a comma-list parameter, each a label of ``board``."""
    ids = id_list(ctx, name)
    labels = {label["id"] for label in ctx.store.labels_of(board["id"])}
    if ids is not None and not set(ids) <= labels:
        raise invalid_value(name)
    return ids


def _copy_parts(ctx: Ctx) -> set[str]:
    value = ctx.arg("keepFromSource") or "all"
    parts = {part.strip() for part in value.split(",")}
    if not parts <= set(COPY_PARTS):
        raise invalid_value("keepFromSource")
    return set(COPY_PARTS) if "all" in parts else parts


def _labels_on(ctx: Ctx, label_ids: list[str], board_id: str) -> list[str]:
    """The labels of ``board_id`` matching ``label_ids`` (the same, or same name and color)."""
    store = ctx.store
    targets = store.labels_of(board_id)
    found = []
    for label_id in label_ids:
        label = store.data.labels[label_id]
        if label["idBoard"] == board_id:
            found.append(label_id)
            continue
        same = (label["name"], label["color"])
        match = next((t for t in targets if (t["name"], t["color"]) == same), None)
        if match is not None:
            found.append(match["id"])
    return found


def _members_on(board: Record, member_ids: list[str]) -> list[str]:
    members = {m["idMember"] for m in board["memberships"]}
    return [m for m in member_ids if m in members]


def _next_id_short(ctx: Ctx, board_id: str) -> int:
    """The board's next card number."""
    cards = ctx.store.data.cards.values()
    return 1 + max((c["idShort"] for c in cards if c["idBoard"] == board_id), default=0)


def new_card(ctx: Ctx, lst: Record, name: str, pos: float) -> Record:
    """Add an empty open card to ``lst`` (no action recorded)."""
    store = ctx.store
    cid = store.mint("card")
    card: Record = {
        "id": cid, "idBoard": lst["idBoard"], "idList": lst["id"], "name": name, "desc": "",
        "closed": False, "pos": pos, "due": None, "start": None, "dueComplete": False,
        "idMembers": [], "idLabels": [], "idMembersVoted": [],
        "idShort": _next_id_short(ctx, lst["idBoard"]),
        "shortLink": short_link(cid), "created": int(store.clock()), "coverColor": None,
        "stickers": [], "idAttachmentCover": None, "dateLastActivity": None,
    }  # fmt: skip
    store.data.cards[cid] = card
    return card


def add_attachment(
    ctx: Ctx, card: Record, url: str, name: str, mime: str | None, cover: bool = False
) -> Record:
    """Attach a link to ``card`` and record ``addAttachmentToCard``."""
    store = ctx.store
    aid = store.mint("attachment")
    attachment: Record = {
        "id": aid, "idCard": card["id"], "idMember": ctx.viewer, "name": name, "url": url,
        "mimeType": mime, "bytes": None, "date": now(store), "isUpload": False,
        "pos": 16384 * (len(store.attachments_of(card["id"])) + 1), "edgeColor": None,
        "fileName": None, "previews": [],
    }  # fmt: skip
    store.data.attachments[aid] = attachment
    if cover:
        card["idAttachmentCover"] = aid
    data = card_data(store, card, attachment={"id": aid, "name": name, "url": url})
    record_action(store, "addAttachmentToCard", ctx.viewer, data)
    return attachment


def _copy_from(ctx: Ctx, source: Record, card: Record, parts: set[str]) -> None:
    store = ctx.store
    board = store.data.boards[card["idBoard"]]
    card["desc"] = source["desc"]
    if "due" in parts:
        card["due"], card["dueComplete"] = source["due"], source["dueComplete"]
    if "start" in parts:
        card["start"] = source["start"]
    if "labels" in parts:
        card["idLabels"] = _labels_on(ctx, source["idLabels"], board["id"])
    if "members" in parts:
        card["idMembers"] = _members_on(board, source["idMembers"])
    if "stickers" in parts:
        card["stickers"] = [{**s, "id": store.mint("sticker")} for s in source["stickers"]]
    if "checklists" in parts:
        for checklist in store.checklists_of_card(source["id"]):
            add_checklist(ctx, card, checklist["name"], checklist["pos"], checklist["checkItems"])
    if "attachments" in parts:
        for attachment in store.attachments_of(source["id"]):
            aid = store.mint("attachment")
            store.data.attachments[aid] = {**attachment, "id": aid, "idCard": card["id"]}
    if "comments" in parts:
        for action in reversed(store.actions_of_card(source["id"])):
            if action["type"] == "commentCard":
                data = card_data(store, card, text=action["data"]["text"])
                record_action(store, "copyCommentCard", action["idMemberCreator"], data)


def add_checklist(
    ctx: Ctx, card: Record, name: str, pos: float, items: list[Record] | None = None
) -> Record:
    """A new checklist on ``card`` with copies of ``items`` (all incomplete)."""
    store = ctx.store
    clid = store.mint("checklist")
    copies = [
        {**item, "id": store.mint("checkItem"), "idChecklist": clid, "state": "incomplete"}
        for item in items or []
    ]
    checklist: Record = {
        "id": clid, "name": name, "idBoard": card["idBoard"], "idCard": card["id"], "pos": pos,
        "checkItems": copies,
    }  # fmt: skip
    store.data.checklists[clid] = checklist
    return checklist


def create_card(ctx: Ctx) -> dict[str, Any]:
    """``POST /cards``: a new card in ``idList``, or a copy of ``idCardSource``."""
    lst = _writable_list(ctx)
    store = ctx.store
    board = store.data.boards[lst["idBoard"]]
    name = text(ctx, "name")
    desc = text(ctx, "desc")
    pos = position(ctx, "pos", store.cards_of_list(lst["id"]))
    due, start = date(ctx, "due"), date(ctx, "start")
    due_complete = boolean(ctx, "dueComplete")
    members = _board_members(ctx, board, "idMembers")
    labels = _board_labels(ctx, board, "idLabels")
    url = web_url(ctx, "urlSource")
    mime = text(ctx, "mimeType", high=256)
    source, parts = None, _copy_parts(ctx)
    if ctx.arg("idCardSource") is not None:
        source = ctx.card(linkable_id(ctx, "idCardSource"))
    card = new_card(ctx, lst, name if name is not None else (source or {}).get("name", ""), pos)
    touch(store, board["id"], card)
    data = {"card": card_ref(card), "board": board_ref(board), "list": list_ref(lst)}
    if source is not None:
        _copy_from(ctx, source, card, parts)
        record_action(store, "copyCard", ctx.viewer, {**data, "cardSource": card_ref(source)})
    else:
        record_action(store, "createCard", ctx.viewer, data)
    card.update(
        (key, value)
        for key, value in (("desc", desc), ("due", due), ("start", start))
        if value is not None
    )
    if due_complete is not None:
        card["dueComplete"] = due_complete
    if members is not None:
        card["idMembers"] = members
    if labels is not None:
        card["idLabels"] = labels
    if url is not None:
        add_attachment(ctx, card, url, url, mime)
    return card_reply(ctx, card)


def _destination(ctx: Ctx, card: Record) -> Record:
    """The list a ``PUT /cards/{id}`` moves the card to (its own list when it stays)."""
    store = ctx.store
    if ctx.arg("idList") is not None:
        lst = _writable_list(ctx)
        if ctx.arg("idBoard") is not None and lst["idBoard"] != object_id(ctx, "idBoard"):
            raise invalid_value("idList")
        return lst
    if ctx.arg("idBoard") is not None:
        board = ctx.board(object_id(ctx, "idBoard") or "")
        ctx.check_write(board["id"])
        if board["id"] == card["idBoard"]:
            return store.data.lists[card["idList"]]
        open_lists = [lst for lst in store.lists_of(board["id"]) if not lst["closed"]]
        if not open_lists:
            raise invalid_value("idList")
        return open_lists[0]
    return store.data.lists[card["idList"]]


def _change_board(ctx: Ctx, card: Record, lst: Record) -> None:
    """Move ``card`` to ``lst`` on another board, as Trello records it on both boards."""
    store = ctx.store
    source = store.data.boards[card["idBoard"]]
    target = store.data.boards[lst["idBoard"]]
    card["idLabels"] = _labels_on(ctx, card["idLabels"], target["id"])
    card["idMembers"] = _members_on(target, card["idMembers"])
    old_list = store.data.lists[card["idList"]]
    card["idShort"] = _next_id_short(ctx, target["id"])
    card["idBoard"], card["idList"] = target["id"], lst["id"]
    ref = card_ref(card)
    record_action(
        store, "moveCardFromBoard", ctx.viewer,
        {"card": ref, "board": board_ref(source), "list": list_ref(old_list),
         "boardTarget": {"id": target["id"]}},
    )  # fmt: skip
    record_action(
        store, "moveCardToBoard", ctx.viewer,
        {"card": ref, "board": board_ref(target), "list": list_ref(lst),
         "boardSource": {"id": source["id"]}},
    )  # fmt: skip
    touch(store, source["id"])


def update_card(ctx: Ctx) -> dict[str, Any]:
    """``PUT /cards/{id}``: fields, list, board, position, members, labels, cover."""
    card = ctx.writable_card(ctx.params["card"])
    store = ctx.store
    lst = _destination(ctx, card)
    board = store.data.boards[lst["idBoard"]]
    changes: dict[str, Any] = {}
    for key, value in (("name", text(ctx, "name", low=1)), ("desc", text(ctx, "desc"))):
        if value is not None:
            changes[key] = value
    for key in ("closed", "dueComplete"):
        flag = boolean(ctx, key)
        if flag is not None:
            changes[key] = flag
    for key in ("due", "start"):
        if key in ctx.query:
            changes[key] = date(ctx, key)
    if "pos" in ctx.query:
        siblings = [c for c in store.cards_of_list(lst["id"]) if c["id"] != card["id"]]
        changes["pos"] = position(ctx, "pos", siblings)
    if "idAttachmentCover" in ctx.query:
        changes["idAttachmentCover"] = _cover(ctx, card)
    members = _board_members(ctx, board, "idMembers")
    labels = _board_labels(ctx, board, "idLabels")
    old = {key: card[key] for key, value in changes.items() if card[key] != value}
    list_before = store.data.lists[card["idList"]]
    if lst["idBoard"] != card["idBoard"]:
        _change_board(ctx, card, lst)
    elif lst["id"] != card["idList"]:
        old["idList"] = card["idList"]
        card["idList"] = lst["id"]
    card.update(changes)
    touch(store, board["id"], card)
    if old:
        data = card_data(store, card, old=old)
        data["card"].update({key: card[key] for key in old})
        if "idList" in old:
            data.update(listBefore=list_ref(list_before), listAfter=list_ref(lst))
        record_action(store, "updateCard", ctx.viewer, data)
    if members is not None:
        set_members(store, card, members, ctx.viewer)
    if labels is not None:
        set_labels(store, card, labels, ctx.viewer)
    return card_reply(ctx, card)


def _cover(ctx: Ctx, card: Record) -> str | None:
    value = ctx.arg("idAttachmentCover") or ""
    if value in NULL:
        return None
    attachment_id = object_id(ctx, "idAttachmentCover")
    if attachment_id not in {a["id"] for a in ctx.store.attachments_of(card["id"])}:
        raise invalid_value("idAttachmentCover")
    return attachment_id


def delete_card(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /cards/{id}``: the card, its checklists and attachments are gone."""
    card = ctx.writable_card(ctx.params["card"])
    store = ctx.store
    data = card_data(store, card)
    data["card"] = {key: card[key] for key in ("id", "idShort", "shortLink")}
    for checklist in store.checklists_of_card(card["id"]):
        del store.data.checklists[checklist["id"]]
    for attachment in store.attachments_of(card["id"]):
        del store.data.attachments[attachment["id"]]
    del store.data.cards[card["id"]]
    record_action(store, "deleteCard", ctx.viewer, data)
    touch(store, card["idBoard"])
    store.changed()
    return {"limits": {}}


def register(router: Router) -> None:
    """Add the card write routes."""
    router.add("/cards", create_card, method="POST")
    router.add("/cards/{card}", update_card, method="PUT")
    router.add("/cards/{card}", delete_card, method="DELETE")
