"""A member's stars, invitations, saved searches, backgrounds, emoji and stickers.

Everything here but board stars is private: only the member may read it (401 otherwise).
"""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .fields import project
from .nested import fields_of
from .params import choice
from .records import find, own_member, owned, public
from .routing import Router
from .seed import Record
from .views import board_view, org_view

BACKGROUND_FILTERS = ("all", "custom", "default", "none", "premium")


def _background(record: Record) -> Record:
    return public(record, "idMember", "color")


def get_board_star(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}/boardStars/{idStar}``."""
    member = own_member(ctx)
    stars = {s["id"]: s for s in member["boardStars"]}
    return dict(find(stars, ctx.params["star"]))


def _invited(ctx: Ctx, kind: str) -> list[str]:
    member = own_member(ctx)
    invitations = ctx.store.data.invitations.values()
    return [
        i["idModel"]
        for i in invitations
        if i["idMember"] == member["id"] and i["modelType"] == kind
    ]


def get_boards_invited(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/boardsInvited`` (an invitation lets the member see the board)."""
    fields = fields_of(ctx, "fields", "board")
    boards = [ctx.store.data.boards[bid] for bid in _invited(ctx, "board")]
    return [project(board_view(ctx.store, b, ctx.viewer), fields) for b in boards]


def get_orgs_invited(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/organizationsInvited``."""
    fields = fields_of(ctx, "fields", "organization")
    orgs = [ctx.store.data.organizations[oid] for oid in _invited(ctx, "organization")]
    return [project(org_view(ctx.store, o, ctx.viewer), fields) for o in orgs]


def get_saved_searches(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/savedSearches``."""
    member = own_member(ctx)
    found = owned(ctx.store.data.saved_searches, member["id"])
    return [public(s, "idMember") for s in sorted(found, key=lambda s: s["pos"])]


def get_saved_search(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}/savedSearches/{idSearch}``."""
    member = own_member(ctx)
    mine = {s["id"]: s for s in owned(ctx.store.data.saved_searches, member["id"])}
    return public(find(mine, ctx.params["search"]), "idMember")


def _backgrounds(ctx: Ctx, custom_only: bool) -> dict[str, Record]:
    member = own_member(ctx)
    return {
        b["id"]: b
        for b in ctx.store.data.backgrounds.values()
        if b["idMember"] == member["id"] or (not custom_only and b["idMember"] is None)
    }


def get_backgrounds(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/boardBackgrounds`` with ``filter``."""
    value = choice(ctx, "filter", BACKGROUND_FILTERS, "all")
    found = _backgrounds(ctx, custom_only=False).values()
    return [_background(b) for b in found if value == "all" or b["type"] == value]


def get_background(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}/boardBackgrounds/{idBackground}``."""
    return _background(find(_backgrounds(ctx, custom_only=False), ctx.params["background"]))


def get_custom_backgrounds(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/customBoardBackgrounds``."""
    return [_background(b) for b in _backgrounds(ctx, custom_only=True).values()]


def get_custom_background(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}/customBoardBackgrounds/{idBackground}``."""
    return _background(find(_backgrounds(ctx, custom_only=True), ctx.params["background"]))


def _mine(ctx: Ctx, table: dict[str, Record]) -> dict[str, Record]:
    member = own_member(ctx)
    return {r["id"]: r for r in owned(table, member["id"])}


def get_custom_emoji(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/customEmoji``."""
    return [public(e, "idMember") for e in _mine(ctx, ctx.store.data.custom_emoji).values()]


def get_one_custom_emoji(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}/customEmoji/{idEmoji}``."""
    return public(find(_mine(ctx, ctx.store.data.custom_emoji), ctx.params["emoji"]), "idMember")


def get_custom_stickers(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/customStickers``."""
    return [public(s, "idMember") for s in _mine(ctx, ctx.store.data.custom_stickers).values()]


def get_custom_sticker(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}/customStickers/{idSticker}``."""
    mine = _mine(ctx, ctx.store.data.custom_stickers)
    return public(find(mine, ctx.params["sticker"]), "idMember")


def register(router: Router) -> None:
    """Add the member extras' routes."""
    router.add("/members/{member}/boardStars/{star}", get_board_star)
    router.add("/members/{member}/boardsInvited", get_boards_invited)
    router.add("/members/{member}/organizationsInvited", get_orgs_invited)
    router.add("/members/{member}/savedSearches", get_saved_searches)
    router.add("/members/{member}/savedSearches/{search}", get_saved_search)
    router.add("/members/{member}/boardBackgrounds", get_backgrounds)
    router.add("/members/{member}/boardBackgrounds/{background}", get_background)
    router.add("/members/{member}/customBoardBackgrounds", get_custom_backgrounds)
    router.add("/members/{member}/customBoardBackgrounds/{background}", get_custom_background)
    router.add("/members/{member}/customEmoji", get_custom_emoji)
    router.add("/members/{member}/customEmoji/{emoji}", get_one_custom_emoji)
    router.add("/members/{member}/customStickers", get_custom_stickers)
    router.add("/members/{member}/customStickers/{sticker}", get_custom_sticker)
