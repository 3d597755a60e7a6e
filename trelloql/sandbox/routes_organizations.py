"""``/organizations/{id|name}`` and its nested collections."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .fields import MEMBER_MINI, MEMBER_NAMES, project
from .nested import fields_of, render_boards, render_members
from .params import MEMBER_FILTERS, choice, choices, filter_boards, filter_memberships
from .routing import Router
from .seed import Record
from .views import org_view

ORG_BOARD_FILTERS = ("all", "closed", "members", "none", "open", "organization", "public")


def _boards(ctx: Ctx, org: Record, name: str, default: str) -> list[Record]:
    wanted = choices(ctx, name, ORG_BOARD_FILTERS, default)
    if "none" in wanted:
        return []
    return filter_boards(ctx.store, ctx.store.boards_of_org(org["id"]), wanted, ctx.viewer)


def _members(ctx: Ctx, org: Record, value: str, fields: tuple[str, ...]) -> list[Record]:
    chosen = filter_memberships(org["memberships"], value)
    return render_members(ctx, [m["idMember"] for m in chosen], fields)


def get_organization(ctx: Ctx) -> dict[str, Any]:
    """``GET /organizations/{id}`` with nested ``boards`` and ``members`` (and their fields)."""
    org = ctx.organization(ctx.params["org"])
    view = org_view(ctx.store, org, ctx.viewer)
    out = project(view, fields_of(ctx, "fields", "organization"))
    if "boards" in ctx.query:
        boards = _boards(ctx, org, "boards", "all")
        out["boards"] = render_boards(ctx, boards, fields_of(ctx, "board_fields", "board"))
    members = choice(ctx, "members", MEMBER_FILTERS, "none")
    if members != "none":
        fields = fields_of(ctx, "member_fields", "member", MEMBER_MINI)
        out["members"] = _members(ctx, org, members, fields)
    return out


def get_boards(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/boards`` (boards the viewer may read)."""
    org = ctx.organization(ctx.params["org"])
    boards = _boards(ctx, org, "filter", "all")
    return render_boards(ctx, boards, fields_of(ctx, "fields", "board"))


def get_members(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/members``."""
    org = ctx.organization(ctx.params["org"])
    value = choice(ctx, "filter", MEMBER_FILTERS, "all")
    return _members(ctx, org, value, fields_of(ctx, "fields", "member", MEMBER_NAMES))


def register(router: Router) -> None:
    """Add the organization routes."""
    router.add("/organizations/{org}", get_organization)
    router.add("/organizations/{org}/boards", get_boards)
    router.add("/organizations/{org}/members", get_members)
