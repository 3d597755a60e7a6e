"""Which Trello query params only add nested data to an answer, and which change it."""

from __future__ import annotations

# Nested-resource params: each only adds a key (`lists`, `cards`, ...) to the answer, so
# a GET carrying more of them still answers a GET carrying fewer.
NESTED_PARAMS = frozenset(
    {
        "actions",
        "actions_limit",
        "actions_before",
        "actions_since",
        "action_memberCreator",
        "attachments",
        "board",
        "boards",
        "card_attachments",
        "card_checklists",
        "card_members",
        "cards",
        "checkItems",
        "checklists",
        "labels",
        "labels_limit",
        "list",
        "lists",
        "members",
        "memberCreator",
        "organization",
        "organizations",
    }
)


def is_field_set(name: str) -> bool:
    """`fields` and `<sub>_fields`: comma lists whose union answers each part."""
    return name == "fields" or name.endswith("_fields")


def split_params(params: dict[str, str]) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Plain params, and field-set params as sets."""
    plain: dict[str, str] = {}
    sets: dict[str, frozenset[str]] = {}
    for name, value in params.items():
        if is_field_set(name):
            sets[name] = frozenset(value.split(","))
        else:
            plain[name] = value
    return plain, sets
