"""``/lists/{id}`` and its nested collections."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .fields import BOARD_ON_CARD, LIST_DEFAULT, project
from .nested import fields_of, render_cards
from .params import CARD_FILTERS, choice, filter_cards, flag
from .routing import Router
from .seed import Record
from .views import board_view, list_view

LIST_CARD_FILTERS = tuple(f for f in CARD_FILTERS if f != "visible")


def get_list(ctx: Ctx) -> dict[str, Any]:
    """``GET /lists/{id}`` with ``board``/``board_fields`` and ``cards``/``card_fields``."""
    lst = ctx.list_(ctx.params["list"])
    store = ctx.store
    out = project(list_view(store, lst), fields_of(ctx, "fields", "list", LIST_DEFAULT))
    if flag(ctx, "board"):
        fields = fields_of(ctx, "board_fields", "board", BOARD_ON_CARD)
        board = store.data.boards[lst["idBoard"]]
        out["board"] = project(board_view(store, board, ctx.viewer), fields)
    cards = choice(ctx, "cards", LIST_CARD_FILTERS, "none")
    if cards != "none":
        found = filter_cards(store, store.cards_of_list(lst["id"]), cards)
        out["cards"] = render_cards(ctx, found, prefix="card_", fields_param="card_fields")
    return out


def get_cards(ctx: Ctx) -> list[Record]:
    """``GET /lists/{id}/cards``; the default filter is ``open``."""
    lst = ctx.list_(ctx.params["list"])
    value = choice(ctx, "filter", LIST_CARD_FILTERS, "open")
    return render_cards(ctx, filter_cards(ctx.store, ctx.store.cards_of_list(lst["id"]), value))


def get_board(ctx: Ctx) -> dict[str, Any]:
    """``GET /lists/{id}/board``."""
    lst = ctx.list_(ctx.params["list"])
    board = ctx.store.data.boards[lst["idBoard"]]
    return project(board_view(ctx.store, board, ctx.viewer), fields_of(ctx, "fields", "board"))


def register(router: Router) -> None:
    """Add the list routes."""
    router.add("/lists/{list}", get_list)
    router.add("/lists/{list}/cards", get_cards)
    router.add("/lists/{list}/board", get_board)
