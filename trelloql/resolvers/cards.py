"""Trello mappings of Card fields and the card entry point."""

from trelloql.resolvers.base import Embedded, Fetch

MAPPINGS = [
    Fetch("Query.card", "/cards/{id}", "Card"),
    Fetch("Card.board", "/boards/{idBoard}", "Board"),
    Fetch("Card.list", "/lists/{idList}", "List"),
    Fetch("Card.members", "/cards/{id}/members", "Member"),
    Embedded("Card.labels", "labels", "Label"),
    Fetch("Card.checklists", "/cards/{id}/checklists", "Checklist"),
    Fetch("Card.attachments", "/cards/{id}/attachments", "Attachment"),
    Fetch("Card.comments", "/cards/{id}/actions", "Action", lambda _a: {"filter": "commentCard"}),
]
