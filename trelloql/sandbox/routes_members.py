"""``/members/{id|username|me}`` and its nested collections."""

from __future__ import annotations

from typing import Any

from .access import can_read_org
from .context import Ctx
from .fields import ORG_MINI, project
from .nested import fields_of, render_boards, render_cards
from .params import (
    BOARD_FILTERS,
    CARD_FILTERS,
    LIST_FILTERS,
    ORG_FILTERS,
    choice,
    choices,
    filter_boards,
    filter_cards,
    flag,
)
from .routing import Router
from .seed import Record
from .views import member_view, org_view

MEMBER_CARD_FILTERS = (*CARD_FILTERS, "complete", "incomplete")


def _boards(ctx: Ctx, member: Record, wanted: set[str]) -> list[Record]:
    if "none" in wanted:
        return []
    return filter_boards(ctx.store, ctx.store.boards_of_member(member["id"]), wanted, member["id"])


def _orgs(ctx: Ctx, member: Record, value: str, fields: tuple[str, ...]) -> list[Record]:
    if value == "none":
        return []
    orgs = [
        org
        for org in ctx.store.orgs_of_member(member["id"])
        if can_read_org(org, ctx.viewer)
        and (value != "public" or org["permissionLevel"] == "public")
    ]
    return [project(org_view(ctx.store, org, ctx.viewer), fields) for org in orgs]


def _cards(ctx: Ctx, member: Record, value: str) -> list[Record]:
    boards = ctx.store.data.boards
    cards = [
        c for c in ctx.store.cards_of_member(member["id"]) if ctx.readable(boards[c["idBoard"]])
    ]
    if value in ("complete", "incomplete"):
        return [c for c in cards if c["dueComplete"] == (value == "complete")]
    return filter_cards(ctx.store, cards, value)


def get_member(ctx: Ctx) -> dict[str, Any]:
    """``GET /members/{id}`` with ``boards``, ``organizations`` and ``cards`` nested."""
    member = ctx.member(ctx.params["member"])
    out = project(member_view(ctx.store, member, ctx.viewer), fields_of(ctx, "fields", "member"))
    if "boards" in ctx.query:
        boards = _boards(ctx, member, choices(ctx, "boards", BOARD_FILTERS, "all"))
        fields = fields_of(ctx, "board_fields", "board")
        lists = choice(ctx, "board_lists", LIST_FILTERS, "none")
        out["boards"] = render_boards(ctx, boards, fields, lists)
    orgs = choice(ctx, "organizations", ORG_FILTERS, "none")
    if orgs != "none":
        fields = fields_of(ctx, "organization_fields", "organization")
        out["organizations"] = _orgs(ctx, member, orgs, fields)
    cards = choice(ctx, "cards", MEMBER_CARD_FILTERS, "none")
    if cards != "none":
        found = _cards(ctx, member, cards)
        out["cards"] = render_cards(ctx, found, prefix="card_", fields_param="card_fields")
    if flag(ctx, "boardStars"):
        out["boardStars"] = (
            [dict(s) for s in member["boardStars"]] if member["id"] == ctx.viewer else []
        )
    return out


def get_boards(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/boards`` with ``filter``, ``fields``, ``lists``, ``organization``."""
    member = ctx.member(ctx.params["member"])
    boards = _boards(ctx, member, choices(ctx, "filter", BOARD_FILTERS, "all"))
    lists = choice(ctx, "lists", LIST_FILTERS, "none")
    out = render_boards(ctx, boards, fields_of(ctx, "fields", "board"), lists)
    if flag(ctx, "organization"):
        fields = fields_of(ctx, "organization_fields", "organization", ORG_MINI)
        orgs = ctx.store.data.organizations
        for item in out:
            org = orgs.get(ctx.store.data.boards[item["id"]]["idOrganization"] or "")
            item["organization"] = (
                project(org_view(ctx.store, org, ctx.viewer), fields) if org else None
            )
    return out


def get_organizations(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/organizations``."""
    member = ctx.member(ctx.params["member"])
    value = choice(ctx, "filter", ORG_FILTERS, "all")
    return _orgs(ctx, member, value, fields_of(ctx, "fields", "organization"))


def get_cards(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/cards``; the default filter is ``visible``."""
    member = ctx.member(ctx.params["member"])
    value = choice(ctx, "filter", MEMBER_CARD_FILTERS, "visible")
    return render_cards(ctx, _cards(ctx, member, value))


def get_board_stars(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/boardStars`` (only your own stars are visible)."""
    member = ctx.member(ctx.params["member"])
    return [dict(s) for s in member["boardStars"]] if member["id"] == ctx.viewer else []


def register(router: Router) -> None:
    """Add the member routes; only ``/members/{id}`` itself has the member-route limit."""
    router.add("/members/{member}", get_member, member_limited=True)
    router.add("/members/{member}/boards", get_boards)
    router.add("/members/{member}/organizations", get_organizations)
    router.add("/members/{member}/cards", get_cards)
    router.add("/members/{member}/boardStars", get_board_stars)
