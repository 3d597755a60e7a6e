"""Trello mappings of the member mutations: your own profile, stars, saved searches,
backgrounds, stickers, dismissed messages and notification settings.

Trello lets a member change only their own things; the paths name `me` where Trello allows.
"""

from __future__ import annotations

from typing import Any

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Fetch, Write, WriteRequest
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.resolvers.write_rules import build_with, full_name, nested, organization_name
from trelloql.validation import (
    INPUT,
    Rule,
    boolean,
    checked,
    description,
    enum_lower,
    name,
    number,
    object_id,
    position,
    text,
)

MEMBER_REF = text(1, 100)
"""A member's id, username or `me`."""
MEMBER_RULES: dict[str, Rule] = {
    "id": MEMBER_REF, "fullName": full_name, "initials": text(1, 4),
    "username": organization_name, "bio": description, "avatarSource": enum_lower,
}  # fmt: skip
PREFS_RULES: dict[str, Rule] = {
    "colorBlind": boolean, "locale": text(2, 20), "minutesBetweenSummaries": number(-1, 60),
}  # fmt: skip
SUMMARY_MINUTES = (-1, 1, 60)
THE_ITEM = {"id": object_id}
SEARCH_RULES: dict[str, Rule] = {"name": name, "query": name, "pos": position}
BACKGROUND_RULES: dict[str, Rule] = {**THE_ITEM, "brightness": enum_lower, "tile": boolean}


def _prefs(args: Args) -> dict[str, Any]:
    params = nested(args, "prefs", PREFS_RULES, "prefs", "/")
    minutes = params.get("prefs/minutesBetweenSummaries")
    if minutes is not None and minutes not in SUMMARY_MINUTES:
        where = "input.prefs.minutesBetweenSummaries"
        raise UserInputError(f"`{where}` must be -1, 1 or 60", where)
    return params


def _with_pos(rules: dict[str, Rule], required: tuple[str, ...]) -> Any:
    """A build that sends `pos` as `bottom` when absent (Trello requires it)."""

    def build(args: Args) -> WriteRequest:
        params = checked(args, rules, required)
        params.setdefault("pos", "bottom")
        return {}, params

    return build


def channel_settings(args: Args) -> WriteRequest:
    """`PUT /members/me/notificationsChannelSettings/{channel}` with the blocked keys."""
    given = args.get(INPUT) or {}
    if given.get("channel") is None or given.get("blockedKeys") is None:
        raise UserInputError("`input.channel` and `input.blockedKeys` are required", INPUT)
    keys = [
        enum_lower(key, f"input.blockedKeys[{n}]") for n, key in enumerate(given["blockedKeys"])
    ]
    return {"channel": enum_lower(given["channel"], "input.channel")}, {"blockedKeys": keys}


MAPPINGS = [
    Write(
        "Mutation.updateMember",
        "PUT",
        "/members/{id}",
        build_with(MEMBER_RULES, path=("id",), extra=_prefs),
    ),
    Write(
        "Mutation.starBoard",
        "POST",
        "/members/me/boardStars",
        _with_pos({"idBoard": object_id, "pos": position}, ("idBoard",)),
    ),
    Write(
        "Mutation.moveBoardStar",
        "PUT",
        "/members/me/boardStars/{id}",
        from_input({**THE_ITEM, "pos": position}, path=("id",), required=("pos",)),
    ),
    Write(
        "Mutation.unstarBoard",
        "DELETE",
        "/members/me/boardStars/{id}",
        from_input(THE_ITEM, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.createSavedSearch",
        "POST",
        "/members/me/savedSearches",
        _with_pos(SEARCH_RULES, ("name", "query")),
    ),
    Write(
        "Mutation.updateSavedSearch",
        "PUT",
        "/members/me/savedSearches/{id}",
        from_input({**THE_ITEM, **SEARCH_RULES}, path=("id",)),
    ),
    Write(
        "Mutation.deleteSavedSearch",
        "DELETE",
        "/members/me/savedSearches/{id}",
        from_input(THE_ITEM, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.updateBoardBackground",
        "PUT",
        "/members/me/boardBackgrounds/{id}",
        from_input(BACKGROUND_RULES, path=("id",)),
    ),
    Write(
        "Mutation.deleteBoardBackground",
        "DELETE",
        "/members/me/boardBackgrounds/{id}",
        from_input(THE_ITEM, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.updateCustomBoardBackground",
        "PUT",
        "/members/me/customBoardBackgrounds/{id}",
        from_input(BACKGROUND_RULES, path=("id",)),
    ),
    Write(
        "Mutation.deleteCustomBoardBackground",
        "DELETE",
        "/members/me/customBoardBackgrounds/{id}",
        from_input(THE_ITEM, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.deleteCustomSticker",
        "DELETE",
        "/members/me/customStickers/{id}",
        from_input(THE_ITEM, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.dismissOneTimeMessage",
        "POST",
        "/members/me/oneTimeMessagesDismissed",
        from_input({"message": text(1, 200)}, required=("message",), renamed={"message": "value"}),
        then=Fetch("Mutation.me", "/members/me", "Member"),
    ),
    Write(
        "Mutation.updateNotificationChannelSettings",
        "PUT",
        "/members/me/notificationsChannelSettings/{channel}",
        channel_settings,
    ),
]
