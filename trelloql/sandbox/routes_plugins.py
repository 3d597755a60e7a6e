"""Power-Ups: ``/plugins/{id}``, a board's plugins and enablements, stored plugin data."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .params import choice
from .records import find
from .routing import Router
from .seed import Record


def enabled_on(ctx: Ctx, board_id: str) -> list[Record]:
    """A board's Power-Up enablements."""
    return [bp for bp in ctx.store.data.board_plugins.values() if bp["idBoard"] == board_id]


def data_of(ctx: Ctx, scope: str, model_id: str) -> list[Record]:
    """Plugin data stored on one model."""
    return [
        dict(d)
        for d in ctx.store.data.plugin_data.values()
        if d["scope"] == scope and d["idModel"] == model_id
    ]


def get_plugin(ctx: Ctx) -> dict[str, Any]:
    """``GET /plugins/{id}``."""
    return dict(find(ctx.store.data.plugins, ctx.params["plugin"]))


def get_board_plugins(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/plugins`` with ``filter`` ``enabled`` (default) or ``available``."""
    board = ctx.board(ctx.params["board"])
    enabled = {bp["idPlugin"] for bp in enabled_on(ctx, board["id"])}
    value = choice(ctx, "filter", ("enabled", "available"), "enabled")
    plugins = ctx.store.data.plugins.values()
    return [dict(p) for p in plugins if (p["id"] in enabled) == (value == "enabled")]


def get_board_enablements(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/boardPlugins``."""
    board = ctx.board(ctx.params["board"])
    return [dict(bp) for bp in enabled_on(ctx, board["id"])]


def get_card_data(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/pluginData``."""
    return data_of(ctx, "card", ctx.card(ctx.params["card"])["id"])


def get_org_data(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/pluginData``."""
    return data_of(ctx, "organization", ctx.organization(ctx.params["org"])["id"])


def register(router: Router) -> None:
    """Add the Power-Up routes."""
    router.add("/plugins/{plugin}", get_plugin)
    router.add("/boards/{board}/plugins", get_board_plugins)
    router.add("/boards/{board}/boardPlugins", get_board_enablements)
    router.add("/cards/{card}/pluginData", get_card_data)
    router.add("/organizations/{org}/pluginData", get_org_data)
