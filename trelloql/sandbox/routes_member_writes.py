"""A member's own writes: profile, board stars, saved searches, backgrounds, stickers,
dismissed messages and notification channel settings. Only your own member (401 otherwise)."""

from __future__ import annotations

import re
from typing import Any

from .context import Ctx
from .errors import TrelloError, invalid_value, unauthorized
from .inputs import boolean, number, object_id, one_of, position, text
from .records import find, own_member, owned, public
from .routing import Router
from .seed import Record
from .views import member_view

USERNAME = re.compile(r"^[a-z0-9_]{3,}$")
BLOCKED_KEYS = (
    "notification_comment_card", "notification_added_a_due_date",
    "notification_changed_due_date", "notification_card_due_soon",
    "notification_removed_from_card", "notification_added_attachment_to_card",
    "notification_created_card", "notification_moved_card", "notification_archived_card",
    "notification_unarchived_card",
)  # fmt: skip


def update_member(ctx: Ctx) -> dict[str, Any]:
    """``PUT /members/{id}``: names, bio, avatar source and ``prefs/...``."""
    member = own_member(ctx)
    full_name = text(ctx, "fullName", low=1)
    if full_name is not None:
        if full_name != full_name.strip():
            raise invalid_value("fullName")
        member["fullName"] = full_name
    initials = text(ctx, "initials", low=1, high=4)
    if initials is not None:
        member["initials"] = initials
    username = ctx.arg("username")
    if username is not None:
        if not USERNAME.match(username):
            raise invalid_value("username")
        if username != member["username"] and username in ctx.store.by_username:
            raise TrelloError(400, "Username is taken")
        member["username"] = username
    bio = text(ctx, "bio")
    if bio is not None:
        member["bio"] = bio
    source = one_of(ctx, "avatarSource", ("gravatar", "none", "upload"))
    if source is not None:
        member["avatarSource"] = source
    prefs = member.setdefault("prefs", {})
    blind = boolean(ctx, "prefs/colorBlind")
    if blind is not None:
        prefs["colorBlind"] = blind
    locale = text(ctx, "prefs/locale", low=2, high=20)
    if locale is not None:
        prefs["locale"] = locale
    if "prefs/minutesBetweenSummaries" in ctx.query:
        minutes = int(number(ctx, "prefs/minutesBetweenSummaries", -1, 60))
        if minutes not in (-1, 1, 60):
            raise invalid_value("prefs/minutesBetweenSummaries")
        prefs["minutesBetweenSummaries"] = minutes
    ctx.store.changed()
    return member_view(ctx.store, member, ctx.viewer)


def _star(ctx: Ctx, member: Record) -> Record:
    return find({s["id"]: s for s in member["boardStars"]}, ctx.params["star"])


def add_star(ctx: Ctx) -> dict[str, Any]:
    """``POST /members/{id}/boardStars`` with ``idBoard`` and ``pos``."""
    member = own_member(ctx)
    board = ctx.board(object_id(ctx, "idBoard") or "")
    if any(s["idBoard"] == board["id"] for s in member["boardStars"]):
        raise TrelloError(400, "Board is already starred")
    star = {
        "id": ctx.store.mint("boardStar"), "idBoard": board["id"],
        "pos": position(ctx, "pos", member["boardStars"]),
    }  # fmt: skip
    member["boardStars"].append(star)
    member["boardStars"].sort(key=lambda s: s["pos"])
    return dict(star)


def move_star(ctx: Ctx) -> dict[str, Any]:
    """``PUT /members/{id}/boardStars/{idStar}`` with ``pos``."""
    member = own_member(ctx)
    star = _star(ctx, member)
    star["pos"] = position(ctx, "pos", [s for s in member["boardStars"] if s is not star])
    member["boardStars"].sort(key=lambda s: s["pos"])
    return dict(star)


def delete_star(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /members/{id}/boardStars/{idStar}``."""
    member = own_member(ctx)
    member["boardStars"].remove(_star(ctx, member))
    return {"_value": None}


def _my_search(ctx: Ctx) -> Record:
    member = own_member(ctx)
    mine = {s["id"]: s for s in owned(ctx.store.data.saved_searches, member["id"])}
    return find(mine, ctx.params["search"])


def create_search(ctx: Ctx) -> dict[str, Any]:
    """``POST /members/{id}/savedSearches`` with ``name``, ``query`` and ``pos``."""
    member = own_member(ctx)
    siblings = owned(ctx.store.data.saved_searches, member["id"])
    search: Record = {
        "id": ctx.store.mint("savedSearch"), "idMember": member["id"],
        "name": text(ctx, "name", required=True, low=1),
        "query": text(ctx, "query", required=True, low=1),
        "pos": position(ctx, "pos", siblings),
    }  # fmt: skip
    ctx.store.data.saved_searches[search["id"]] = search
    return public(search, "idMember")


def update_search(ctx: Ctx) -> dict[str, Any]:
    """``PUT /members/{id}/savedSearches/{idSearch}``: ``name``, ``query``, ``pos``."""
    search = _my_search(ctx)
    for name in ("name", "query"):
        value = text(ctx, name, low=1)
        if value is not None:
            search[name] = value
    if "pos" in ctx.query:
        others = [s for s in owned(ctx.store.data.saved_searches, ctx.viewer) if s is not search]
        search["pos"] = position(ctx, "pos", others)
    return public(search, "idMember")


def delete_search(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /members/{id}/savedSearches/{idSearch}``."""
    del ctx.store.data.saved_searches[_my_search(ctx)["id"]]
    return {"_value": None}


def _my_background(ctx: Ctx, custom_only: bool) -> Record:
    """One of the member's backgrounds; Trello's own ones cannot be changed (401)."""
    member = own_member(ctx)
    backgrounds = ctx.store.data.backgrounds
    background = find(backgrounds, ctx.params["background"])
    if background["idMember"] != member["id"]:
        raise unauthorized()
    if custom_only and background["type"] != "custom":
        raise unauthorized()
    return background


def _update_background(ctx: Ctx, custom_only: bool) -> dict[str, Any]:
    background = _my_background(ctx, custom_only)
    brightness = one_of(ctx, "brightness", ("dark", "light", "unknown"))
    if brightness is not None:
        background["brightness"] = brightness
    tile = boolean(ctx, "tile")
    if tile is not None:
        background["tile"] = tile
    return public(background, "idMember", "color")


def _delete_background(ctx: Ctx, custom_only: bool) -> dict[str, Any]:
    del ctx.store.data.backgrounds[_my_background(ctx, custom_only)["id"]]
    return {"_value": None}


def update_background(ctx: Ctx) -> dict[str, Any]:
    """``PUT /members/{id}/boardBackgrounds/{idBackground}``: ``brightness``, ``tile``."""
    return _update_background(ctx, custom_only=False)


def delete_background(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /members/{id}/boardBackgrounds/{idBackground}``."""
    return _delete_background(ctx, custom_only=False)


def update_custom_background(ctx: Ctx) -> dict[str, Any]:
    """``PUT /members/{id}/customBoardBackgrounds/{idBackground}``."""
    return _update_background(ctx, custom_only=True)


def delete_custom_background(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /members/{id}/customBoardBackgrounds/{idBackground}``."""
    return _delete_background(ctx, custom_only=True)


def delete_custom_sticker(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /members/{id}/customStickers/{idSticker}``."""
    member = own_member(ctx)
    mine = {s["id"]: s for s in owned(ctx.store.data.custom_stickers, member["id"])}
    del ctx.store.data.custom_stickers[find(mine, ctx.params["sticker"])["id"]]
    return {"_value": None}


def dismiss_message(ctx: Ctx) -> list[str]:
    """``POST /members/{id}/oneTimeMessagesDismissed`` with ``value``."""
    member = own_member(ctx)
    message = text(ctx, "value", required=True, low=1, high=200) or ""
    dismissed = member.setdefault("dismissed", [])
    if message not in dismissed:
        dismissed.append(message)
    return list(dismissed)


def update_channel(ctx: Ctx) -> dict[str, Any]:
    """``PUT /members/{id}/notificationsChannelSettings/{channel}`` with ``blockedKeys``."""
    member = own_member(ctx)
    if ctx.params["channel"] != "email":
        raise invalid_value("channel")
    raw = ctx.arg("blockedKeys")
    if raw is None:
        raise invalid_value("blockedKeys")
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if not set(keys) <= set(BLOCKED_KEYS):
        raise invalid_value("blockedKeys")
    settings = owned(ctx.store.data.channel_settings, member["id"])
    setting = next(s for s in settings if s["channel"] == "email")
    setting["blockedKeys"] = list(dict.fromkeys(keys))
    return dict(setting)


def register(router: Router) -> None:
    """Add the member write routes."""
    router.add("/members/{member}", update_member, method="PUT")
    router.add("/members/{member}/boardStars", add_star, method="POST")
    router.add("/members/{member}/boardStars/{star}", move_star, method="PUT")
    router.add("/members/{member}/boardStars/{star}", delete_star, method="DELETE")
    router.add("/members/{member}/savedSearches", create_search, method="POST")
    router.add("/members/{member}/savedSearches/{search}", update_search, method="PUT")
    router.add("/members/{member}/savedSearches/{search}", delete_search, method="DELETE")
    router.add("/members/{member}/boardBackgrounds/{background}", update_background, method="PUT")
    router.add(
        "/members/{member}/boardBackgrounds/{background}", delete_background, method="DELETE"
    )
    router.add(
        "/members/{member}/customBoardBackgrounds/{background}",
        update_custom_background,
        method="PUT",
    )
    router.add(
        "/members/{member}/customBoardBackgrounds/{background}",
        delete_custom_background,
        method="DELETE",
    )
    router.add("/members/{member}/customStickers/{sticker}", delete_custom_sticker, method="DELETE")
    router.add("/members/{member}/oneTimeMessagesDismissed", dismiss_message, method="POST")
    router.add(
        "/members/{member}/notificationsChannelSettings/{channel}", update_channel, method="PUT"
    )
