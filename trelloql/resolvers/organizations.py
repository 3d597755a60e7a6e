"""Trello mappings of Organization fields and the workspace entry point."""

from trelloql.resolvers.base import Fetch, filter_param

MAPPINGS = [
    Fetch("Query.organization", "/organizations/{id}", "Organization"),
    Fetch("Organization.boards", "/organizations/{id}/boards", "Board", filter_param),
    Fetch("Organization.members", "/organizations/{id}/members", "Member"),
]
