"""``/cards/{id}`` and its nested collections."""

from __future__ import annotations

from typing import Any

from .actions import CARD_ACTIONS_DEFAULT, NESTED, ROUTE, list_actions
from .cardview import card_view
from .context import Ctx
from .fields import BOARD_ON_CARD, CARD_DEFAULT, CHECK_ITEM_DEFAULT, MEMBER_MINI, project
from .nested import fields_of, render_attachments, render_cards, render_checklists, render_members
from .params import ALL_NONE, choice, flag
from .routing import Router
from .seed import Record
from .views import board_view, list_view


def get_card(ctx: Ctx) -> dict[str, Any]:
    """``GET /cards/{id}`` with Trello's nested-resource parameters."""
    card = ctx.card(ctx.params["card"])
    store = ctx.store
    out = render_cards(ctx, [card], default=CARD_DEFAULT)[0]
    if ctx.arg("actions") not in (None, "none"):
        out["actions"] = list_actions(ctx, store.actions_of_card(card["id"]), NESTED)
    if flag(ctx, "board"):
        fields = fields_of(ctx, "board_fields", "board", BOARD_ON_CARD)
        board = store.data.boards[card["idBoard"]]
        out["board"] = project(board_view(store, board, ctx.viewer), fields)
    if flag(ctx, "list"):
        fields = fields_of(ctx, "list_fields", "list")
        out["list"] = project(list_view(store, store.data.lists[card["idList"]]), fields)
    if flag(ctx, "membersVoted"):
        fields = fields_of(ctx, "memberVoted_fields", "member", MEMBER_MINI)
        out["membersVoted"] = render_members(ctx, card["idMembersVoted"], fields)
    if flag(ctx, "checkItemStates"):
        fields = fields_of(ctx, "checkItemState_fields", "checkItemState")
        states = card_view(store, card, ctx.viewer, ("checkItemStates",))["checkItemStates"]
        out["checkItemStates"] = [project(s, fields) for s in states]
    return out


def get_members(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/members``."""
    card = ctx.card(ctx.params["card"])
    return render_members(ctx, card["idMembers"], fields_of(ctx, "fields", "member", MEMBER_MINI))


def get_members_voted(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/membersVoted``."""
    card = ctx.card(ctx.params["card"])
    fields = fields_of(ctx, "fields", "member", MEMBER_MINI)
    return render_members(ctx, card["idMembersVoted"], fields)


def get_checklists(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/checklists`` with ``checkItems`` and ``checkItem_fields``."""
    card = ctx.card(ctx.params["card"])
    if choice(ctx, "filter", ALL_NONE, "all") == "none":
        return []
    items = choice(ctx, "checkItems", ALL_NONE, "all") == "all"
    item_fields = fields_of(ctx, "checkItem_fields", "checkItem", CHECK_ITEM_DEFAULT)
    found = ctx.store.checklists_of_card(card["id"])
    return render_checklists(ctx, found, fields_of(ctx, "fields", "checklist"), items, item_fields)


def get_attachments(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/attachments``; ``filter=cover`` keeps the cover only."""
    card = ctx.card(ctx.params["card"])
    mode = choice(ctx, "filter", ("false", "true", "cover"), "false")
    return render_attachments(ctx, card, mode, fields_of(ctx, "fields", "attachment"))


def get_actions(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/actions``; the default filter is ``commentCard,updateCard:idList``."""
    card = ctx.card(ctx.params["card"])
    actions = ctx.store.actions_of_card(card["id"])
    return list_actions(ctx, actions, ROUTE, default_filter=CARD_ACTIONS_DEFAULT, max_page=19)


def get_board(ctx: Ctx) -> dict[str, Any]:
    """``GET /cards/{id}/board``."""
    card = ctx.card(ctx.params["card"])
    board = ctx.store.data.boards[card["idBoard"]]
    return project(board_view(ctx.store, board, ctx.viewer), fields_of(ctx, "fields", "board"))


def get_list(ctx: Ctx) -> dict[str, Any]:
    """``GET /cards/{id}/list``."""
    card = ctx.card(ctx.params["card"])
    lst = ctx.store.data.lists[card["idList"]]
    return project(list_view(ctx.store, lst), fields_of(ctx, "fields", "list"))


def get_stickers(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/stickers``."""
    card = ctx.card(ctx.params["card"])
    fields = fields_of(ctx, "fields", "sticker")
    return [project(s, fields) for s in card["stickers"]]


def get_check_item_states(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/checkItemStates``."""
    card = ctx.card(ctx.params["card"])
    fields = fields_of(ctx, "fields", "checkItemState")
    states = card_view(ctx.store, card, ctx.viewer, ("checkItemStates",))["checkItemStates"]
    return [project(s, fields) for s in states]


def register(router: Router) -> None:
    """Add the card routes."""
    router.add("/cards/{card}", get_card)
    router.add("/cards/{card}/members", get_members)
    router.add("/cards/{card}/membersVoted", get_members_voted)
    router.add("/cards/{card}/checklists", get_checklists)
    router.add("/cards/{card}/attachments", get_attachments)
    router.add("/cards/{card}/actions", get_actions)
    router.add("/cards/{card}/board", get_board)
    router.add("/cards/{card}/list", get_list)
    router.add("/cards/{card}/stickers", get_stickers)
    router.add("/cards/{card}/checkItemStates", get_check_item_states)
