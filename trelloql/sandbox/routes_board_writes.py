"""Board writes: create, update, delete; members and roles; own settings; keys; Power-Ups."""

from __future__ import annotations

import hashlib
from typing import Any

from .changes import now, off_board_cards, record_action, touch
from .context import Ctx
from .errors import TrelloError, invalid_value, not_found, unauthorized
from .ids import short_link
from .inputs import boolean, object_id, one_of, text
from .records import EMAIL, admin_board, find, invited_member, membership
from .routes_boards import MY_PREFS
from .routing import Router
from .seed import Record
from .seed_cards import POS, board_ref
from .seed_extras import DEFAULT_BACKGROUNDS
from .views import LABEL_COLORS, board_view

VISIBILITY = ("org", "private", "public")
AUDIENCE = ("disabled", "members", "observers", "org", "public")
MEMBER_TYPES = ("admin", "normal", "observer")
DEFAULT_LABELS = ("green", "yellow", "orange", "red", "purple", "blue")
DEFAULT_LISTS = ("To Do", "Doing", "Done")
PREF_RULES = {
    "voting": AUDIENCE, "comments": AUDIENCE, "invitations": ("admins", "members"),
    "cardAging": ("pirate", "regular"),
}  # fmt: skip
PREF_FLAGS = ("selfJoin", "cardCovers", "hideVotes", "calendarFeedEnabled")
PREF_NAMES = (*PREF_RULES, *PREF_FLAGS, "permissionLevel", "background")
CREATE_ONLY_FLAGS = ("hideVotes", "calendarFeedEnabled")


def board_reply(ctx: Ctx, board: Record) -> dict[str, Any]:
    """Re-index, then render the board with every field (Trello's write answer)."""
    ctx.store.changed()
    return board_view(ctx.store, board, ctx.viewer)


def _prefs(ctx: Ctx, board: Record, sep: str, allowed: tuple[str, ...]) -> None:
    """Apply ``prefs<sep><name>`` parameters to the board's stored preferences."""
    stored = board.setdefault("prefs", {})
    for name in allowed:
        key = f"prefs{sep}{name}"
        if name == "permissionLevel":
            value = one_of(ctx, key, VISIBILITY)
            if value is not None:
                board["permissionLevel"] = value
        elif name == "background":
            value = ctx.arg(key)
            if value is not None:
                if value not in DEFAULT_BACKGROUNDS and value not in ctx.store.data.backgrounds:
                    raise invalid_value(key)
                board["background"] = value
        elif name in PREF_FLAGS:
            flag = boolean(ctx, key)
            if flag is not None:
                stored[name] = flag
        else:
            value = one_of(ctx, key, PREF_RULES[name])
            if value is not None:
                stored[name] = value


def _organization(ctx: Ctx, name: str) -> str | None:
    """An organization the viewer belongs to, by id or name; None when absent."""
    ref = ctx.arg(name)
    if ref is None:
        return None
    org = ctx.organization(ref)
    if not any(m["idMember"] == ctx.viewer for m in org["memberships"]):
        raise unauthorized()
    return str(org["id"])


def _new_board(ctx: Ctx, name: str, desc: str, org: str | None) -> Record:
    store, at = ctx.store, now(ctx.store)
    bid = store.mint("board")
    board: Record = {
        "id": bid, "name": name, "desc": desc, "closed": False, "dateClosed": None,
        "idOrganization": org, "permissionLevel": "org" if org else "private",
        "background": "blue", "shortLink": short_link(bid), "pinned": False,
        "idMemberCreator": ctx.viewer, "created": int(store.clock()), "dateLastActivity": at,
        "memberships": [membership(ctx, ctx.viewer, "admin")],
    }  # fmt: skip
    store.data.boards[bid] = board
    return board


def _add_list(ctx: Ctx, board: Record, name: str, pos: float, closed: bool = False) -> Record:
    lst: Record = {
        "id": ctx.store.mint("list"), "idBoard": board["id"], "name": name, "closed": closed,
        "pos": pos, "created": int(ctx.store.clock()),
    }  # fmt: skip
    ctx.store.data.lists[lst["id"]] = lst
    return lst


def _add_label(ctx: Ctx, board: Record, name: str, color: str | None) -> Record:
    label = {"id": ctx.store.mint("label"), "idBoard": board["id"], "name": name, "color": color}
    ctx.store.data.labels[label["id"]] = label
    return label


def _copy_from(ctx: Ctx, board: Record, source: Record, with_cards: bool) -> None:
    store = ctx.store
    labels = {
        label["id"]: _add_label(ctx, board, label["name"], label["color"])["id"]
        for label in store.labels_of(source["id"])
    }
    for lst in store.lists_of(source["id"]):
        copy = _add_list(ctx, board, lst["name"], lst["pos"], lst["closed"])
        if not with_cards:
            continue
        for card in store.cards_of_list(lst["id"]):
            cid = store.mint("card")
            store.data.cards[cid] = {
                **card, "id": cid, "idBoard": board["id"], "idList": copy["id"],
                "shortLink": short_link(cid), "idMembers": [], "idMembersVoted": [],
                "idLabels": [labels[lid] for lid in card["idLabels"] if lid in labels],
                "stickers": [], "idAttachmentCover": None, "dateLastActivity": now(store),
            }  # fmt: skip


def create_board(ctx: Ctx) -> dict[str, Any]:
    """``POST /boards/`` with defaults, a source board to copy, and ``prefs_*``."""
    name = text(ctx, "name", required=True, low=1) or ""
    desc = text(ctx, "desc") or ""
    org = _organization(ctx, "idOrganization")
    source_ref = object_id(ctx, "idBoardSource", required=False)
    keep = one_of(ctx, "keepFromSource", ("cards", "none")) or "none"
    one_of(ctx, "powerUps", ("all", "calendar", "cardAging", "recap", "voting"))
    with_labels = boolean(ctx, "defaultLabels")
    with_lists = boolean(ctx, "defaultLists")
    source = ctx.board(source_ref) if source_ref else None
    board = _new_board(ctx, name, desc, org)
    _prefs(ctx, board, "_", tuple(n for n in PREF_NAMES if n not in CREATE_ONLY_FLAGS))
    if source is not None:
        _copy_from(ctx, board, source, keep == "cards")
    else:
        if with_labels is not False:
            for color in DEFAULT_LABELS:
                _add_label(ctx, board, "", color)
        if with_lists is not False:
            for index, list_name in enumerate(DEFAULT_LISTS):
                _add_list(ctx, board, list_name, POS * (index + 1))
    record_action(ctx.store, "createBoard", ctx.viewer, {"board": board_ref(board)})
    return board_reply(ctx, board)


def _label_names(ctx: Ctx, board: Record) -> None:
    for color in LABEL_COLORS:
        value = text(ctx, f"labelNames/{color}")
        if value is None:
            continue
        label = next((lb for lb in ctx.store.labels_of(board["id"]) if lb["color"] == color), None)
        if label is None:
            _add_label(ctx, board, value, color)
        else:
            label["name"] = value


def update_board(ctx: Ctx) -> dict[str, Any]:
    """``PUT /boards/{id}``: name, desc, closed, subscribed, workspace, prefs, label names."""
    board = ctx.board(ctx.params["board"])
    subscribed = boolean(ctx, "subscribed")
    settings = [
        k
        for k in ctx.query
        if k not in ("subscribed", "key", "token") and not k.startswith("labelNames/")
    ]
    if settings:
        admin_board(ctx, board["id"])
    elif any(k.startswith("labelNames/") for k in ctx.query):
        ctx.check_write(board["id"])
    old: Record = {}
    name = text(ctx, "name", low=1)
    if name is not None:
        old["name"], board["name"] = board["name"], name
    desc = text(ctx, "desc")
    if desc is not None:
        old["desc"], board["desc"] = board["desc"], desc
    closed = boolean(ctx, "closed")
    if closed is not None and closed != board["closed"]:
        old["closed"], board["closed"] = board["closed"], closed
        board["dateClosed"] = now(ctx.store) if closed else None
    if "idOrganization" in ctx.query:
        value = ctx.arg("idOrganization") or ""
        old["idOrganization"] = board["idOrganization"]
        board["idOrganization"] = (
            None if value in ("", "null") else _organization(ctx, "idOrganization")
        )
    _prefs(ctx, board, "/", PREF_NAMES)
    _label_names(ctx, board)
    if subscribed is not None:
        subscribers = board.setdefault("subscribers", [])
        if subscribed and ctx.viewer not in subscribers:
            subscribers.append(ctx.viewer)
        elif not subscribed and ctx.viewer in subscribers:
            subscribers.remove(ctx.viewer)
    if old:
        data = {"board": board_ref(board), "old": old}
        record_action(ctx.store, "updateBoard", ctx.viewer, data)
    touch(ctx.store, board["id"])
    return board_reply(ctx, board)


def delete_board(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /boards/{id}``: the board and everything on it."""
    board = admin_board(ctx, ctx.params["board"])
    data = ctx.store.data
    bid = board["id"]
    cards = {cid for cid, card in data.cards.items() if card["idBoard"] == bid}
    fields = {fid for fid, field in data.custom_fields.items() if field["idModel"] == bid}
    for table, gone in (
        (data.lists, lambda r: r["idBoard"] == bid),
        (data.cards, lambda r: r["idBoard"] == bid),
        (data.labels, lambda r: r["idBoard"] == bid),
        (data.checklists, lambda r: r["idBoard"] == bid),
        (data.attachments, lambda r: r["idCard"] in cards),
        (data.custom_fields, lambda r: r["idModel"] == bid),
        (data.custom_field_items, lambda r: r["idCustomField"] in fields),
        (data.board_plugins, lambda r: r["idBoard"] == bid),
    ):
        for key in [key for key, record in table.items() if gone(record)]:
            del table[key]
    for member in data.members.values():
        member["boardStars"] = [s for s in member["boardStars"] if s["idBoard"] != bid]
    del data.boards[bid]
    ctx.store.changed()
    return {"_value": None}


def _member_type(ctx: Ctx, default: str | None = None) -> str:
    value = one_of(ctx, "type", MEMBER_TYPES) or default
    if value is None:
        raise invalid_value("type")
    return value


def _put_member(ctx: Ctx, board: Record, member: str, kind: str, unconfirmed: bool) -> None:
    existing = next((m for m in board["memberships"] if m["idMember"] == member), None)
    if existing is not None:
        existing["memberType"] = kind
        return
    board["memberships"].append(membership(ctx, member, kind, unconfirmed))
    data = {"board": board_ref(board), "idMemberAdded": member, "memberType": kind}
    record_action(ctx.store, "addMemberToBoard", ctx.viewer, data, member)


def add_member(ctx: Ctx) -> dict[str, Any]:
    """``PUT /boards/{id}/members/{idMember}`` with ``type``: add, or change the role."""
    board = admin_board(ctx, ctx.params["board"])
    kind = _member_type(ctx)
    boolean(ctx, "allowBillableGuest")
    member = ctx.store.member(ctx.params["member"])
    _put_member(ctx, board, member["id"], kind, unconfirmed=False)
    return board_reply(ctx, board)


def invite_member(ctx: Ctx) -> dict[str, Any]:
    """``PUT /boards/{id}/members`` with ``email`` (and ``fullName``, ``type``)."""
    board = admin_board(ctx, ctx.params["board"])
    address = ctx.arg("email") or ""
    if not EMAIL.match(address):
        raise invalid_value("email")
    kind = _member_type(ctx, "normal")
    store = ctx.store
    member = next((m for m in store.data.members.values() if m["email"] == address), None)
    if member is None:
        member = invited_member(ctx, address, ctx.arg("fullName"))
    _put_member(ctx, board, member["id"], kind, unconfirmed=member.get("unconfirmed", False))
    return board_reply(ctx, board)


def remove_member(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /boards/{id}/members/{idMember}``; also off the board's cards."""
    board = admin_board(ctx, ctx.params["board"])
    member = ctx.store.member(ctx.params["member"])
    mid = member["id"]
    if not any(m["idMember"] == mid for m in board["memberships"]):
        raise not_found()
    others = [m for m in board["memberships"] if m["idMember"] != mid]
    if not any(m["memberType"] == "admin" for m in others):
        raise TrelloError(403, "A board needs at least one admin")
    board["memberships"] = others
    off_board_cards(ctx.store, board["id"], mid)
    data = {"board": board_ref(board), "idMember": mid}
    record_action(ctx.store, "removeMemberFromBoard", ctx.viewer, data, mid)
    return board_reply(ctx, board)


def update_membership(ctx: Ctx) -> dict[str, Any]:
    """``PUT /boards/{id}/memberships/{idMembership}`` with ``type``."""
    board = admin_board(ctx, ctx.params["board"])
    kind = _member_type(ctx)
    found = find({m["id"]: m for m in board["memberships"]}, ctx.params["membership"])
    others = [m for m in board["memberships"] if m is not found]
    if kind != "admin" and not any(m["memberType"] == "admin" for m in others):
        raise TrelloError(403, "A board needs at least one admin")
    found["memberType"] = kind
    touch(ctx.store, board["id"])
    ctx.store.changed()
    return dict(found)


def update_my_pref(ctx: Ctx) -> dict[str, Any]:
    """``PUT /boards/{id}/myPrefs/{pref}`` with ``value``: the viewer's own board settings."""
    board = ctx.board(ctx.params["board"])
    if not any(m["idMember"] == ctx.viewer for m in board["memberships"]):
        raise unauthorized()
    pref = ctx.params["pref"]
    if pref == "emailPosition":
        value: Any = one_of(ctx, "value", ("bottom", "top"))
    elif pref == "idEmailList":
        value = object_id(ctx, "value")
        if value not in {lst["id"] for lst in ctx.store.lists_of(board["id"])}:
            raise invalid_value("value")
    elif pref in (
        "showSidebar",
        "showSidebarActivity",
        "showSidebarBoardActions",
        "showSidebarMembers",
    ):
        value = boolean(ctx, "value")
    else:
        raise not_found()
    if value is None:
        raise invalid_value("value")
    mine = board.setdefault("myPrefs", {}).setdefault(ctx.viewer, {})
    mine[pref] = value
    return {**MY_PREFS, **mine}


def _generate(ctx: Ctx, kind: str) -> dict[str, Any]:
    board = ctx.board(ctx.params["board"])
    ctx.check_write(board["id"])
    seed = f"{board['id']}:{kind}:{ctx.store.mint('key')}"
    board[kind] = hashlib.sha256(seed.encode()).hexdigest()[:32]
    return board_reply(ctx, board)


def generate_calendar_key(ctx: Ctx) -> dict[str, Any]:
    """``POST /boards/{id}/calendarKey/generate``: a new key for the calendar feed."""
    return _generate(ctx, "calendarKey")


def generate_email_key(ctx: Ctx) -> dict[str, Any]:
    """``POST /boards/{id}/emailKey/generate``: a new address for emailing cards in."""
    return _generate(ctx, "emailKey")


def mark_viewed(ctx: Ctx) -> dict[str, Any]:
    """``POST /boards/{id}/markedAsViewed``: the viewer's ``dateLastView`` is now."""
    board = ctx.board(ctx.params["board"])
    board.setdefault("views", {})[ctx.viewer] = now(ctx.store)
    return board_reply(ctx, board)


def add_to_collection(ctx: Ctx) -> dict[str, Any]:
    """``POST /boards/{id}/idTags`` with ``value``: a collection of the board's workspace."""
    board = ctx.board(ctx.params["board"])
    ctx.check_write(board["id"])
    tag = find(ctx.store.data.tags, object_id(ctx, "value") or "")
    if tag["idOrganization"] != board["idOrganization"]:
        raise invalid_value("value")
    tags = board.setdefault("idTags", [])
    if tag["id"] not in tags:
        tags.append(tag["id"])
    return board_reply(ctx, board)


def enable_plugin(ctx: Ctx) -> dict[str, Any]:
    """``POST /boards/{id}/boardPlugins`` with ``idPlugin``."""
    board = admin_board(ctx, ctx.params["board"])
    plugin = find(ctx.store.data.plugins, object_id(ctx, "idPlugin") or "")
    enabled = ctx.store.data.board_plugins
    found = next(
        (
            bp
            for bp in enabled.values()
            if (bp["idBoard"], bp["idPlugin"]) == (board["id"], plugin["id"])
        ),
        None,
    )
    if found is None:
        found = {
            "id": ctx.store.mint("boardPlugin"),
            "idBoard": board["id"],
            "idPlugin": plugin["id"],
        }
        enabled[found["id"]] = found
    return dict(found)


def disable_plugin(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /boards/{id}/boardPlugins/{idPlugin}``."""
    board = admin_board(ctx, ctx.params["board"])
    plugin = find(ctx.store.data.plugins, ctx.params["plugin"])
    enabled = ctx.store.data.board_plugins
    gone = [
        k
        for k, bp in enabled.items()
        if (bp["idBoard"], bp["idPlugin"]) == (board["id"], plugin["id"])
    ]
    if not gone:
        raise not_found()
    for key in gone:
        del enabled[key]
    return board_reply(ctx, board)


def register(router: Router) -> None:
    """Add the board write routes."""
    router.add("/boards", create_board, method="POST")
    router.add("/boards/{board}", update_board, method="PUT")
    router.add("/boards/{board}", delete_board, method="DELETE")
    router.add("/boards/{board}/members", invite_member, method="PUT")
    router.add("/boards/{board}/members/{member}", add_member, method="PUT")
    router.add("/boards/{board}/members/{member}", remove_member, method="DELETE")
    router.add("/boards/{board}/memberships/{membership}", update_membership, method="PUT")
    router.add("/boards/{board}/myPrefs/{pref}", update_my_pref, method="PUT")
    router.add("/boards/{board}/calendarKey/generate", generate_calendar_key, method="POST")
    router.add("/boards/{board}/emailKey/generate", generate_email_key, method="POST")
    router.add("/boards/{board}/markedAsViewed", mark_viewed, method="POST")
    router.add("/boards/{board}/idTags", add_to_collection, method="POST")
    router.add("/boards/{board}/boardPlugins", enable_plugin, method="POST")
    router.add("/boards/{board}/boardPlugins/{plugin}", disable_plugin, method="DELETE")
