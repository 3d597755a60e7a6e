"""Who may read and change what: Trello's board and organization visibility rules."""

from __future__ import annotations

from .seed import Record
from .store import Store


def is_member(record: Record, member_id: str) -> bool:
    """Whether ``member_id`` holds a membership on a board or organization record."""
    return any(m["idMember"] == member_id for m in record["memberships"])


def can_read_board(store: Store, board: Record, viewer: str) -> bool:
    """Public boards are readable by all, org boards by org members, any board by its members."""
    if board["permissionLevel"] == "public" or is_member(board, viewer):
        return True
    org = store.data.organizations.get(board["idOrganization"] or "")
    return board["permissionLevel"] == "org" and org is not None and is_member(org, viewer)


def can_read_org(org: Record, viewer: str) -> bool:
    """Public organizations are readable by all, private ones by their members."""
    return org["permissionLevel"] == "public" or is_member(org, viewer)


WRITER_TYPES = ("admin", "normal")


def can_write_board(board: Record, viewer: str) -> bool:
    """Only the board's admins and normal members change it (not observers, not outsiders)."""
    return any(
        m["idMember"] == viewer and m["memberType"] in WRITER_TYPES and not m["deactivated"]
        for m in board["memberships"]
    )
