"""Lookups shared by the routes of the extra resources: by id, own-only, newest first."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .context import Ctx
from .errors import invalid_id, not_found, unauthorized
from .ids import is_object_id
from .seed import Record

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def find(table: dict[str, Record], ref: str) -> Record:
    """A record by 24-hex id: 400 for a malformed id, 404 for an unknown one."""
    if not is_object_id(ref):
        raise invalid_id()
    record = table.get(ref.lower())
    if record is None:
        raise not_found()
    return record


def own_member(ctx: Ctx) -> Record:
    """The path's member, who must be the viewer (401 otherwise): private sub-resources."""
    member = ctx.member(ctx.params["member"])
    if member["id"] != ctx.viewer:
        raise unauthorized()
    return member


def owned(table: dict[str, Record], member_id: str) -> list[Record]:
    """The records of a member, in creation order."""
    return [record for record in table.values() if record.get("idMember") == member_id]


def public(record: Record, *drop: str) -> Record:
    """A copy of ``record`` without the sandbox-only keys ``drop``."""
    return {key: value for key, value in record.items() if key not in drop}


def newest_first(records: Iterable[Record]) -> list[Record]:
    """Records by (date, id), newest first."""
    return sorted(records, key=lambda r: (r["date"], r["id"]), reverse=True)


def is_admin(record: Record, member_id: str) -> bool:
    """Whether the member is an active admin of a board or organization."""
    return any(
        m["idMember"] == member_id and m["memberType"] == "admin" and not m["deactivated"]
        for m in record["memberships"]
    )


def admin_board(ctx: Ctx, ref: str) -> Record:
    """A board the viewer administers (401 otherwise): its settings and members."""
    board = ctx.board(ref)
    if not is_admin(board, ctx.viewer):
        raise unauthorized()
    return board


def admin_org(ctx: Ctx, ref: str) -> Record:
    """An organization the viewer administers (401 otherwise)."""
    org = ctx.organization(ref)
    if not is_admin(org, ctx.viewer):
        raise unauthorized()
    return org


def invited_member(ctx: Ctx, address: str, full_name: str | None) -> Record:
    """A member for an invitation to someone who has no account yet."""
    store = ctx.store
    base = re.sub(r"[^a-z0-9_]", "", address.split("@")[0].lower()) or "member"
    username = base if len(base) >= 3 else base + "user"
    while username in store.by_username:
        username += "1"
    name = full_name or address.split("@")[0]
    member: Record = {
        "id": store.mint("member"), "username": username, "fullName": name,
        "initials": "".join(word[0].upper() for word in name.split())[:4] or "?", "bio": "",
        "email": address, "created": int(store.clock()), "boardStars": [], "unconfirmed": True,
    }  # fmt: skip
    store.data.members[member["id"]] = member
    store.by_username[username] = member
    return member


def membership(ctx: Ctx, member: str, kind: str, unconfirmed: bool = False) -> Record:
    """A new board or organization membership of ``member`` as ``kind``."""
    return {
        "id": ctx.store.mint("membership"), "idMember": member, "memberType": kind,
        "unconfirmed": unconfirmed, "deactivated": False,
    }  # fmt: skip
