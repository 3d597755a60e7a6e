"""``/checklists/{id}`` and its nested collections."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .fields import CHECK_ITEM_DEFAULT, project
from .nested import fields_of, render_cards, render_checklists
from .params import ALL_NONE, CARD_FILTERS, choice, filter_cards
from .routing import Router
from .seed import Record
from .views import board_view


def get_checklist(ctx: Ctx) -> dict[str, Any]:
    """``GET /checklists/{id}`` with ``checkItems``/``checkItem_fields`` and ``cards``."""
    checklist = ctx.checklist(ctx.params["checklist"])
    items = choice(ctx, "checkItems", ALL_NONE, "all") == "all"
    item_fields = fields_of(ctx, "checkItem_fields", "checkItem", CHECK_ITEM_DEFAULT)
    fields = fields_of(ctx, "fields", "checklist")
    out = render_checklists(ctx, [checklist], fields, items, item_fields)[0]
    cards = choice(ctx, "cards", CARD_FILTERS, "none")
    if cards != "none":
        found = filter_cards(ctx.store, [ctx.store.data.cards[checklist["idCard"]]], cards)
        out["cards"] = render_cards(ctx, found, prefix="card_", fields_param="card_fields")
    return out


def get_check_items(ctx: Ctx) -> list[Record]:
    """``GET /checklists/{id}/checkItems``."""
    checklist = ctx.checklist(ctx.params["checklist"])
    if choice(ctx, "filter", ALL_NONE, "all") == "none":
        return []
    fields = fields_of(ctx, "fields", "checkItem", CHECK_ITEM_DEFAULT)
    return [project(item, fields) for item in checklist["checkItems"]]


def get_board(ctx: Ctx) -> dict[str, Any]:
    """``GET /checklists/{id}/board``."""
    checklist = ctx.checklist(ctx.params["checklist"])
    board = ctx.store.data.boards[checklist["idBoard"]]
    return project(board_view(ctx.store, board, ctx.viewer), fields_of(ctx, "fields", "board"))


def get_cards(ctx: Ctx) -> list[Record]:
    """``GET /checklists/{id}/cards`` (the card the checklist is on)."""
    checklist = ctx.checklist(ctx.params["checklist"])
    return render_cards(ctx, [ctx.store.data.cards[checklist["idCard"]]])


def register(router: Router) -> None:
    """Add the checklist routes."""
    router.add("/checklists/{checklist}", get_checklist)
    router.add("/checklists/{checklist}/checkItems", get_check_items)
    router.add("/checklists/{checklist}/board", get_board)
    router.add("/checklists/{checklist}/cards", get_cards)
