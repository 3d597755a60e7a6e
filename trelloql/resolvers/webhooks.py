"""Trello mappings of Webhook fields and the webhook entry point."""

from trelloql.resolvers.lookups import Lookup

MAPPINGS = [
    Lookup("Query.webhook", "/webhooks/{id}", "Webhook", fields_param=None),
]
