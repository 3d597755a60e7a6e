"""``/boards/{id}`` and its nested collections."""

from __future__ import annotations

from typing import Any

from .actions import NESTED, ROUTE, list_actions
from .context import Ctx
from .fields import ACTION_MEMBER, BOARD_DEFAULT, MEMBER_MINI, MEMBER_NAMES, ORG_MINI, project
from .nested import (
    MEMBERSHIP_FILTERS,
    fields_of,
    render_cards,
    render_checklists,
    render_labels,
    render_lists,
    render_members,
    render_memberships,
)
from .params import (
    ALL_NONE,
    CARD_FILTERS,
    LIST_FILTERS,
    MEMBER_FILTERS,
    choice,
    filter_cards,
    filter_lists,
    filter_memberships,
    flag,
    number,
    path_choice,
)
from .routing import Router
from .seed import Record
from .views import board_view, org_view

MY_PREFS = {
    "showSidebar": True, "showSidebarMembers": True, "showSidebarBoardActions": True,
    "showSidebarActivity": True, "showListGuide": False, "emailPosition": "bottom",
    "idEmailList": None,
}  # fmt: skip


def _board_members(ctx: Ctx, board: Record, value: str, fields: tuple[str, ...]) -> list[Record]:
    chosen = filter_memberships(board["memberships"], value)
    return render_members(ctx, [m["idMember"] for m in chosen], fields)


def get_board(ctx: Ctx) -> dict[str, Any]:
    """``GET /boards/{id}`` with Trello's nested-resource parameters."""
    board = ctx.board(ctx.params["board"])
    store, bid = ctx.store, board["id"]
    out = project(
        board_view(store, board, ctx.viewer), fields_of(ctx, "fields", "board", BOARD_DEFAULT)
    )
    lists = choice(ctx, "lists", LIST_FILTERS, "none")
    if lists != "none":
        fields = fields_of(ctx, "list_fields", "list")
        out["lists"] = render_lists(ctx, filter_lists(store.lists_of(bid), lists), fields)
    cards = choice(ctx, "cards", CARD_FILTERS, "none")
    if cards != "none":
        found = filter_cards(store, store.cards_of_board(bid), cards)
        out["cards"] = render_cards(ctx, found, prefix="card_", fields_param="card_fields")
    members = choice(ctx, "members", MEMBER_FILTERS, "none")
    if members != "none":
        fields = fields_of(ctx, "member_fields", "member", MEMBER_MINI)
        out["members"] = _board_members(ctx, board, members, fields)
    memberships = choice(ctx, "memberships", MEMBERSHIP_FILTERS, "none")
    if memberships != "none":
        out["memberships"] = render_memberships(ctx, board["memberships"], memberships)
    if choice(ctx, "labels", ALL_NONE, "none") == "all":
        limit = number(ctx, "labels_limit", 50, 0, 1000)
        fields = fields_of(ctx, "label_fields", "label")
        out["labels"] = render_labels(ctx, store.labels_of(bid)[:limit], fields)
    if choice(ctx, "checklists", ALL_NONE, "none") == "all":
        fields = fields_of(ctx, "checklist_fields", "checklist")
        out["checklists"] = render_checklists(ctx, store.checklists_of_board(bid), fields)
    if flag(ctx, "organization"):
        org = store.data.organizations.get(board["idOrganization"] or "")
        fields = fields_of(ctx, "organization_fields", "organization", ORG_MINI)
        out["organization"] = project(org_view(store, org, ctx.viewer), fields) if org else None
    if ctx.arg("actions") not in (None, "none"):
        out["actions"] = list_actions(ctx, store.actions_of_board(bid), NESTED)
    if choice(ctx, "boardStars", ("mine", "none"), "none") == "mine":
        stars = store.data.members[ctx.viewer]["boardStars"]
        out["boardStars"] = [dict(s) for s in stars if s["idBoard"] == bid]
    if flag(ctx, "myPrefs"):
        out["myPrefs"] = {**MY_PREFS, **board.get("myPrefs", {}).get(ctx.viewer, {})}
    return out


def get_lists(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/lists[/{filter}]`` with ``cards``/``card_fields``."""
    board = ctx.board(ctx.params["board"])
    value = path_choice(ctx, "filter", LIST_FILTERS, "open")
    lists = filter_lists(ctx.store.lists_of(board["id"]), value)
    cards = choice(ctx, "cards", CARD_FILTERS, "none")
    card_fields = fields_of(ctx, "card_fields", "card")
    return render_lists(ctx, lists, fields_of(ctx, "fields", "list"), cards, card_fields)


def get_cards(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/cards[/{filter}]``; the default filter is ``visible``."""
    board = ctx.board(ctx.params["board"])
    value = path_choice(ctx, "filter", CARD_FILTERS, "visible")
    found = filter_cards(ctx.store, ctx.store.cards_of_board(board["id"]), value)
    return render_cards(ctx, found)


def get_members(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/members``."""
    board = ctx.board(ctx.params["board"])
    value = choice(ctx, "filter", MEMBER_FILTERS, "all")
    return _board_members(ctx, board, value, fields_of(ctx, "fields", "member", MEMBER_NAMES))


def get_memberships(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/memberships``."""
    board = ctx.board(ctx.params["board"])
    value = choice(ctx, "filter", MEMBERSHIP_FILTERS, "all")
    return render_memberships(ctx, board["memberships"], value)


def get_labels(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/labels``."""
    board = ctx.board(ctx.params["board"])
    limit = number(ctx, "limit", 50, 0, 1000)
    return render_labels(
        ctx, ctx.store.labels_of(board["id"])[:limit], fields_of(ctx, "fields", "label")
    )


def get_checklists(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/checklists``."""
    board = ctx.board(ctx.params["board"])
    fields = fields_of(ctx, "fields", "checklist")
    return render_checklists(ctx, ctx.store.checklists_of_board(board["id"]), fields)


def get_actions(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/actions`` with ``filter``, ``limit``, ``page``, ``since``, ``before``."""
    board = ctx.board(ctx.params["board"])
    actions = ctx.store.actions_of_board(board["id"])
    return list_actions(ctx, actions, ROUTE, creator_default=ACTION_MEMBER)


def get_board_stars(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/boardStars`` (the viewer's star, if any)."""
    board = ctx.board(ctx.params["board"])
    stars = ctx.store.data.members[ctx.viewer]["boardStars"]
    return [dict(s) for s in stars if s["idBoard"] == board["id"]]


def register(router: Router) -> None:
    """Add the board routes."""
    router.add("/boards/{board}", get_board)
    router.add("/boards/{board}/lists", get_lists)
    router.add("/boards/{board}/lists/{filter}", get_lists)
    router.add("/boards/{board}/cards", get_cards)
    router.add("/boards/{board}/cards/{filter}", get_cards)
    router.add("/boards/{board}/members", get_members)
    router.add("/boards/{board}/memberships", get_memberships)
    router.add("/boards/{board}/labels", get_labels)
    router.add("/boards/{board}/checklists", get_checklists)
    router.add("/boards/{board}/actions", get_actions)
    router.add("/boards/{board}/boardStars", get_board_stars)
