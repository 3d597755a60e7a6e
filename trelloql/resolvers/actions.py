"""Trello mappings of Action fields, its reactions, and the action entry point."""

from trelloql.resolvers.base import Fetch
from trelloql.resolvers.lookups import Lookup

MAPPINGS = [
    Fetch("Query.action", "/actions/{id}", "Action"),
    Fetch("Action.memberCreator", "/actions/{id}/memberCreator", "Member"),
    Lookup("Action.member", "/actions/{id}/member", "Member", optional=True),
    Lookup("Action.board", "/actions/{id}/board", "Board", when="data.board", optional=True),
    Lookup("Action.card", "/actions/{id}/card", "Card", when="data.card", optional=True),
    Lookup("Action.list", "/actions/{id}/list", "List", when="data.list", optional=True),
    Lookup(
        "Action.organization",
        "/actions/{id}/organization",
        "Organization",
        when="data.organization",
        optional=True,
    ),
    Lookup("Action.reactions", "/actions/{id}/reactions", "Reaction", fields_param=None),
    Lookup(
        "Action.reaction",
        "/actions/{id}/reactions/{idReaction}",
        "Reaction",
        from_args=("idReaction",),
        fields_param=None,
    ),
    Lookup(
        "Action.reactionsSummary",
        "/actions/{id}/reactionsSummary",
        "ReactionSummary",
        fields_param=None,
    ),
    Fetch("Reaction.member", "/members/{idMember}", "Member"),
]
