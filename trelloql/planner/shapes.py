"""What Trello can nest inside one request: per route, the child fields it can embed.

A `Nest` says how a child field's data rides along in its parent's GET (`lists=open&
list_fields=name`) and where the answer holds it. A `Join` serves a grandchild from a
collection of the same request, matched by an id (a board's `cards` give each of its
lists' cards, by `idList`). `children` names the shape of the embedded objects, for the
second level Trello reaches through prefixed params (`card_attachments=true`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from trelloql.errors import UserInputError
from trelloql.resolvers.paging import action_params

Args = Mapping[str, Any]
Value = Callable[[Args], str | None]


def fixed(value: str) -> Value:
    """A nested param whose value does not depend on the field's arguments."""
    return lambda _args: value


def true(_args: Args) -> str:
    """Nested params that are switched on with `true`."""
    return "true"


def filter_value(*allowed: str) -> Value:
    """The field's `filter` argument, lower-cased, when Trello's nested param takes it."""

    def value(args: Args) -> str | None:
        chosen = str(args.get("filter", "")).lower()
        return chosen if chosen in allowed else None

    return value


def no_extra(_args: Args) -> dict[str, str]:
    """Nests that need no params beyond the value and the fields."""
    return {}


@dataclass(frozen=True)
class Nest:
    """A child field that Trello embeds in its parent's answer."""

    field: str
    param: str | None
    fields_param: str | None
    key: str
    value: Value = true
    extra: Callable[[Args], dict[str, str]] = no_extra
    children: str | None = None
    join_by: str | None = None
    back: bool = False
    ref: str | None = None


def join(field_name: str, param: str, fields_param: str, key: str, by: str, **kw: Any) -> Nest:
    """A Nest served from the request's `key` collection, matched on `by`."""
    return Nest(field_name, param, fields_param, key, join_by=by, **kw)


def ref(field_name: str, param: str, fields_param: str, key: str, by: str) -> Nest:
    """A Nest served from the request's `key` collection: the items whose ids the parent's
    `by` field holds (one id, or a list of ids). Any filter already asked for that
    collection will do; an id missing from it leaves the field to its own resolver."""
    return Nest(field_name, param, fields_param, key, value=fixed("all"), ref=by)


def back(field_name: str) -> Nest:
    """A reference back to the request's own object (a board's card's `board`)."""
    return Nest(field_name, None, None, "", value=fixed(""), back=True)


def _action_params(args: Args) -> dict[str, str] | None:
    """The action list's own params, when a nested `actions=` can carry them."""
    try:
        params = action_params(args)
    except UserInputError:
        return None  # the field's resolver reports the bad argument
    return None if "page" in params else params


def _board_actions(args: Args) -> str | None:
    params = _action_params(args)
    return None if params is None else params["filter"]


def _board_action_extra(args: Args) -> dict[str, str]:
    params = _action_params(args) or {}
    return {f"actions_{name}": value for name, value in params.items() if name != "filter"}


CARD_FILTERS = ("open", "closed", "all")

CHECKLIST_ITEMS = [Nest("Checklist.checkItems", None, None, "checkItems")]

SHAPES: dict[str, list[Nest]] = {
    "member": [
        Nest(
            "Member.boards",
            "boards",
            "board_fields",
            "boards",
            filter_value("all", "open", "closed", "members", "organization", "public", "starred"),
        ),
        Nest(
            "Member.organizations",
            "organizations",
            "organization_fields",
            "organizations",
            filter_value("all", "members", "public", "none"),
        ),
        Nest(
            "Member.cards",
            "cards",
            "card_fields",
            "cards",
            filter_value("all", "open", "closed", "visible"),
        ),
    ],
    "board": [
        Nest(
            "Board.lists",
            "lists",
            "list_fields",
            "lists",
            filter_value("all", "open", "closed"),
            children="board.lists",
        ),
        Nest(
            "Board.cards",
            "cards",
            "card_fields",
            "cards",
            filter_value(*CARD_FILTERS),
            children="board.cards",
        ),
        Nest(
            "Board.members",
            "members",
            "member_fields",
            "members",
            filter_value("all", "normal", "admins", "owners"),
        ),
        Nest(
            "Board.labels",
            "labels",
            "label_fields",
            "labels",
            fixed("all"),
            extra=lambda _a: {"labels_limit": "1000"},
        ),
        Nest(
            "Board.checklists",
            "checklists",
            "checklist_fields",
            "checklists",
            fixed("all"),
            children="checklists",
        ),
        Nest("Board.organization", "organization", "organization_fields", "organization"),
        Nest(
            "Board.actions",
            "actions",
            "action_fields",
            "actions",
            _board_actions,
            extra=_board_action_extra,
            children="board.actions",
        ),
    ],
    "board.lists": [
        back("List.board"),
        join(
            "List.cards",
            "cards",
            "card_fields",
            "cards",
            "idList",
            value=filter_value(*CARD_FILTERS),
            children="board.cards",
        ),
    ],
    "board.cards": [
        back("Card.board"),
        ref("Card.list", "lists", "list_fields", "lists", "idList"),
        ref("Card.members", "members", "member_fields", "members", "idMembers"),
        Nest("Card.attachments", "card_attachments", "card_attachment_fields", "attachments"),
        Nest(
            "Card.checklists",
            "card_checklists",
            "card_checklist_fields",
            "checklists",
            fixed("all"),
            children="checklists",
        ),
    ],
    "board.actions": [
        Nest(
            "Action.memberCreator",
            "action_memberCreator",
            "action_memberCreator_fields",
            "memberCreator",
        ),
    ],
    "lists": [
        Nest("List.cards", "cards", "card_fields", "cards", filter_value(*CARD_FILTERS)),
    ],
    "list": [
        Nest("List.board", "board", "board_fields", "board"),
        Nest("List.cards", "cards", "card_fields", "cards", filter_value(*CARD_FILTERS)),
    ],
    "card": [
        Nest("Card.board", "board", "board_fields", "board"),
        Nest("Card.list", "list", "list_fields", "list"),
        Nest("Card.members", "members", "member_fields", "members"),
        Nest("Card.attachments", "attachments", "attachment_fields", "attachments"),
        Nest(
            "Card.checklists",
            "checklists",
            "checklist_fields",
            "checklists",
            fixed("all"),
            children="card.checklists",
        ),
        Nest(
            "Card.comments",
            "actions",
            "action_fields",
            "actions",
            fixed("commentCard"),
            children="card.comments",
        ),
    ],
    "organization": [
        Nest(
            "Organization.boards",
            "boards",
            "board_fields",
            "boards",
            filter_value("all", "open", "closed", "members", "organization", "public"),
        ),
        Nest("Organization.members", "members", "member_fields", "members", fixed("all")),
    ],
    "checklist": [
        Nest("Checklist.checkItems", "checkItems", "checkItem_fields", "checkItems", fixed("all")),
    ],
    "checklists": CHECKLIST_ITEMS,
    "card.checklists": [*CHECKLIST_ITEMS, back("Checklist.card")],
    "card.comments": [
        Nest(
            "Action.memberCreator",
            "action_memberCreator",
            "action_memberCreator_fields",
            "memberCreator",
        ),
    ],
    "action": [
        Nest("Action.memberCreator", "memberCreator", "memberCreator_fields", "memberCreator"),
    ],
}

# Which shape a Fetch's own answer has, by the Trello path it GETs.
SHAPE_OF_PATH: dict[str, str] = {
    "/members/me": "member",
    "/members/{id}": "member",
    "/boards/{id}": "board",
    "/boards/{idBoard}": "board",
    "/boards/{id}/lists": "lists",
    "/lists/{id}": "list",
    "/lists/{idList}": "list",
    "/cards/{id}": "card",
    "/cards/{idCard}": "card",
    "/organizations/{id}": "organization",
    "/organizations/{idOrganization}": "organization",
    "/checklists/{id}": "checklist",
    "/cards/{id}/checklists": "checklists",
    "/boards/{id}/checklists": "checklists",
    "/actions/{id}": "action",
}

# The object route of each type, primed with every object of that type an answer holds.
OBJECT_ROUTES: dict[str, str] = {
    "Board": "/boards/{id}",
    "List": "/lists/{id}",
    "Card": "/cards/{id}",
    "Label": "/labels/{id}",
    "Checklist": "/checklists/{id}",
    "Organization": "/organizations/{id}",
    "Action": "/actions/{id}",
}

# Routes a child field may be answered through, by the parent's type: each nests more
# than the child's own route. Not the member route: Trello limits it to 100 calls / 900 s.
LIFT_ROUTES: dict[str, str] = {
    "Board": "/boards/{id}",
    "Card": "/cards/{id}",
    "List": "/lists/{id}",
    "Organization": "/organizations/{id}",
}
