"""Trello mappings of custom fields (board definitions) and custom field items (card values)."""

from trelloql.resolvers.base import Fetch, Upper
from trelloql.resolvers.lookups import Lookup

MAPPINGS = [
    Lookup("Query.customField", "/customFields/{id}", "CustomField", fields_param=None),
    Lookup("Board.customFields", "/boards/{id}/customFields", "CustomField", fields_param=None),
    Lookup(
        "Card.customFieldItems",
        "/cards/{id}/customFieldItems",
        "CustomFieldItem",
        fields_param=None,
    ),
    Upper("CustomField.type"),
    Fetch("CustomField.board", "/boards/{idModel}", "Board"),
    Lookup(
        "CustomField.options", "/customFields/{id}/options", "CustomFieldOption", fields_param=None
    ),
    Lookup(
        "CustomField.option",
        "/customFields/{id}/options/{idCustomFieldOption}",
        "CustomFieldOption",
        from_args=("idCustomFieldOption",),
        fields_param=None,
    ),
    Lookup(
        "CustomFieldOption.customField",
        "/customFields/{idCustomField}",
        "CustomField",
        fields_param=None,
    ),
    Lookup(
        "CustomFieldItem.customField",
        "/customFields/{idCustomField}",
        "CustomField",
        fields_param=None,
    ),
    Lookup(
        "CustomFieldItem.option",
        "/customFields/{idCustomField}/options/{idValue}",
        "CustomFieldOption",
        fields_param=None,
    ),
    Fetch("CustomFieldItem.card", "/cards/{idModel}", "Card"),
]
