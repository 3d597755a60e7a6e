"""Custom fields: a board's definitions, their options, and a card's values."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .records import find
from .routing import Router
from .seed import Record


def custom_field(ctx: Ctx, ref: str) -> Record:
    """A custom field on a board the viewer can read."""
    field = find(ctx.store.data.custom_fields, ref)
    ctx.board(field["idModel"])
    return field


def fields_of_board(ctx: Ctx, board_id: str) -> list[Record]:
    """A board's custom fields by position."""
    found = [f for f in ctx.store.data.custom_fields.values() if f["idModel"] == board_id]
    return sorted(found, key=lambda f: f["pos"])


def items_of_card(ctx: Ctx, card_id: str) -> list[Record]:
    """A card's custom field values."""
    return [i for i in ctx.store.data.custom_field_items.values() if i["idModel"] == card_id]


def render_field(field: Record) -> Record:
    """A custom field as Trello sends it (options copied, not shared)."""
    return {
        **field,
        "display": dict(field["display"]),
        "options": [dict(o) for o in field["options"]],
    }


def get_custom_field(ctx: Ctx) -> dict[str, Any]:
    """``GET /customFields/{id}``."""
    return render_field(custom_field(ctx, ctx.params["field"]))


def get_options(ctx: Ctx) -> list[Record]:
    """``GET /customFields/{id}/options``."""
    return [dict(o) for o in custom_field(ctx, ctx.params["field"])["options"]]


def get_option(ctx: Ctx) -> dict[str, Any]:
    """``GET /customFields/{id}/options/{idCustomFieldOption}``."""
    options = {o["id"]: o for o in custom_field(ctx, ctx.params["field"])["options"]}
    return dict(find(options, ctx.params["option"]))


def get_board_fields(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/customFields``."""
    board = ctx.board(ctx.params["board"])
    return [render_field(f) for f in fields_of_board(ctx, board["id"])]


def get_card_items(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/customFieldItems``."""
    card = ctx.card(ctx.params["card"])
    return [dict(i) for i in items_of_card(ctx, card["id"])]


def register(router: Router) -> None:
    """Add the custom field routes."""
    router.add("/customFields/{field}", get_custom_field)
    router.add("/customFields/{field}/options", get_options)
    router.add("/customFields/{field}/options/{option}", get_option)
    router.add("/boards/{board}/customFields", get_board_fields)
    router.add("/cards/{card}/customFieldItems", get_card_items)
