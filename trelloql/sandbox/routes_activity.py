"""Action lists of lists, members and workspaces, and ``/actions/{id}/organization``."""

from __future__ import annotations

from typing import Any

from .access import can_read_org
from .actions import ROUTE, list_actions
from .context import Ctx
from .errors import not_found
from .fields import ACTION_MEMBER, project
from .nested import fields_of
from .records import newest_first
from .routing import Router
from .seed import Record
from .views import org_view


def _visible(ctx: Ctx, action: Record) -> bool:
    data = action["data"]
    if "board" in data:
        board = ctx.store.data.boards.get(data["board"]["id"])
        return board is not None and ctx.readable(board)
    if "organization" in data:
        org = ctx.store.data.organizations.get(data["organization"]["id"])
        return org is not None and can_read_org(org, ctx.viewer)
    return True


def _on_list(action: Record, list_id: str) -> bool:
    data = action["data"]
    return any(
        data.get(key, {}).get("id") == list_id for key in ("list", "listBefore", "listAfter")
    )


def get_list_actions(ctx: Ctx) -> list[Record]:
    """``GET /lists/{id}/actions``: actions on the list and the cards in it."""
    lst = ctx.list_(ctx.params["list"])
    found = [a for a in ctx.store.actions_of_board(lst["idBoard"]) if _on_list(a, lst["id"])]
    return list_actions(ctx, found, ROUTE, creator_default=ACTION_MEMBER)


def get_member_actions(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/actions``: what the member did, where the viewer can see it."""
    member = ctx.member(ctx.params["member"])
    found = newest_first(
        a
        for a in ctx.store.data.actions.values()
        if a["idMemberCreator"] == member["id"] and _visible(ctx, a)
    )
    return list_actions(ctx, found, ROUTE, creator_default=ACTION_MEMBER)


def get_organization_actions(ctx: Ctx) -> list[Record]:
    """``GET /organizations/{id}/actions``: actions on the workspace itself."""
    org = ctx.organization(ctx.params["org"])
    found = newest_first(
        a
        for a in ctx.store.data.actions.values()
        if a["data"].get("organization", {}).get("id") == org["id"]
    )
    return list_actions(ctx, found, ROUTE, creator_default=ACTION_MEMBER)


def get_action_organization(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}/organization`` (404 when the action concerns no workspace)."""
    action = ctx.action(ctx.params["action"])
    ref = action["data"].get("organization")
    if ref is None:
        raise not_found()
    org = ctx.organization(ref["id"])
    return project(org_view(ctx.store, org, ctx.viewer), fields_of(ctx, "fields", "organization"))


def register(router: Router) -> None:
    """Add the action-list routes."""
    router.add("/lists/{list}/actions", get_list_actions)
    router.add("/members/{member}/actions", get_member_actions)
    router.add("/organizations/{org}/actions", get_organization_actions)
    router.add("/actions/{action}/organization", get_action_organization)
