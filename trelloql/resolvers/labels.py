"""Trello mappings of Label fields and the label entry point."""

from trelloql.resolvers.base import Fetch, Upper

MAPPINGS = [
    Fetch("Query.label", "/labels/{id}", "Label"),
    Upper("Label.color"),
]
