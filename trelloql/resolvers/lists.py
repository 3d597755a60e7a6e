"""Trello mappings of List fields and the list entry point."""

from trelloql.resolvers.base import Fetch, filter_param
from trelloql.resolvers.paging import action_params

MAPPINGS = [
    Fetch("Query.list", "/lists/{id}", "List"),
    Fetch("List.board", "/boards/{idBoard}", "Board"),
    Fetch("List.cards", "/lists/{id}/cards", "Card", filter_param),
    Fetch("List.actions", "/lists/{id}/actions", "Action", action_params),
]
