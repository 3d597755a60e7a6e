"""Notifications: a member's list (paged), one by id and the models it is about, marking
them read or unread, and the member's notification channel settings."""

from __future__ import annotations

from typing import Any

from .cardview import card_view
from .changes import now
from .context import Ctx
from .errors import invalid_value, not_found, unauthorized
from .fields import MEMBER_MINI, project
from .ids import is_object_id
from .inputs import boolean, id_list
from .nested import fields_of, render_members
from .params import choice, flag, number
from .records import find, newest_first, own_member, owned, public
from .routing import Router
from .seed import Record
from .views import board_view, list_view, member_view, org_view

CHANNELS = ("email",)


def notification(ctx: Ctx, ref: str) -> Record:
    """One of the viewer's notifications (401 for someone else's)."""
    found = find(ctx.store.data.notifications, ref)
    if found["idMember"] != ctx.viewer:
        raise unauthorized()
    return found


def render(ctx: Ctx, items: list[Record]) -> list[Record]:
    """Notifications projected, with ``memberCreator`` unless ``memberCreator=false``."""
    fields = fields_of(ctx, "fields", "notification")
    creator = flag(ctx, "memberCreator", default=True)
    creator_fields = fields_of(ctx, "memberCreator_fields", "member", MEMBER_MINI)
    out = []
    for item in items:
        rendered = project(public(item, "idMember"), fields)
        if creator:
            who = [item["idMemberCreator"]]
            rendered["memberCreator"] = render_members(ctx, who, creator_fields)[0]
        out.append(rendered)
    return out


def _bound(ctx: Ctx, name: str) -> str | None:
    value = ctx.arg(name)
    if value is not None and not is_object_id(value):
        raise invalid_value(name)
    return None if value is None else value.lower()


def get_member_notifications(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/notifications`` with filters and limit/page/before/since paging."""
    member = own_member(ctx)
    types = ctx.arg("filter") or "all"
    wanted = None if types == "all" else {t.strip() for t in types.split(",") if t.strip()}
    read = choice(ctx, "read_filter", ("all", "read", "unread"), "all")
    limit = number(ctx, "limit", 50, 1, 1000)
    page = number(ctx, "page", 0, 0, 100)
    before, since = _bound(ctx, "before"), _bound(ctx, "since")
    found = [
        n
        for n in newest_first(owned(ctx.store.data.notifications, member["id"]))
        if (wanted is None or n["type"] in wanted)
        and (read == "all" or n["unread"] == (read == "unread"))
        and (before is None or n["id"] < before)
        and (since is None or n["id"] > since)
    ]
    return render(ctx, found[page * limit : (page + 1) * limit])


def get_notification(ctx: Ctx) -> dict[str, Any]:
    """``GET /notifications/{id}``."""
    return render(ctx, [notification(ctx, ctx.params["notification"])])[0]


def _about(ctx: Ctx, key: str) -> Record:
    item = notification(ctx, ctx.params["notification"])
    ref = item["data"].get(key)
    if ref is None:
        raise not_found()
    return ref


def get_board(ctx: Ctx) -> dict[str, Any]:
    """``GET /notifications/{id}/board``."""
    board = ctx.board(_about(ctx, "board")["id"])
    return project(board_view(ctx.store, board, ctx.viewer), fields_of(ctx, "fields", "board"))


def get_card(ctx: Ctx) -> dict[str, Any]:
    """``GET /notifications/{id}/card``."""
    card = ctx.card(_about(ctx, "card")["id"])
    return card_view(ctx.store, card, ctx.viewer, fields_of(ctx, "fields", "card"))


def get_list(ctx: Ctx) -> dict[str, Any]:
    """``GET /notifications/{id}/list``."""
    lst = ctx.list_(_about(ctx, "list")["id"])
    return project(list_view(ctx.store, lst), fields_of(ctx, "fields", "list"))


def get_organization(ctx: Ctx) -> dict[str, Any]:
    """``GET /notifications/{id}/organization``."""
    org = ctx.organization(_about(ctx, "organization")["id"])
    return project(org_view(ctx.store, org, ctx.viewer), fields_of(ctx, "fields", "organization"))


def _member(ctx: Ctx, member_id: str) -> dict[str, Any]:
    member = ctx.store.data.members[member_id]
    return project(member_view(ctx.store, member, ctx.viewer), fields_of(ctx, "fields", "member"))


def get_member(ctx: Ctx) -> dict[str, Any]:
    """``GET /notifications/{id}/member``: the member it is about (404 when none)."""
    data = notification(ctx, ctx.params["notification"])["data"]
    target = data.get("idMember") or data.get("idMemberAdded")
    if target is None:
        raise not_found()
    return _member(ctx, target)


def get_member_creator(ctx: Ctx) -> dict[str, Any]:
    """``GET /notifications/{id}/memberCreator``."""
    return _member(ctx, notification(ctx, ctx.params["notification"])["idMemberCreator"])


def get_channel_settings(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/notificationsChannelSettings``."""
    member = own_member(ctx)
    return [dict(s) for s in owned(ctx.store.data.channel_settings, member["id"])]


def get_channel_setting(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}/notificationsChannelSettings/{channel}``."""
    member = own_member(ctx)
    channel = ctx.params["channel"]
    if channel not in CHANNELS:
        raise invalid_value("channel")
    settings = owned(ctx.store.data.channel_settings, member["id"])
    return dict(next(s for s in settings if s["channel"] == channel))


def _read(ctx: Ctx, item: Record, unread: bool) -> None:
    item["unread"] = unread
    item["dateRead"] = None if unread else (item["dateRead"] or now(ctx.store))


def _mark(ctx: Ctx, param: str) -> dict[str, Any]:
    """Mark the notification unread or read as the boolean ``param`` says."""
    item = notification(ctx, ctx.params["notification"])
    unread = boolean(ctx, param)
    if unread is None:
        raise invalid_value(param)
    _read(ctx, item, unread)
    return render(ctx, [item])[0]


def update_notification(ctx: Ctx) -> dict[str, Any]:
    """``PUT /notifications/{id}`` with ``unread``."""
    return _mark(ctx, "unread")


def set_unread(ctx: Ctx) -> dict[str, Any]:
    """``PUT /notifications/{id}/unread`` with ``value``."""
    return _mark(ctx, "value")


def mark_all_read(ctx: Ctx) -> list[Any]:
    """``POST /notifications/all/read`` with ``read`` (default true) and ``ids``."""
    read = boolean(ctx, "read")
    ids = id_list(ctx, "ids")
    mine = owned(ctx.store.data.notifications, ctx.viewer)
    if ids is not None:
        known = {n["id"] for n in mine}
        if not set(ids) <= known:
            raise invalid_value("ids")
        mine = [n for n in mine if n["id"] in ids]
    for item in mine:
        _read(ctx, item, unread=read is False)
    return []


def mark_card_read(ctx: Ctx) -> list[Any]:
    """``POST /cards/{id}/markAssociatedNotificationsRead``."""
    card = ctx.card(ctx.params["card"])
    for item in owned(ctx.store.data.notifications, ctx.viewer):
        if item["data"].get("card", {}).get("id") == card["id"]:
            _read(ctx, item, unread=False)
    return []


def register(router: Router) -> None:
    """Add the notification routes."""
    router.add("/notifications/all/read", mark_all_read, method="POST")
    router.add("/notifications/{notification}", update_notification, method="PUT")
    router.add("/notifications/{notification}/unread", set_unread, method="PUT")
    router.add("/cards/{card}/markAssociatedNotificationsRead", mark_card_read, method="POST")
    router.add("/members/{member}/notifications", get_member_notifications)
    router.add("/members/{member}/notificationsChannelSettings", get_channel_settings)
    router.add("/members/{member}/notificationsChannelSettings/{channel}", get_channel_setting)
    router.add("/notifications/{notification}", get_notification)
    router.add("/notifications/{notification}/board", get_board)
    router.add("/notifications/{notification}/card", get_card)
    router.add("/notifications/{notification}/list", get_list)
    router.add("/notifications/{notification}/organization", get_organization)
    router.add("/notifications/{notification}/member", get_member)
    router.add("/notifications/{notification}/memberCreator", get_member_creator)
