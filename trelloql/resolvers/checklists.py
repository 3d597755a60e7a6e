"""Trello mappings of Checklist and CheckItem fields, the checklist entry point and mutations."""

from trelloql.resolvers.base import Fetch, Mapping_, Upper, Write
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.validation import (
    boolean,
    card_id,
    datetime_iso,
    enum_lower,
    name,
    nullable,
    object_id,
    position,
)

CHECKLIST_RULES = {"name": name, "pos": position}
CREATE_CHECKLIST_RULES = {**CHECKLIST_RULES, "idCard": card_id, "idChecklistSource": object_id}
CREATE_ITEM_RULES = {
    "idChecklist": object_id, "name": name, "pos": position, "checked": boolean,
    "due": datetime_iso,
}  # fmt: skip
UPDATE_ITEM_RULES = {
    "idCard": card_id, "id": object_id, "name": name, "state": enum_lower, "pos": position,
    "due": nullable(datetime_iso), "idChecklist": object_id,
}  # fmt: skip
ITEM_REF_RULES = {"idCard": card_id, "idChecklist": object_id, "idCheckItem": object_id}

MAPPINGS: list[Mapping_] = [
    Fetch("Query.checklist", "/checklists/{id}", "Checklist"),
    Fetch("Checklist.checkItems", "/checklists/{id}/checkItems", "CheckItem"),
    Fetch("Checklist.card", "/cards/{idCard}", "Card"),
    Upper("CheckItem.state"),
    Write(
        "Mutation.createChecklist",
        "POST",
        "/cards/{idCard}/checklists",
        from_input(CREATE_CHECKLIST_RULES, path=("idCard",)),
    ),
    Write(
        "Mutation.updateChecklist",
        "PUT",
        "/checklists/{id}",
        from_input({**CHECKLIST_RULES, "id": object_id}, path=("id",)),
    ),
    Write(
        "Mutation.deleteChecklist",
        "DELETE",
        "/checklists/{id}",
        from_input({"id": object_id}, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.createCheckItem",
        "POST",
        "/checklists/{idChecklist}/checkItems",
        from_input(CREATE_ITEM_RULES, path=("idChecklist",), required=("name",)),
    ),
    Write(
        "Mutation.updateCheckItem",
        "PUT",
        "/cards/{idCard}/checkItem/{id}",
        from_input(UPDATE_ITEM_RULES, path=("idCard", "id")),
    ),
    Write(
        "Mutation.deleteCheckItem",
        "DELETE",
        "/checklists/{idChecklist}/checkItems/{id}",
        from_input({"idChecklist": object_id, "id": object_id}, path=("idChecklist", "id")),
        deleted(),
    ),
    Write(
        "Mutation.convertCheckItemToCard",
        "POST",
        "/cards/{idCard}/checklist/{idChecklist}/checkItem/{idCheckItem}/convertToCard",
        from_input(ITEM_REF_RULES, path=tuple(ITEM_REF_RULES)),
    ),
]
