"""Trello mappings of Label fields, the label entry point and the label mutations."""

from trelloql.resolvers.base import Args, Fetch, Mapping_, Upper, Write, WriteRequest
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.validation import board_id, checked, label_color, object_id, text

LABEL_RULES = {"name": text(0), "color": label_color}


def create_label(args: Args) -> WriteRequest:
    """`POST /labels`: Trello needs a color, null for a colorless label."""
    params = checked(args, {"idBoard": board_id, **LABEL_RULES}, required=("idBoard", "name"))
    params.setdefault("color", None)
    return {}, params


MAPPINGS: list[Mapping_] = [
    Fetch("Query.label", "/labels/{id}", "Label"),
    Upper("Label.color"),
    Write("Mutation.createLabel", "POST", "/labels", create_label),
    Write(
        "Mutation.updateLabel",
        "PUT",
        "/labels/{id}",
        from_input({"id": object_id, **LABEL_RULES}, path=("id",)),
    ),
    Write(
        "Mutation.deleteLabel",
        "DELETE",
        "/labels/{id}",
        from_input({"id": object_id}, path=("id",)),
        deleted(),
    ),
]
