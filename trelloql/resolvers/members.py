"""Trello mappings of Member fields and the member entry points."""

import re

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Fetch, filter_param
from trelloql.resolvers.lookups import Lookup
from trelloql.resolvers.paging import NOTIFICATIONS, action_params

_NOTIFICATION_TYPE = re.compile(r"^[A-Za-z_]+$")


def notification_params(args: Args) -> dict[str, str]:
    """Trello's notification type and read filters and the NOTIFICATIONS paging."""
    params = NOTIFICATIONS.params(args)
    wanted = args.get("filter")
    if wanted:
        for item in wanted:
            if not _NOTIFICATION_TYPE.match(item):
                raise UserInputError(f"`filter` item {item!r} is not a notification type", "filter")
        params["filter"] = ",".join(wanted)
    params["read_filter"] = str(args.get("readFilter") or "ALL").lower()
    return params


def _single(field: str, path: str, type_name: str, arg: str) -> Lookup:
    """A member's sub-resource by id (`Member.savedSearch(idSearch:)`)."""
    return Lookup(field, path, type_name, from_args=(arg,), fields_param=None)


MAPPINGS = [
    Fetch("Query.me", "/members/me", "Member"),
    Fetch("Query.member", "/members/{id}", "Member"),
    Fetch("Member.boards", "/members/{id}/boards", "Board", filter_param),
    Fetch("Member.organizations", "/members/{id}/organizations", "Organization", filter_param),
    Fetch("Member.cards", "/members/{id}/cards", "Card", filter_param),
    Fetch("Member.actions", "/members/{id}/actions", "Action", action_params),
    Lookup("Member.boardStars", "/members/{id}/boardStars", "BoardStar", fields_param=None),
    _single("Member.boardStar", "/members/{id}/boardStars/{idStar}", "BoardStar", "idStar"),
    Fetch("Member.boardsInvited", "/members/{id}/boardsInvited", "Board"),
    Fetch("Member.organizationsInvited", "/members/{id}/organizationsInvited", "Organization"),
    Lookup("Member.savedSearches", "/members/{id}/savedSearches", "SavedSearch", fields_param=None),
    _single(
        "Member.savedSearch", "/members/{id}/savedSearches/{idSearch}", "SavedSearch", "idSearch"
    ),
    Fetch(
        "Member.notifications", "/members/{id}/notifications", "Notification", notification_params
    ),
    Lookup(
        "Member.notificationChannelSettings",
        "/members/{id}/notificationsChannelSettings",
        "NotificationChannelSettings",
        fields_param=None,
    ),
    Lookup(
        "Member.notificationChannelSetting",
        "/members/{id}/notificationsChannelSettings/{channel}",
        "NotificationChannelSettings",
        from_args=("channel",),
        enums=("channel",),
        fields_param=None,
    ),
    Lookup(
        "Member.tokens",
        "/members/{id}/tokens",
        "Token",
        lambda _args: {"webhooks": "true"},
        fields_param=None,
    ),
    Lookup(
        "Member.boardBackgrounds",
        "/members/{id}/boardBackgrounds",
        "BoardBackground",
        filter_param,
        fields_param=None,
    ),
    _single(
        "Member.boardBackground",
        "/members/{id}/boardBackgrounds/{idBackground}",
        "BoardBackground",
        "idBackground",
    ),
    Lookup(
        "Member.customBoardBackgrounds",
        "/members/{id}/customBoardBackgrounds",
        "BoardBackground",
        fields_param=None,
    ),
    _single(
        "Member.customBoardBackground",
        "/members/{id}/customBoardBackgrounds/{idBackground}",
        "BoardBackground",
        "idBackground",
    ),
    Lookup("Member.customEmoji", "/members/{id}/customEmoji", "CustomEmoji", fields_param=None),
    _single(
        "Member.customEmojiById", "/members/{id}/customEmoji/{idEmoji}", "CustomEmoji", "idEmoji"
    ),
    Lookup(
        "Member.customStickers", "/members/{id}/customStickers", "CustomSticker", fields_param=None
    ),
    _single(
        "Member.customSticker",
        "/members/{id}/customStickers/{idSticker}",
        "CustomSticker",
        "idSticker",
    ),
]
