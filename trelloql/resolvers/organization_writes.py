"""Trello mappings of the workspace mutations: create, update, delete, members, collections."""

from __future__ import annotations

from typing import Any

from trelloql.resolvers.base import Args, Fetch, Write
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.resolvers.write_rules import (
    build_with,
    email,
    full_name,
    nested,
    organization_name,
)
from trelloql.validation import (
    Rule,
    boolean,
    checked,
    description,
    enum_lower,
    name,
    object_id,
    text,
    url,
)

WORKSPACE = text(1, 100)
"""A workspace's id or short name, for the path."""
THE_ORG = {"id": WORKSPACE}
ON_ORG = {"idOrganization": WORKSPACE}
ORG_RULES: dict[str, Rule] = {
    "name": organization_name, "displayName": name, "desc": description, "website": url,
}  # fmt: skip
PREFS_RULES: dict[str, Rule] = {
    "permissionLevel": enum_lower, "externalMembersDisabled": boolean,
    "associatedDomain": text(1, 253), "orgInviteRestrict": text(1, 253),
}  # fmt: skip
RESTRICT_RULES: dict[str, Rule] = {
    "private": enum_lower, "org": enum_lower, "public": enum_lower,
}  # fmt: skip
ORG = Fetch("Mutation.organization", "/organizations/{id}", "Organization")
ORG_OF = Fetch("Mutation.organization", "/organizations/{idOrganization}", "Organization")
"""The workspace, read back after a write whose reply is not the workspace itself."""


def _prefs(args: Args) -> dict[str, Any]:
    params = nested(args, "prefs", PREFS_RULES, "prefs", "/")
    restrict = ((args.get("input") or {}).get("prefs") or {}).get("boardVisibilityRestrict")
    if restrict is not None:
        where = "input.prefs.boardVisibilityRestrict"
        values = checked({where: restrict}, RESTRICT_RULES, argument=where)
        params.update({f"prefs/boardVisibilityRestrict/{k}": v for k, v in values.items()})
    return params


def _member_type(args: Args) -> dict[str, Any]:
    given = (args.get("input") or {}).get("type")
    return {"type": enum_lower(given or "NORMAL", "input.type")}


MAPPINGS = [
    Write(
        "Mutation.createOrganization",
        "POST",
        "/organizations",
        from_input(ORG_RULES, required=("displayName",)),
    ),
    Write(
        "Mutation.updateOrganization",
        "PUT",
        "/organizations/{id}",
        build_with({**THE_ORG, **ORG_RULES}, path=("id",), extra=_prefs),
    ),
    Write(
        "Mutation.deleteOrganization",
        "DELETE",
        "/organizations/{id}",
        from_input(THE_ORG, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.exportOrganization",
        "POST",
        "/organizations/{id}/exports",
        from_input({**THE_ORG, "attachments": boolean}, path=("id",)),
    ),
    Write(
        "Mutation.inviteMemberToOrganization",
        "PUT",
        "/organizations/{idOrganization}/members",
        build_with(
            {**ON_ORG, "email": email, "fullName": full_name},
            path=("idOrganization",),
            required=("email", "fullName"),
            extra=_member_type,
        ),
        then=ORG_OF,
    ),
    Write(
        "Mutation.addMemberToOrganization",
        "PUT",
        "/organizations/{idOrganization}/members/{idMember}",
        from_input(
            {**ON_ORG, "idMember": object_id, "type": enum_lower},
            path=("idOrganization", "idMember"),
            required=("type",),
        ),
        then=ORG_OF,
    ),
    Write(
        "Mutation.removeMemberFromOrganization",
        "DELETE",
        "/organizations/{idOrganization}/members/{idMember}",
        from_input({**ON_ORG, "idMember": object_id}, path=("idOrganization", "idMember")),
        then=ORG_OF,
    ),
    Write(
        "Mutation.removeMemberFromOrganizationAndBoards",
        "DELETE",
        "/organizations/{idOrganization}/members/{idMember}/all",
        from_input({**ON_ORG, "idMember": object_id}, path=("idOrganization", "idMember")),
        then=ORG_OF,
    ),
    Write(
        "Mutation.setOrganizationMemberDeactivated",
        "PUT",
        "/organizations/{idOrganization}/members/{idMember}/deactivated",
        from_input(
            {**ON_ORG, "idMember": object_id, "deactivated": boolean},
            path=("idOrganization", "idMember"),
            required=("deactivated",),
            renamed={"deactivated": "value"},
        ),
        then=ORG_OF,
    ),
    Write(
        "Mutation.createOrganizationTag",
        "POST",
        "/organizations/{idOrganization}/tags",
        from_input({**ON_ORG, "name": name}, path=("idOrganization",), required=("name",)),
    ),
    Write(
        "Mutation.deleteOrganizationTag",
        "DELETE",
        "/organizations/{idOrganization}/tags/{idTag}",
        from_input({**ON_ORG, "idTag": object_id}, path=("idOrganization", "idTag")),
        deleted("idTag"),
    ),
    Write(
        "Mutation.removeOrganizationLogo",
        "DELETE",
        "/organizations/{id}/logo",
        from_input(THE_ORG, path=("id",)),
        then=ORG,
    ),
    Write(
        "Mutation.removeOrganizationAssociatedDomain",
        "DELETE",
        "/organizations/{id}/prefs/associatedDomain",
        from_input(THE_ORG, path=("id",)),
        then=ORG,
    ),
    Write(
        "Mutation.removeOrganizationInviteRestriction",
        "DELETE",
        "/organizations/{id}/prefs/orgInviteRestrict",
        from_input(THE_ORG, path=("id",)),
        then=ORG,
    ),
]
