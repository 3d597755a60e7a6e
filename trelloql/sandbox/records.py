"""Lookups shared by the routes of the extra resources: by id, own-only, newest first."""

from __future__ import annotations

from collections.abc import Iterable

from .context import Ctx
from .errors import invalid_id, not_found, unauthorized
from .ids import is_object_id
from .seed import Record


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
