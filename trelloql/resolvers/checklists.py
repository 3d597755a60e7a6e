"""Trello mappings of Checklist and CheckItem fields and the checklist entry point."""

from trelloql.resolvers.base import Fetch, Upper

MAPPINGS = [
    Fetch("Query.checklist", "/checklists/{id}", "Checklist"),
    Fetch("Checklist.checkItems", "/checklists/{id}/checkItems", "CheckItem"),
    Fetch("Checklist.card", "/cards/{idCard}", "Card"),
    Upper("CheckItem.state"),
]
