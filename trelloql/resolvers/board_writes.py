"""Trello mappings of the board mutations: create, update, close, delete, members, settings."""

from __future__ import annotations

from typing import Any

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Fetch, Write, WriteRequest
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.resolvers.write_rules import (
    OneOf,
    build_with,
    email,
    exactly_one,
    full_name,
    nested,
    spelled,
)
from trelloql.validation import (
    Rule,
    board_id,
    boolean,
    checked,
    description,
    enum_lower,
    name,
    object_id,
    text,
)

LABEL_COLORS = (
    "green",
    "yellow",
    "orange",
    "red",
    "purple",
    "blue",
    "sky",
    "lime",
    "pink",
    "black",
)
PREFS_RULES: dict[str, Rule] = {
    "permissionLevel": enum_lower, "voting": enum_lower, "comments": enum_lower,
    "invitations": enum_lower, "selfJoin": boolean, "cardCovers": boolean,
    "background": text(1, 100), "cardAging": enum_lower, "hideVotes": boolean,
    "calendarFeedEnabled": boolean,
}  # fmt: skip
UPDATE_ONLY_PREFS = ("hideVotes", "calendarFeedEnabled")
LABEL_NAME_RULES: dict[str, Rule] = {color: text(0) for color in LABEL_COLORS}
POWER_UPS = {
    "ALL": "all", "CALENDAR": "calendar", "CARD_AGING": "cardAging", "RECAP": "recap",
    "VOTING": "voting",
}  # fmt: skip
WORKSPACE = text(1, 100)
"""A workspace's id or short name."""
CREATE_RULES: dict[str, Rule] = {
    "name": name, "desc": description, "idOrganization": WORKSPACE, "defaultLabels": boolean,
    "defaultLists": boolean, "idBoardSource": object_id, "keepFromSource": enum_lower,
    "powerUps": spelled(POWER_UPS),
}  # fmt: skip
UPDATE_RULES: dict[str, Rule] = {
    "id": board_id, "name": name, "desc": description, "subscribed": boolean,
    "idOrganization": WORKSPACE,
}  # fmt: skip
MY_PREFS: dict[str, Rule] = {
    "emailPosition": enum_lower, "idEmailList": object_id, "showSidebar": boolean,
    "showSidebarActivity": boolean, "showSidebarBoardActions": boolean,
    "showSidebarMembers": boolean,
}  # fmt: skip
THE_BOARD = {"id": board_id}
ON_BOARD = {"idBoard": board_id}
BOARD = Fetch("Mutation.board", "/boards/{id}", "Board")
BOARD_OF = Fetch("Mutation.board", "/boards/{idBoard}", "Board")
"""The board, read back after a write whose reply is not the board itself."""


def _create_prefs(args: Args) -> dict[str, Any]:
    for key in UPDATE_ONLY_PREFS:
        if ((args.get("input") or {}).get("prefs") or {}).get(key) is not None:
            where = f"input.prefs.{key}"
            raise UserInputError(f"`{where}` can only be changed by `updateBoard`", where)
    return nested(args, "prefs", PREFS_RULES, "prefs", "_")


def _update_extras(args: Args) -> dict[str, Any]:
    return {
        **nested(args, "prefs", PREFS_RULES, "prefs", "/"),
        **nested(args, "labelNames", LABEL_NAME_RULES, "labelNames", "/"),
    }


def update_my_prefs(args: Args) -> WriteRequest:
    """`PUT /boards/{id}/myPrefs/{pref}`: one setting per call, as Trello takes them."""
    pref = exactly_one(args, tuple(MY_PREFS))
    params = checked(args, {"idBoard": board_id, pref: MY_PREFS[pref]}, ("idBoard",))
    return {"idBoard": params["idBoard"], "pref": pref}, {"value": params[pref]}


def _member_type(args: Args) -> dict[str, Any]:
    given = (args.get("input") or {}).get("type")
    return {"type": enum_lower(given or "NORMAL", "input.type")}


MAPPINGS = [
    Write(
        "Mutation.createBoard",
        "POST",
        "/boards/",
        build_with(CREATE_RULES, required=("name",), extra=_create_prefs),
    ),
    Write(
        "Mutation.updateBoard",
        "PUT",
        "/boards/{id}",
        build_with(UPDATE_RULES, path=("id",), extra=_update_extras),
    ),
    Write(
        "Mutation.closeBoard",
        "PUT",
        "/boards/{id}",
        from_input(THE_BOARD, path=("id",), fixed={"closed": True}),
    ),
    Write(
        "Mutation.reopenBoard",
        "PUT",
        "/boards/{id}",
        from_input(THE_BOARD, path=("id",), fixed={"closed": False}),
    ),
    Write(
        "Mutation.deleteBoard",
        "DELETE",
        "/boards/{id}",
        from_input(THE_BOARD, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.addMemberToBoard",
        "PUT",
        "/boards/{idBoard}/members/{idMember}",
        build_with(
            {**ON_BOARD, "idMember": object_id, "allowBillableGuest": boolean},
            path=("idBoard", "idMember"),
            extra=_member_type,
        ),
        then=BOARD_OF,
    ),
    Write(
        "Mutation.inviteMemberToBoard",
        "PUT",
        "/boards/{idBoard}/members",
        build_with(
            {**ON_BOARD, "email": email, "fullName": full_name},
            path=("idBoard",),
            required=("email",),
            extra=_member_type,
        ),
        then=BOARD_OF,
    ),
    Write(
        "Mutation.removeMemberFromBoard",
        "DELETE",
        "/boards/{idBoard}/members/{idMember}",
        from_input({**ON_BOARD, "idMember": object_id}, path=("idBoard", "idMember")),
        then=BOARD_OF,
    ),
    Write(
        "Mutation.updateBoardMembership",
        "PUT",
        "/boards/{idBoard}/memberships/{idMembership}",
        from_input(
            {**ON_BOARD, "idMembership": object_id, "type": enum_lower},
            path=("idBoard", "idMembership"),
            required=("type",),
        ),
    ),
    OneOf(
        "Mutation.updateMyBoardPrefs",
        "PUT",
        "/boards/{idBoard}/myPrefs/{pref}",
        update_my_prefs,
        choices={"pref": tuple(MY_PREFS)},
    ),
    Write(
        "Mutation.generateBoardCalendarKey",
        "POST",
        "/boards/{id}/calendarKey/generate",
        from_input(THE_BOARD, path=("id",)),
        then=BOARD,
    ),
    Write(
        "Mutation.generateBoardEmailKey",
        "POST",
        "/boards/{id}/emailKey/generate",
        from_input(THE_BOARD, path=("id",)),
        then=BOARD,
    ),
    Write(
        "Mutation.markBoardAsViewed",
        "POST",
        "/boards/{id}/markedAsViewed",
        from_input(THE_BOARD, path=("id",)),
        then=BOARD,
    ),
    Write(
        "Mutation.addBoardToCollection",
        "POST",
        "/boards/{idBoard}/idTags",
        from_input(
            {**ON_BOARD, "idTag": object_id},
            path=("idBoard",),
            required=("idTag",),
            renamed={"idTag": "value"},
        ),
        then=BOARD_OF,
    ),
    Write(
        "Mutation.enableBoardPlugin",
        "POST",
        "/boards/{idBoard}/boardPlugins",
        from_input({**ON_BOARD, "idPlugin": object_id}, path=("idBoard",), required=("idPlugin",)),
    ),
    Write(
        "Mutation.disableBoardPlugin",
        "DELETE",
        "/boards/{idBoard}/boardPlugins/{idPlugin}",
        from_input({**ON_BOARD, "idPlugin": object_id}, path=("idBoard", "idPlugin")),
        then=BOARD_OF,
    ),
]
