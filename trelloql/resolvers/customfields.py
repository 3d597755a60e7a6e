"""Trello mappings of custom fields (board definitions) and custom field items (card values),
their entry point and their mutations."""

from typing import Any

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Fetch, Mapping_, Upper, Write, WriteRequest
from trelloql.resolvers.lookups import Lookup
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.validation import (
    INPUT,
    Rule,
    boolean,
    card_id,
    checked,
    datetime_iso,
    enum_lower,
    name,
    number,
    object_id,
    path_values,
    position,
    text,
)

MAPPINGS: list[Mapping_] = [
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

COLOR = text(1, 20)
OPTION_RULES: dict[str, Rule] = {"text": name, "color": COLOR, "pos": position}
MAX_ITEMS = 50


def _option(value: Any, field: str) -> dict[str, Any]:
    params = checked({field: value}, OPTION_RULES, ("text",), argument=field)
    option: dict[str, Any] = {"value": {"text": params.pop("text")}}
    option.update(params)
    return option


def _options(value: Any, field: str) -> list[dict[str, Any]]:
    return [_option(item, f"{field}[{index}]") for index, item in enumerate(value or [])]


VALUE_RULES: dict[str, Rule] = {
    "text": text(0), "number": number(-1e15, 1e15), "date": datetime_iso, "checked": boolean,
}  # fmt: skip


def custom_value(value: Any, field: str) -> dict[str, Any]:
    """A CustomFieldValueInput as Trello's body: `{"value": {...}}`, `{"idValue": ...}` or `""`.

    At most one member may be set; none (or a null value) clears the card's value.
    """
    given = {k: v for k, v in (value or {}).items() if v is not None}
    if len(given) > 1:
        raise UserInputError(f"`{field}` must set one member at most", field)
    if not given:
        return {"value": "", "idValue": ""}
    ((kind, raw),) = given.items()
    where = f"{field}.{kind}"
    if kind == "idValue":
        return {"idValue": object_id(raw, where)}
    checked_value = VALUE_RULES[kind](raw, where)
    if kind == "number":
        checked_value = f"{checked_value:g}"
    elif kind == "checked":
        checked_value = "true" if checked_value else "false"
    return {"value": {kind: checked_value}}


CREATE_RULES: dict[str, Rule] = {
    "idBoard": object_id, "name": name, "type": enum_lower, "pos": position,
    "cardFront": boolean, "options": _options,
}  # fmt: skip


def create_field(args: Args) -> WriteRequest:
    """`POST /customFields`: the board as Trello's `idModel`, display and options flattened."""
    params = checked(args, CREATE_RULES, ("idBoard", "name", "type"))
    body: dict[str, Any] = {
        "idModel": params.pop("idBoard"), "modelType": "board", "name": params["name"],
        "type": params["type"], "pos": params.get("pos", "bottom"),
        "display_cardFront": params.get("cardFront", True),
    }  # fmt: skip
    if params.get("options"):
        if params["type"] != "list":
            raise UserInputError("`input.options` is only for a `LIST` field", "input.options")
        body["options"] = params["options"]
    return {}, body


def update_field(args: Args) -> WriteRequest:
    """`PUT /customFields/{id}`: `cardFront` as Trello's `display/cardFront`."""
    params = checked(
        args, {"id": object_id, "name": name, "pos": position, "cardFront": boolean}, ("id",)
    )
    values = path_values(params, "id")
    if "cardFront" in params:
        params["display/cardFront"] = params.pop("cardFront")
    return values, params


def add_option(args: Args) -> WriteRequest:
    """`POST /customFields/{id}/options`."""
    params = checked(args, {"idCustomField": object_id, **OPTION_RULES}, ("idCustomField", "text"))
    values = path_values(params, "idCustomField")
    body: dict[str, Any] = {"value": {"text": params.pop("text")}, **params}
    return values, body


def set_item(args: Args) -> WriteRequest:
    """`PUT /cards/{idCard}/customField/{idCustomField}/item`."""
    params = checked(
        args, {"idCard": card_id, "idCustomField": object_id}, ("idCard", "idCustomField")
    )
    value = (args.get(INPUT) or {}).get("value")
    return path_values(params, "idCard", "idCustomField"), custom_value(value, "input.value")


def set_items(args: Args) -> WriteRequest:
    """`PUT /cards/{idCard}/customFields` with Trello's `customFieldItems` list."""
    params = checked(args, {"idCard": card_id}, ("idCard", "items"))
    items = (args.get(INPUT) or {}).get("items") or []
    if not 1 <= len(items) <= MAX_ITEMS:
        raise UserInputError(f"`input.items` must hold 1 to {MAX_ITEMS} values", "input.items")
    body = []
    for index, item in enumerate(items):
        where = f"input.items[{index}]"
        field = object_id(item.get("idCustomField"), f"{where}.idCustomField")
        body.append({"idCustomField": field, **custom_value(item.get("value"), f"{where}.value")})
    return path_values(params, "idCard"), {"customFieldItems": body}


MAPPINGS += [
    Write("Mutation.createCustomField", "POST", "/customFields", create_field),
    Write("Mutation.updateCustomField", "PUT", "/customFields/{id}", update_field),
    Write(
        "Mutation.deleteCustomField",
        "DELETE",
        "/customFields/{id}",
        from_input({"id": object_id}, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.addCustomFieldOption", "POST", "/customFields/{idCustomField}/options", add_option
    ),
    Write(
        "Mutation.deleteCustomFieldOption",
        "DELETE",
        "/customFields/{idCustomField}/options/{idCustomFieldOption}",
        from_input(
            {"idCustomField": object_id, "idCustomFieldOption": object_id},
            path=("idCustomField", "idCustomFieldOption"),
        ),
        deleted("idCustomFieldOption"),
    ),
    Write(
        "Mutation.setCustomFieldItem",
        "PUT",
        "/cards/{idCard}/customField/{idCustomField}/item",
        set_item,
    ),
    Write(
        "Mutation.setCustomFieldItems",
        "PUT",
        "/cards/{idCard}/customFields",
        set_items,
        then=Fetch("Mutation.card", "/cards/{idCard}", "Card"),
    ),
]
