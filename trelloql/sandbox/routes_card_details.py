"""One attachment, check item or sticker of a card, and one check item of a checklist."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .fields import CHECK_ITEM_DEFAULT, project
from .nested import fields_of
from .records import find
from .routing import Router


def get_attachment(ctx: Ctx) -> dict[str, Any]:
    """``GET /cards/{id}/attachments/{idAttachment}``."""
    card = ctx.card(ctx.params["card"])
    found = {a["id"]: a for a in ctx.store.attachments_of(card["id"])}
    return project(find(found, ctx.params["attachment"]), fields_of(ctx, "fields", "attachment"))


def get_card_check_item(ctx: Ctx) -> dict[str, Any]:
    """``GET /cards/{id}/checkItem/{idCheckItem}``."""
    card = ctx.card(ctx.params["card"])
    items = {i["id"]: i for c in ctx.store.checklists_of_card(card["id"]) for i in c["checkItems"]}
    fields = fields_of(ctx, "fields", "checkItem", CHECK_ITEM_DEFAULT)
    return project(find(items, ctx.params["item"]), fields)


def get_sticker(ctx: Ctx) -> dict[str, Any]:
    """``GET /cards/{id}/stickers/{idSticker}``."""
    card = ctx.card(ctx.params["card"])
    stickers = {s["id"]: s for s in card["stickers"]}
    return project(find(stickers, ctx.params["sticker"]), fields_of(ctx, "fields", "sticker"))


def get_checklist_item(ctx: Ctx) -> dict[str, Any]:
    """``GET /checklists/{id}/checkItems/{idCheckItem}``."""
    checklist = ctx.checklist(ctx.params["checklist"])
    items = {i["id"]: i for i in checklist["checkItems"]}
    fields = fields_of(ctx, "fields", "checkItem", CHECK_ITEM_DEFAULT)
    return project(find(items, ctx.params["item"]), fields)


def register(router: Router) -> None:
    """Add the card-detail routes."""
    router.add("/cards/{card}/attachments/{attachment}", get_attachment)
    router.add("/cards/{card}/checkItem/{item}", get_card_check_item)
    router.add("/cards/{card}/stickers/{sticker}", get_sticker)
    router.add("/checklists/{checklist}/checkItems/{item}", get_checklist_item)
