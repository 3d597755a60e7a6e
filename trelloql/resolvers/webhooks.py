"""Trello mappings of Webhook fields, the webhook entry point and the webhook mutations."""

from trelloql.resolvers.base import Mapping_, Write
from trelloql.resolvers.lookups import Lookup
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.validation import boolean, description, object_id, url

RULES = {"idModel": object_id, "callbackURL": url, "description": description, "active": boolean}

MAPPINGS: list[Mapping_] = [
    Lookup("Query.webhook", "/webhooks/{id}", "Webhook", fields_param=None),
    Write(
        "Mutation.createWebhook",
        "POST",
        "/webhooks/",
        from_input(RULES, required=("idModel", "callbackURL")),
    ),
    Write(
        "Mutation.updateWebhook",
        "PUT",
        "/webhooks/{id}",
        from_input({"id": object_id, **RULES}, path=("id",)),
    ),
    Write(
        "Mutation.deleteWebhook",
        "DELETE",
        "/webhooks/{id}",
        from_input({"id": object_id}, path=("id",)),
        deleted(),
    ),
]
