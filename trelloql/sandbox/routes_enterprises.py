"""``/enterprises/{id}`` and its admins: visible to its admins and its workspaces' members."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .errors import unauthorized
from .fields import MEMBER_MINI, project
from .nested import fields_of, render_members
from .records import find, public
from .routing import Router
from .seed import Record

FIELDS = (
    "id", "name", "displayName", "logoHash", "logoUrl", "idAdmins", "enterpriseDomains",
    "isRealEnterprise",
)  # fmt: skip


def enterprise(ctx: Ctx) -> Record:
    """The path's enterprise, if the viewer is an admin or in one of its workspaces."""
    found = find(ctx.store.data.enterprises, ctx.params["enterprise"])
    orgs = [ctx.store.data.organizations.get(oid) for oid in found["idOrganizations"]]
    inside = any(
        org is not None and any(m["idMember"] == ctx.viewer for m in org["memberships"])
        for org in orgs
    )
    if ctx.viewer not in found["idAdmins"] and not inside:
        raise unauthorized()
    return found


def get_enterprise(ctx: Ctx) -> dict[str, Any]:
    """``GET /enterprises/{id}`` with ``fields``."""
    found = public(enterprise(ctx), "idOrganizations")
    wanted = ctx.arg("fields")
    if wanted is None or wanted == "all":
        return found
    names = {"id", *wanted.split(",")}
    return project(found, tuple(name for name in FIELDS if name in names))


def get_admins(ctx: Ctx) -> list[Record]:
    """``GET /enterprises/{id}/admins`` with ``fields``."""
    found = enterprise(ctx)
    return render_members(ctx, found["idAdmins"], fields_of(ctx, "fields", "member", MEMBER_MINI))


def register(router: Router) -> None:
    """Add the enterprise routes."""
    router.add("/enterprises/{enterprise}", get_enterprise)
    router.add("/enterprises/{enterprise}/admins", get_admins)
