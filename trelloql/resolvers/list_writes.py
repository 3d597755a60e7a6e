"""Trello mappings of the list mutations: create, rename, move, archive, and their cards."""

from __future__ import annotations

from trelloql.resolvers.base import Fetch, Write
from trelloql.resolvers.mutations import from_input
from trelloql.validation import board_id, boolean, name, object_id, position

THE_LIST = {"id": object_id}
UPDATE_RULES = {
    **THE_LIST, "name": name, "closed": boolean, "pos": position, "idBoard": object_id,
    "subscribed": boolean,
}  # fmt: skip
LIST = Fetch("Mutation.list", "/lists/{id}", "List")
"""The list, read back after a write whose reply is not the list."""

MAPPINGS = [
    Write(
        "Mutation.createList",
        "POST",
        "/lists",
        from_input(
            {"idBoard": board_id, "name": name, "pos": position, "idListSource": object_id},
            required=("idBoard", "name"),
        ),
    ),
    Write(
        "Mutation.updateList",
        "PUT",
        "/lists/{id}",
        from_input(UPDATE_RULES, path=("id",)),
    ),
    Write(
        "Mutation.renameList",
        "PUT",
        "/lists/{id}/name",
        from_input(
            {**THE_LIST, "name": name}, path=("id",), required=("name",), renamed={"name": "value"}
        ),
    ),
    Write(
        "Mutation.archiveList",
        "PUT",
        "/lists/{id}/closed",
        from_input(THE_LIST, path=("id",), fixed={"value": True}),
    ),
    Write(
        "Mutation.unarchiveList",
        "PUT",
        "/lists/{id}/closed",
        from_input(THE_LIST, path=("id",), fixed={"value": False}),
    ),
    Write(
        "Mutation.moveListToBoard",
        "PUT",
        "/lists/{id}/idBoard",
        from_input(
            {**THE_LIST, "idBoard": object_id},
            path=("id",),
            required=("idBoard",),
            renamed={"idBoard": "value"},
        ),
    ),
    Write(
        "Mutation.moveAllCardsInList",
        "POST",
        "/lists/{id}/moveAllCards",
        from_input(
            {**THE_LIST, "idBoard": object_id, "idList": object_id},
            path=("id",),
            required=("idBoard", "idList"),
        ),
    ),
    Write(
        "Mutation.archiveAllCardsInList",
        "POST",
        "/lists/{id}/archiveAllCards",
        from_input(THE_LIST, path=("id",)),
        then=LIST,
    ),
]
