"""Workspace writes: create, update, delete; exports; members; collections; logo and prefs."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .changes import now, off_board_cards, record_action
from .context import Ctx
from .errors import TrelloError, invalid_value, not_found
from .inputs import boolean, one_of, text
from .records import EMAIL, admin_org, find, invited_member, membership, public
from .routing import Router
from .seed import Record
from .views import org_view

NAME = re.compile(r"^[a-z0-9_]{3,}$")
RESTRICTIONS = ("admin", "none", "org")
MEMBER_TYPES = ("admin", "normal")


def org_reply(ctx: Ctx, org: Record) -> dict[str, Any]:
    """Re-index, then render the workspace (Trello's write answer)."""
    ctx.store.changed()
    return org_view(ctx.store, org, ctx.viewer)


def _ref(org: Record) -> Record:
    return {"id": org["id"], "name": org["displayName"]}


def _name(ctx: Ctx, wanted: str | None, display: str, current: str | None = None) -> str:
    """A free short name: the one asked for (400 when malformed or taken), or one made up."""
    taken = set(ctx.store.org_by_name) - {current}
    if wanted is not None:
        if not NAME.match(wanted):
            raise invalid_value("name")
        if wanted in taken:
            raise TrelloError(400, "Organization short name is taken")
        return wanted
    base = re.sub(r"[^a-z0-9]", "", display.lower()) or "workspace"
    base = base if len(base) >= 3 else base + "team"
    name, serial = base, 1
    while name in taken:
        serial += 1
        name = f"{base}{serial}"
    return name


def _website(ctx: Ctx) -> str | None:
    value = ctx.arg("website")
    if value is None or value == "":
        return value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise invalid_value("website")
    return value


def create_org(ctx: Ctx) -> dict[str, Any]:
    """``POST /organizations`` with ``displayName`` (and ``name``, ``desc``, ``website``)."""
    display = text(ctx, "displayName", required=True, low=1) or ""
    store = ctx.store
    org: Record = {
        "id": store.mint("organization"), "name": _name(ctx, ctx.arg("name"), display),
        "displayName": display, "desc": text(ctx, "desc") or "", "website": _website(ctx),
        "permissionLevel": "private", "idMemberCreator": ctx.viewer,
        "created": int(store.clock()),
        "memberships": [membership(ctx, ctx.viewer, "admin")],
    }  # fmt: skip
    store.data.organizations[org["id"]] = org
    record_action(store, "createOrganization", ctx.viewer, {"organization": _ref(org)})
    return org_reply(ctx, org)


def _prefs(ctx: Ctx, org: Record) -> None:
    stored = org.setdefault("prefs", {})
    level = one_of(ctx, "prefs/permissionLevel", ("private", "public"))
    if level is not None:
        org["permissionLevel"] = level
    disabled = boolean(ctx, "prefs/externalMembersDisabled")
    if disabled is not None:
        stored["externalMembersDisabled"] = disabled
    domain = text(ctx, "prefs/associatedDomain", low=1, high=253)
    if domain is not None:
        stored["associatedDomain"] = domain
    restrict = text(ctx, "prefs/orgInviteRestrict", low=1, high=253)
    if restrict is not None:
        stored["orgInviteRestrict"] = [restrict]
    version = ctx.arg("prefs/googleAppsVersion")
    if version is not None:
        stored["googleAppsVersion"] = int(version) if version.isdigit() else 1
    visibility = dict(org_view(ctx.store, org, ctx.viewer)["prefs"]["boardVisibilityRestrict"])
    for kind in ("private", "org", "public"):
        value = one_of(ctx, f"prefs/boardVisibilityRestrict/{kind}", RESTRICTIONS)
        if value is not None:
            visibility[kind] = value
            stored["boardVisibilityRestrict"] = visibility


def update_org(ctx: Ctx) -> dict[str, Any]:
    """``PUT /organizations/{id}``: names, description, website and ``prefs/...``."""
    org = admin_org(ctx, ctx.params["org"])
    old: Record = {}
    if "name" in ctx.query:
        old["name"], org["name"] = org["name"], _name(ctx, ctx.arg("name"), "", org["name"])
    display = text(ctx, "displayName", low=1)
    if display is not None:
        old["displayName"], org["displayName"] = org["displayName"], display
    desc = text(ctx, "desc")
    if desc is not None:
        old["desc"], org["desc"] = org["desc"], desc
    if "website" in ctx.query:
        old["website"], org["website"] = org["website"], _website(ctx) or None
    _prefs(ctx, org)
    data = {"organization": _ref(org), "old": old}
    record_action(ctx.store, "updateOrganization", ctx.viewer, data)
    return org_reply(ctx, org)


def delete_org(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /organizations/{id}``: its boards stay, without a workspace."""
    org = admin_org(ctx, ctx.params["org"])
    data = ctx.store.data
    for board in data.boards.values():
        if board["idOrganization"] == org["id"]:
            board["idOrganization"] = None
            if board["permissionLevel"] == "org":
                board["permissionLevel"] = "private"
    for table in (data.tags, data.exports):
        for key in [k for k, r in table.items() if r["idOrganization"] == org["id"]]:
            del table[key]
    del data.organizations[org["id"]]
    ctx.store.changed()
    return {"_value": None}


def export_org(ctx: Ctx) -> dict[str, Any]:
    """``POST /organizations/{id}/exports`` with ``attachments``: a queued export."""
    org = admin_org(ctx, ctx.params["org"])
    boolean(ctx, "attachments")
    export: Record = {
        "id": ctx.store.mint("export"), "idOrganization": org["id"], "startedAt": now(ctx.store),
        "status": {"attempts": 0, "finished": False, "stage": "Export_queued"},
        "size": None, "exportUrl": None,
    }  # fmt: skip
    ctx.store.data.exports[export["id"]] = export
    return public(export, "idOrganization")


def _put_member(ctx: Ctx, org: Record, member: str, kind: str) -> None:
    found = next((m for m in org["memberships"] if m["idMember"] == member), None)
    if found is not None:
        found["memberType"] = kind
        return
    org["memberships"].append(membership(ctx, member, kind))
    data = {"organization": _ref(org), "idMemberAdded": member}
    record_action(ctx.store, "addMemberToOrganization", ctx.viewer, data, member)


def invite_member(ctx: Ctx) -> dict[str, Any]:
    """``PUT /organizations/{id}/members`` with ``email``, ``fullName`` and ``type``."""
    org = admin_org(ctx, ctx.params["org"])
    address = ctx.arg("email") or ""
    if not EMAIL.match(address):
        raise invalid_value("email")
    full_name = text(ctx, "fullName", required=True, low=1)
    kind = one_of(ctx, "type", MEMBER_TYPES) or "normal"
    restrict = org.get("prefs", {}).get("orgInviteRestrict") or []
    if restrict and not any(address.endswith("@" + domain) for domain in restrict):
        raise TrelloError(403, "Invitations are restricted to other email domains")
    members = ctx.store.data.members.values()
    member = next((m for m in members if m["email"] == address), None)
    if member is None:
        member = invited_member(ctx, address, full_name)
    _put_member(ctx, org, member["id"], kind)
    return org_reply(ctx, org)


def add_member(ctx: Ctx) -> dict[str, Any]:
    """``PUT /organizations/{id}/members/{idMember}`` with ``type``."""
    org = admin_org(ctx, ctx.params["org"])
    kind = one_of(ctx, "type", MEMBER_TYPES)
    if kind is None:
        raise invalid_value("type")
    member = ctx.store.member(ctx.params["member"])
    _put_member(ctx, org, member["id"], kind)
    return org_reply(ctx, org)


def _membership(ctx: Ctx, org: Record) -> Record:
    member = ctx.store.member(ctx.params["member"])
    found = next((m for m in org["memberships"] if m["idMember"] == member["id"]), None)
    if found is None:
        raise not_found()
    return found


def _remove(ctx: Ctx, org: Record, boards_too: bool) -> dict[str, Any]:
    found = _membership(ctx, org)
    others = [m for m in org["memberships"] if m is not found]
    if not any(m["memberType"] == "admin" for m in others):
        raise TrelloError(403, "A workspace needs at least one admin")
    org["memberships"] = others
    member = found["idMember"]
    if boards_too:
        for board in ctx.store.boards_of_org(org["id"]):
            board["memberships"] = [m for m in board["memberships"] if m["idMember"] != member]
            off_board_cards(ctx.store, board["id"], member)
    data = {"organization": _ref(org), "idMemberRemoved": member}
    record_action(ctx.store, "removeMemberFromOrganization", ctx.viewer, data, member)
    return org_reply(ctx, org)


def remove_member(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /organizations/{id}/members/{idMember}``."""
    return _remove(ctx, admin_org(ctx, ctx.params["org"]), boards_too=False)


def remove_member_everywhere(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /organizations/{id}/members/{idMember}/all``: also from its boards."""
    return _remove(ctx, admin_org(ctx, ctx.params["org"]), boards_too=True)


def set_deactivated(ctx: Ctx) -> dict[str, Any]:
    """``PUT /organizations/{id}/members/{idMember}/deactivated`` with ``value``."""
    org = admin_org(ctx, ctx.params["org"])
    value = boolean(ctx, "value")
    if value is None:
        raise invalid_value("value")
    _membership(ctx, org)["deactivated"] = value
    return org_reply(ctx, org)


def create_tag(ctx: Ctx) -> dict[str, Any]:
    """``POST /organizations/{id}/tags`` with ``name``."""
    org = admin_org(ctx, ctx.params["org"])
    tag = {
        "id": ctx.store.mint("tag"),
        "idOrganization": org["id"],
        "name": text(ctx, "name", required=True, low=1),
    }
    ctx.store.data.tags[tag["id"]] = tag
    return public(tag, "idOrganization")


def delete_tag(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /organizations/{id}/tags/{idTag}``; boards leave the collection."""
    org = admin_org(ctx, ctx.params["org"])
    tags = {t["id"]: t for t in ctx.store.data.tags.values() if t["idOrganization"] == org["id"]}
    tag = find(tags, ctx.params["tag"])
    del ctx.store.data.tags[tag["id"]]
    for board in ctx.store.data.boards.values():
        if tag["id"] in board.get("idTags", ()):
            board["idTags"].remove(tag["id"])
    return {"_value": None}


def delete_logo(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /organizations/{id}/logo``."""
    org = admin_org(ctx, ctx.params["org"])
    org["logoHash"] = None
    return org_reply(ctx, org)


def _clear_pref(ctx: Ctx, name: str, empty: Any) -> dict[str, Any]:
    org = admin_org(ctx, ctx.params["org"])
    org.setdefault("prefs", {})[name] = empty
    return org_reply(ctx, org)


def delete_associated_domain(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /organizations/{id}/prefs/associatedDomain``."""
    return _clear_pref(ctx, "associatedDomain", None)


def delete_invite_restrict(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /organizations/{id}/prefs/orgInviteRestrict``."""
    return _clear_pref(ctx, "orgInviteRestrict", [])


def register(router: Router) -> None:
    """Add the workspace write routes."""
    router.add("/organizations", create_org, method="POST")
    router.add("/organizations/{org}", update_org, method="PUT")
    router.add("/organizations/{org}", delete_org, method="DELETE")
    router.add("/organizations/{org}/exports", export_org, method="POST")
    router.add("/organizations/{org}/members", invite_member, method="PUT")
    router.add("/organizations/{org}/members/{member}", add_member, method="PUT")
    router.add("/organizations/{org}/members/{member}", remove_member, method="DELETE")
    router.add(
        "/organizations/{org}/members/{member}/all", remove_member_everywhere, method="DELETE"
    )
    router.add("/organizations/{org}/members/{member}/deactivated", set_deactivated, method="PUT")
    router.add("/organizations/{org}/tags", create_tag, method="POST")
    router.add("/organizations/{org}/tags/{tag}", delete_tag, method="DELETE")
    router.add("/organizations/{org}/logo", delete_logo, method="DELETE")
    router.add(
        "/organizations/{org}/prefs/associatedDomain", delete_associated_domain, method="DELETE"
    )
    router.add(
        "/organizations/{org}/prefs/orgInviteRestrict", delete_invite_restrict, method="DELETE"
    )
