"""Trello mappings of Action fields and the action entry point."""

from trelloql.resolvers.base import Fetch

MAPPINGS = [
    Fetch("Query.action", "/actions/{id}", "Action"),
    Fetch("Action.memberCreator", "/actions/{id}/memberCreator", "Member"),
]
