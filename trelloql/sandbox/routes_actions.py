"""``/actions/{id}`` and the models it points at."""

from __future__ import annotations

from typing import Any

from .actions import ROUTE, render_actions
from .cardview import card_view
from .context import Ctx
from .errors import not_found
from .fields import project
from .nested import fields_of
from .routing import Router
from .views import board_view, list_view, member_view


def get_action(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}`` with ``memberCreator``/``member`` and their ``*_fields``."""
    action = ctx.action(ctx.params["action"])
    return render_actions(ctx, [action], ROUTE)[0]


def get_member_creator(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}/memberCreator``."""
    action = ctx.action(ctx.params["action"])
    member = ctx.store.data.members[action["idMemberCreator"]]
    return project(member_view(ctx.store, member, ctx.viewer), fields_of(ctx, "fields", "member"))


def get_member(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}/member`` (404 when the action concerns no member)."""
    action = ctx.action(ctx.params["action"])
    if "idMember" not in action:
        raise not_found()
    member = ctx.store.data.members[action["idMember"]]
    return project(member_view(ctx.store, member, ctx.viewer), fields_of(ctx, "fields", "member"))


def _model(ctx: Ctx, key: str) -> dict[str, Any]:
    action = ctx.action(ctx.params["action"])
    ref = action["data"].get(key)
    store = ctx.store
    table = {"board": store.data.boards, "card": store.data.cards, "list": store.data.lists}[key]
    if ref is None or ref["id"] not in table:
        raise not_found()
    record = table[ref["id"]]
    if key == "board":
        view = board_view(store, record, ctx.viewer)
    elif key == "card":
        view = card_view(store, record, ctx.viewer)
    else:
        view = list_view(store, record)
    return project(view, fields_of(ctx, "fields", key))


def get_board(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}/board``."""
    return _model(ctx, "board")


def get_card(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}/card``."""
    return _model(ctx, "card")


def get_list(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}/list``."""
    return _model(ctx, "list")


def register(router: Router) -> None:
    """Add the action routes."""
    router.add("/actions/{action}", get_action)
    router.add("/actions/{action}/memberCreator", get_member_creator)
    router.add("/actions/{action}/member", get_member)
    router.add("/actions/{action}/board", get_board)
    router.add("/actions/{action}/card", get_card)
    router.add("/actions/{action}/list", get_list)
