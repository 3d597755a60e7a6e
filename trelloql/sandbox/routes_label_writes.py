"""Label writes: ``POST /labels``, ``PUT /labels/{id}[/{field}]``, ``DELETE /labels/{id}``."""

from __future__ import annotations

from typing import Any

from .changes import label_ref, record_action, touch
from .context import Ctx
from .errors import invalid_value
from .inputs import NULL, linkable_id, one_of, text
from .routing import Router
from .seed import Record
from .seed_cards import board_ref
from .views import LABEL_COLORS, label_view

LABEL_FIELDS = ("color", "name")


def _color(ctx: Ctx, name: str = "color") -> str | None:
    """A label color, or None for ``null`` (a colorless label)."""
    value = ctx.arg(name)
    if value is None or value in NULL:
        return None
    if value not in LABEL_COLORS:
        raise invalid_value(name)
    return value


def create_label(ctx: Ctx) -> dict[str, Any]:
    """``POST /labels`` with ``name``, ``color`` and ``idBoard``."""
    reference = linkable_id(ctx, "idBoard")
    name = text(ctx, "name", required=True)
    if "color" not in ctx.query:
        raise invalid_value("color")
    color = _color(ctx)
    board = ctx.board(reference)
    ctx.check_write(board["id"])
    store = ctx.store
    label: Record = {
        "id": store.mint("label"),
        "idBoard": board["id"],
        "name": name,
        "color": color,
    }
    store.data.labels[label["id"]] = label
    data = {"board": board_ref(board), "label": label_ref(label)}
    record_action(store, "createLabel", ctx.viewer, data)
    touch(store, board["id"])
    store.changed()
    return label_view(store, label)


def _update(ctx: Ctx, label: Record, changes: dict[str, Any]) -> dict[str, Any]:
    store = ctx.store
    old = {key: label[key] for key in changes if label[key] != changes[key]}
    label.update(changes)
    if old:
        board = store.data.boards[label["idBoard"]]
        data = {"board": board_ref(board), "label": label_ref(label), "old": old}
        record_action(store, "updateLabel", ctx.viewer, data)
        touch(store, board["id"])
        store.changed()
    return label_view(store, label)


def _writable_label(ctx: Ctx) -> Record:
    label = ctx.label(ctx.params["label"])
    ctx.check_write(label["idBoard"])
    return label


def update_label(ctx: Ctx) -> dict[str, Any]:
    """``PUT /labels/{id}`` with ``name`` and/or ``color``."""
    label = _writable_label(ctx)
    changes: dict[str, Any] = {}
    name = text(ctx, "name")
    if name is not None:
        changes["name"] = name
    if "color" in ctx.query:
        changes["color"] = _color(ctx)
    return _update(ctx, label, changes)


def update_label_field(ctx: Ctx) -> dict[str, Any]:
    """``PUT /labels/{id}/{field}`` with ``value``: one of ``name`` or ``color``."""
    field = ctx.params["field"]
    if field not in LABEL_FIELDS:
        raise invalid_value("field")
    label = _writable_label(ctx)
    if field == "name":
        value: str | None = text(ctx, "value", required=True)
    else:
        one_of(ctx, "value", (*LABEL_COLORS, *NULL))
        value = _color(ctx, "value")
    return _update(ctx, label, {field: value})


def delete_label(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /labels/{id}``: the label leaves every card it was on."""
    label = _writable_label(ctx)
    store = ctx.store
    del store.data.labels[label["id"]]
    for card in store.data.cards.values():
        if label["id"] in card["idLabels"]:
            card["idLabels"].remove(label["id"])
    board = store.data.boards[label["idBoard"]]
    record_action(
        store, "deleteLabel", ctx.viewer, {"board": board_ref(board), "label": {"id": label["id"]}}
    )
    touch(store, board["id"])
    store.changed()
    return {}


def register(router: Router) -> None:
    """Add the label write routes."""
    router.add("/labels", create_label, method="POST")
    router.add("/labels/{label}", update_label, method="PUT")
    router.add("/labels/{label}/{field}", update_label_field, method="PUT")
    router.add("/labels/{label}", delete_label, method="DELETE")
