"""Trello mappings of Notification fields and the notification entry point."""

from trelloql.resolvers.base import Fetch
from trelloql.resolvers.lookups import Lookup


def _about(name: str, type_name: str) -> Lookup:
    """`Notification.<name>`: the model it is about, null (uncalled) when its data has none."""
    return Lookup(
        f"Notification.{name}",
        f"/notifications/{{id}}/{name}",
        type_name,
        when=f"data.{name}",
        optional=True,
    )


MAPPINGS = [
    Fetch("Query.notification", "/notifications/{id}", "Notification"),
    Fetch("Notification.action", "/actions/{idAction}", "Action"),
    Fetch("Notification.memberCreator", "/notifications/{id}/memberCreator", "Member"),
    Lookup("Notification.member", "/notifications/{id}/member", "Member", optional=True),
    _about("board", "Board"),
    _about("card", "Card"),
    _about("list", "List"),
    _about("organization", "Organization"),
]
