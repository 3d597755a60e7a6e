"""Selecting and rendering actions: type filters, since/before, paging, memberCreator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .context import Ctx
from .errors import invalid_value
from .fields import MEMBER_MINI, project
from .ids import is_object_id, parse_iso
from .nested import fields_of, render_members
from .params import flag, number
from .seed import Record

ACTION_TYPES = frozenset(
    [
        "acceptEnterpriseJoinRequest",
        "addAttachmentToCard",
        "addChecklistToCard",
        "addLabelToCard",
        "addMemberToBoard",
        "addMemberToCard",
        "addMemberToOrganization",
        "addToOrganizationBoard",
        "commentCard",
        "convertToCardFromCheckItem",
        "copyBoard",
        "copyCard",
        "copyCommentCard",
        "createBoard",
        "createCard",
        "createLabel",
        "createList",
        "createOrganization",
        "deleteAttachmentFromCard",
        "deleteBoardInvitation",
        "deleteCard",
        "deleteCheckItem",
        "deleteLabel",
        "deleteOrganizationInvitation",
        "disablePlugin",
        "disablePowerUp",
        "emailCard",
        "enablePlugin",
        "enablePowerUp",
        "makeAdminOfBoard",
        "makeNormalMemberOfBoard",
        "makeNormalMemberOfOrganization",
        "makeObserverOfBoard",
        "memberJoinedTrello",
        "moveCardFromBoard",
        "moveCardToBoard",
        "moveListFromBoard",
        "moveListToBoard",
        "removeChecklistFromCard",
        "removeFromOrganizationBoard",
        "removeLabelFromCard",
        "removeMemberFromBoard",
        "removeMemberFromCard",
        "removeMemberFromOrganization",
        "updateBoard",
        "updateCard",
        "updateCheckItem",
        "updateCheckItemStateOnCard",
        "updateChecklist",
        "updateComment",
        "updateLabel",
        "updateList",
        "updateMember",
        "updateOrganization",
    ]
)
CARD_ACTIONS_DEFAULT = "commentCard,updateCard:idList"


@dataclass(frozen=True)
class ActionParams:
    """The query-parameter names that drive an action listing."""

    filter: str
    limit: str
    since: str
    before: str
    page: str | None
    fields: str
    creator: str
    creator_fields: str
    member: str
    member_fields: str


NESTED = ActionParams(
    filter="actions",
    limit="actions_limit",
    since="actions_since",
    before="actions_before",
    page=None,
    fields="action_fields",
    creator="action_memberCreator",
    creator_fields="action_memberCreator_fields",
    member="action_member",
    member_fields="action_member_fields",
)
ROUTE = ActionParams(
    filter="filter",
    limit="limit",
    since="since",
    before="before",
    page="page",
    fields="fields",
    creator="memberCreator",
    creator_fields="memberCreator_fields",
    member="member",
    member_fields="member_fields",
)


def _types(ctx: Ctx, name: str, default: str) -> list[tuple[str, str]] | None:
    """Parsed ``type[:field]`` filter items; None means every type."""
    raw = ctx.arg(name)
    value = default if raw is None else raw
    if value.strip() == "all":
        return None
    items = [item.strip().partition(":") for item in value.split(",") if item.strip()]
    if not items or any(type_ not in ACTION_TYPES for type_, _, _ in items):
        raise invalid_value(name)
    return [(type_, field) for type_, _, field in items]


def _bound(ctx: Ctx, name: str, newer: bool) -> Callable[[Record], bool] | None:
    """A since (``newer``) or before test from an ISO date or an action id."""
    value = ctx.arg(name)
    if value is None:
        return None
    if is_object_id(value):
        ref = value.lower()
        return (lambda a: a["id"] > ref) if newer else (lambda a: a["id"] < ref)
    when = parse_iso(value)
    if when is None:
        raise invalid_value(name)
    return (lambda a: _time(a) > when) if newer else (lambda a: _time(a) < when)


def _time(action: Record) -> int:
    return parse_iso(action["date"]) or 0


def _matches(action: Record, wanted: list[tuple[str, str]] | None) -> bool:
    if wanted is None:
        return True
    old = action["data"].get("old", {})
    return any(action["type"] == t and (not f or f in old) for t, f in wanted)


def list_actions(
    ctx: Ctx,
    actions: list[Record],
    names: ActionParams,
    *,
    default_filter: str = "all",
    creator_default: str = MEMBER_MINI,
    max_page: int = 100,
) -> list[Record]:
    """Filter, bound, page and render ``actions`` (already newest first)."""
    wanted = _types(ctx, names.filter, default_filter)
    limit = number(ctx, names.limit, 50, 0, 1000)
    page = number(ctx, names.page, 0, 0, max_page) if names.page else 0
    tests = [t for t in (_bound(ctx, names.since, True), _bound(ctx, names.before, False)) if t]
    selected = [a for a in actions if _matches(a, wanted) and all(t(a) for t in tests)]
    return render_actions(ctx, selected[page * limit : (page + 1) * limit], names, creator_default)


def render_actions(
    ctx: Ctx, actions: list[Record], names: ActionParams, creator_default: str = MEMBER_MINI
) -> list[Record]:
    """Project actions and embed ``memberCreator``/``member`` as the parameters ask."""
    fields = fields_of(ctx, names.fields, "action")
    creator = flag(ctx, names.creator, default=True)
    creator_fields = fields_of(ctx, names.creator_fields, "member", creator_default)
    member = flag(ctx, names.member, default=True)
    member_fields = fields_of(ctx, names.member_fields, "member", MEMBER_MINI)
    creators: dict[str, Record] = {}
    targets: dict[str, Record] = {}
    out = []
    for action in actions:
        item = project(action, fields)
        if creator:
            who = action["idMemberCreator"]
            item["memberCreator"] = render_members(ctx, [who], creator_fields, creators)[0]
        if member and "idMember" in action:
            item["member"] = render_members(ctx, [action["idMember"]], member_fields, targets)[0]
        out.append(item)
    return out
