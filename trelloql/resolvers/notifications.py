"""Trello mappings of Notification fields, the notification entry point and mutations."""

from trelloql.resolvers.base import Fetch, Mapping_, Write
from trelloql.resolvers.lookups import Lookup
from trelloql.resolvers.mutations import from_input
from trelloql.validation import boolean, card_id, id_list, object_id


def _about(name: str, type_name: str) -> Lookup:
    """`Notification.<name>`: the model it is about, null (uncalled) when its data has none."""
    return Lookup(
        f"Notification.{name}",
        f"/notifications/{{id}}/{name}",
        type_name,
        when=f"data.{name}",
        optional=True,
    )


MAPPINGS: list[Mapping_] = [
    Fetch("Query.notification", "/notifications/{id}", "Notification"),
    Fetch("Notification.action", "/actions/{idAction}", "Action"),
    Fetch("Notification.memberCreator", "/notifications/{id}/memberCreator", "Member"),
    Lookup("Notification.member", "/notifications/{id}/member", "Member", optional=True),
    _about("board", "Board"),
    _about("card", "Card"),
    _about("list", "List"),
    _about("organization", "Organization"),
]

MAPPINGS += [
    Write(
        "Mutation.markNotificationRead",
        "PUT",
        "/notifications/{id}",
        from_input({"id": object_id}, path=("id",), fixed={"unread": False}),
    ),
    Write(
        "Mutation.markNotificationUnread",
        "PUT",
        "/notifications/{id}/unread",
        from_input({"id": object_id}, path=("id",), fixed={"value": True}),
        then=Fetch("Mutation.notification", "/notifications/{id}", "Notification"),
    ),
    Write(
        "Mutation.markAllNotificationsRead",
        "POST",
        "/notifications/all/read",
        from_input({"ids": id_list, "read": boolean}),
        then=Fetch("Mutation.me", "/members/me", "Member"),
    ),
    Write(
        "Mutation.markCardNotificationsRead",
        "POST",
        "/cards/{idCard}/markAssociatedNotificationsRead",
        from_input({"idCard": card_id}, path=("idCard",)),
        then=Fetch("Mutation.card", "/cards/{idCard}", "Card"),
    ),
]
