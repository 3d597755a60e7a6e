"""Custom fields: a board's definitions, their options, a card's values; reads and writes."""

from __future__ import annotations

import json
from typing import Any

from .context import Ctx
from .errors import TrelloError, invalid_value
from .ids import iso, parse_iso
from .inputs import boolean, object_id, one_of, position, text
from .records import find
from .routing import Router
from .seed import Record
from .seed_cards import POS
from .views import LABEL_COLORS


def custom_field(ctx: Ctx, ref: str) -> Record:
    """A custom field on a board the viewer can read."""
    field = find(ctx.store.data.custom_fields, ref)
    ctx.board(field["idModel"])
    return field


def fields_of_board(ctx: Ctx, board_id: str) -> list[Record]:
    """A board's custom fields by position."""
    found = [f for f in ctx.store.data.custom_fields.values() if f["idModel"] == board_id]
    return sorted(found, key=lambda f: f["pos"])


def items_of_card(ctx: Ctx, card_id: str) -> list[Record]:
    """A card's custom field values."""
    return [i for i in ctx.store.data.custom_field_items.values() if i["idModel"] == card_id]


def render_field(field: Record) -> Record:
    """A custom field as Trello sends it (options copied, not shared)."""
    return {
        **field,
        "display": dict(field["display"]),
        "options": [dict(o) for o in field["options"]],
    }


def get_custom_field(ctx: Ctx) -> dict[str, Any]:
    """``GET /customFields/{id}``."""
    return render_field(custom_field(ctx, ctx.params["field"]))


def get_options(ctx: Ctx) -> list[Record]:
    """``GET /customFields/{id}/options``."""
    return [dict(o) for o in custom_field(ctx, ctx.params["field"])["options"]]


def get_option(ctx: Ctx) -> dict[str, Any]:
    """``GET /customFields/{id}/options/{idCustomFieldOption}``."""
    options = {o["id"]: o for o in custom_field(ctx, ctx.params["field"])["options"]}
    return dict(find(options, ctx.params["option"]))


def get_board_fields(ctx: Ctx) -> list[Record]:
    """``GET /boards/{id}/customFields``."""
    board = ctx.board(ctx.params["board"])
    return [render_field(f) for f in fields_of_board(ctx, board["id"])]


def get_card_items(ctx: Ctx) -> list[Record]:
    """``GET /cards/{id}/customFieldItems``."""
    card = ctx.card(ctx.params["card"])
    return [dict(i) for i in items_of_card(ctx, card["id"])]


TYPES = ("checkbox", "date", "list", "number", "text")
COLORS = (*LABEL_COLORS, "none")


def _json_list(ctx: Ctx, name: str) -> list[Any]:
    """A list of JSON objects sent in a JSON body (read back from its query-string spelling)."""
    value = ctx.arg(name)
    if value is None:
        return []
    try:
        parsed = json.loads(f"[{value}]")
    except ValueError:
        raise invalid_value(name) from None
    if not all(isinstance(item, dict) for item in parsed):
        raise invalid_value(name)
    return parsed


def _json_object(ctx: Ctx, name: str) -> dict[str, Any] | None:
    value = ctx.arg(name)
    if value in (None, "", "null"):
        return None
    try:
        parsed = json.loads(value or "")
    except ValueError:
        raise invalid_value(name) from None
    if not isinstance(parsed, dict):
        raise invalid_value(name)
    return parsed


def _new_option(ctx: Ctx, field: Record, given: dict[str, Any], name: str) -> Record:
    text_value = (given.get("value") or {}).get("text")
    color = given.get("color") or "none"
    if not isinstance(text_value, str) or not text_value or color not in COLORS:
        raise invalid_value(name)
    places = [o["pos"] for o in field["options"]]
    pos = given.get("pos", "bottom")
    if pos == "top":
        pos = (min(places) / 2) if places else POS
    elif pos == "bottom" or not isinstance(pos, int | float) or pos <= 0:
        pos = (max(places) + POS) if places else POS
    return {
        "id": ctx.store.mint("customFieldOption"), "idCustomField": field["id"],
        "value": {"text": text_value}, "color": color, "pos": pos,
    }  # fmt: skip


def _writable_field(ctx: Ctx, ref: str) -> Record:
    field = custom_field(ctx, ref)
    ctx.check_write(field["idModel"])
    return field


def create_field(ctx: Ctx) -> dict[str, Any]:
    """``POST /customFields`` with ``idModel`` (a board), ``name``, ``type``, ``pos``..."""
    if ctx.arg("modelType") != "board":
        raise invalid_value("modelType")
    board = ctx.board(object_id(ctx, "idModel") or "")
    ctx.check_write(board["id"])
    name = text(ctx, "name", required=True, low=1)
    kind = one_of(ctx, "type", TYPES)
    if kind is None:
        raise invalid_value("type")
    front = boolean(ctx, "display_cardFront")
    field: Record = {
        "id": ctx.store.mint("customField"), "idModel": board["id"], "modelType": "board",
        "fieldGroup": ctx.store.mint("fieldGroup"), "name": name, "type": kind,
        "pos": position(ctx, "pos", fields_of_board(ctx, board["id"])),
        "display": {"cardFront": True if front is None else front}, "options": [],
        "isSuggestedField": False,
    }  # fmt: skip
    for given in _json_list(ctx, "options"):
        if kind != "list":
            raise invalid_value("options")
        field["options"].append(_new_option(ctx, field, given, "options"))
    ctx.store.data.custom_fields[field["id"]] = field
    return render_field(field)


def update_field(ctx: Ctx) -> dict[str, Any]:
    """``PUT /customFields/{id}`` with ``name``, ``pos``, ``display/cardFront``."""
    field = _writable_field(ctx, ctx.params["field"])
    name = text(ctx, "name", low=1)
    if name is not None:
        field["name"] = name
    if "pos" in ctx.query:
        siblings = [f for f in fields_of_board(ctx, field["idModel"]) if f is not field]
        field["pos"] = position(ctx, "pos", siblings)
    front = boolean(ctx, "display/cardFront")
    if front is not None:
        field["display"]["cardFront"] = front
    return render_field(field)


def delete_field(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /customFields/{id}``: the field and every card's value for it."""
    field = _writable_field(ctx, ctx.params["field"])
    data = ctx.store.data
    del data.custom_fields[field["id"]]
    for key in [k for k, i in data.custom_field_items.items() if i["idCustomField"] == field["id"]]:
        del data.custom_field_items[key]
    return {"_value": None}


def add_option(ctx: Ctx) -> dict[str, Any]:
    """``POST /customFields/{id}/options`` with ``value.text``, ``color``, ``pos``."""
    field = _writable_field(ctx, ctx.params["field"])
    if field["type"] != "list":
        raise TrelloError(400, "Custom field is not a list")
    given: dict[str, Any] = {"value": _json_object(ctx, "value") or {}, "color": ctx.arg("color")}
    if ctx.arg("pos") is not None:
        raw = ctx.arg("pos") or ""
        given["pos"] = raw if raw in ("top", "bottom") else float(raw) if _number(raw) else -1
    option = _new_option(ctx, field, given, "value")
    field["options"].append(option)
    field["options"].sort(key=lambda o: o["pos"])
    return dict(option)


def _number(text_value: str) -> bool:
    try:
        float(text_value)
    except ValueError:
        return False
    return True


def delete_option(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /customFields/{id}/options/{idOption}``; cards that chose it lose their value."""
    field = _writable_field(ctx, ctx.params["field"])
    option = find({o["id"]: o for o in field["options"]}, ctx.params["option"])
    field["options"].remove(option)
    items = ctx.store.data.custom_field_items
    for key in [k for k, i in items.items() if i.get("idValue") == option["id"]]:
        del items[key]
    return {"_value": None}


def _set(ctx: Ctx, card: Record, field: Record, value: Any, id_value: Any, name: str) -> Record:
    """Set (or clear, for empty ``value`` and ``idValue``) a card's value; answers the item."""
    if field["idModel"] != card["idBoard"]:
        raise invalid_value(name)
    items = ctx.store.data.custom_field_items
    item = next(
        (
            i
            for i in items.values()
            if (i["idModel"], i["idCustomField"]) == (card["id"], field["id"])
        ),
        None,
    )
    if item is None:
        item = {
            "id": ctx.store.mint("customFieldItem"), "idCustomField": field["id"],
            "idModel": card["id"], "modelType": "card",
        }  # fmt: skip
    item.pop("value", None)
    item.pop("idValue", None)
    if value in (None, "", {}) and id_value in (None, ""):
        items.pop(item["id"], None)
        return {**item, "value": None, "idValue": None}
    if field["type"] == "list":
        if id_value not in {o["id"] for o in field["options"]}:
            raise invalid_value(name)
        item["idValue"] = id_value
    else:
        item["value"] = _checked_value(field["type"], value, name)
    items[item["id"]] = item
    return dict(item)


VALUE_KEYS = {"checkbox": "checked", "date": "date", "number": "number", "text": "text"}


def _checked_value(field_type: str, value: Any, name: str) -> dict[str, str]:
    """A value of the field's type, as Trello stores it (strings)."""
    kind = VALUE_KEYS[field_type]
    if not isinstance(value, dict) or set(value) != {kind}:
        raise invalid_value(name)
    raw = value[kind]
    if kind == "text" and isinstance(raw, str):
        return {"text": raw}
    if kind == "number" and _number(str(raw)) and not isinstance(raw, bool):
        return {"number": str(raw)}
    if kind == "checked" and str(raw).lower() in ("true", "false"):
        return {"checked": str(raw).lower()}
    if kind == "date" and isinstance(raw, str) and parse_iso(raw) is not None:
        return {"date": iso(parse_iso(raw) or 0)}
    raise invalid_value(name)


def set_item(ctx: Ctx) -> dict[str, Any]:
    """``PUT /cards/{idCard}/customField/{idCustomField}/item`` with ``value`` or ``idValue``."""
    card = ctx.writable_card(ctx.params["card"])
    field = custom_field(ctx, ctx.params["field"])
    raw = ctx.arg("value")
    value = None if raw in (None, "") else _json_object(ctx, "value")
    return _set(ctx, card, field, value, ctx.arg("idValue"), "value")


def set_items(ctx: Ctx) -> list[Any]:
    """``PUT /cards/{idCard}/customFields`` with ``customFieldItems``."""
    card = ctx.writable_card(ctx.params["card"])
    for given in _json_list(ctx, "customFieldItems"):
        field = custom_field(ctx, str(given.get("idCustomField") or ""))
        value = given.get("value")
        _set(
            ctx,
            card,
            field,
            None if value == "" else value,
            given.get("idValue"),
            "customFieldItems",
        )
    return []


def register(router: Router) -> None:
    """Add the custom field routes."""
    router.add("/customFields", create_field, method="POST")
    router.add("/customFields/{field}", update_field, method="PUT")
    router.add("/customFields/{field}", delete_field, method="DELETE")
    router.add("/customFields/{field}/options", add_option, method="POST")
    router.add("/customFields/{field}/options/{option}", delete_option, method="DELETE")
    router.add("/cards/{card}/customField/{field}/item", set_item, method="PUT")
    router.add("/cards/{card}/customFields", set_items, method="PUT")
    router.add("/customFields/{field}", get_custom_field)
    router.add("/customFields/{field}/options", get_options)
    router.add("/customFields/{field}/options/{option}", get_option)
    router.add("/boards/{board}/customFields", get_board_fields)
    router.add("/cards/{card}/customFieldItems", get_card_items)
