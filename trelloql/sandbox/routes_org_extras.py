"""A workspace's memberships, collections (tags), exports and would-be billable guests."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .fields import MEMBER_NAMES
from .nested import MEMBERSHIP_FILTERS, fields_of, render_members, render_memberships
from .params import choice
from .records import find, public
from .routing import Router
from .seed import Record

ORG_MEMBERSHIP_FILTERS = tuple(f for f in MEMBERSHIP_FILTERS if f != "admins")


def get_memberships(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/memberships`` with ``filter`` and ``member``."""
    org = ctx.organization(ctx.params["org"])
    value = choice(ctx, "filter", ORG_MEMBERSHIP_FILTERS, "all")
    return render_memberships(ctx, org["memberships"], value)


def get_membership(ctx: Ctx) -> dict[str, Any]:
    """``GET /organizations/{id}/memberships/{idMembership}``."""
    org = ctx.organization(ctx.params["org"])
    found = find({m["id"]: m for m in org["memberships"]}, ctx.params["membership"])
    return render_memberships(ctx, [found], "all")[0]


def get_tags(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/tags``."""
    org = ctx.organization(ctx.params["org"])
    tags = ctx.store.data.tags.values()
    return [public(t, "idOrganization") for t in tags if t["idOrganization"] == org["id"]]


def get_exports(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/exports``."""
    org = ctx.organization(ctx.params["org"])
    exports = ctx.store.data.exports.values()
    return [public(e, "idOrganization") for e in exports if e["idOrganization"] == org["id"]]


def get_new_billable_guests(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/newBillableGuests/{idBoard}``: board members not in it."""
    org = ctx.organization(ctx.params["org"])
    board = ctx.board(ctx.params["board"])
    in_org = {m["idMember"] for m in org["memberships"]}
    guests = [m["idMember"] for m in board["memberships"] if m["idMember"] not in in_org]
    return render_members(ctx, guests, fields_of(ctx, "fields", "member", MEMBER_NAMES))


def register(router: Router) -> None:
    """Add the workspace extras' routes."""
    router.add("/organizations/{org}/memberships", get_memberships)
    router.add("/organizations/{org}/memberships/{membership}", get_membership)
    router.add("/organizations/{org}/tags", get_tags)
    router.add("/organizations/{org}/exports", get_exports)
    router.add("/organizations/{org}/newBillableGuests/{board}", get_new_billable_guests)
