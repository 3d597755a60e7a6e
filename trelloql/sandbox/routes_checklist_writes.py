"""Checklist and check item writes, and turning a check item into a card."""

from __future__ import annotations

from typing import Any

from .changes import card_data, record_action, touch
from .context import Ctx
from .errors import TrelloError, invalid_value, not_found
from .fields import CHECK_ITEM_DEFAULT, parse_fields, project
from .ids import is_object_id
from .inputs import boolean, date, linkable_id, object_id, one_of, position, text
from .nested import render_checklists
from .routes_card_writes import add_checklist, card_reply, new_card
from .routing import Router
from .seed import Record
from .seed_cards import card_ref, list_ref

MAX_CHECKLISTS = 500
MAX_CHECK_ITEMS = 200
STATES = ("complete", "incomplete")
CHECKLIST_FIELDS = ("name", "pos")


def _checklist_reply(ctx: Ctx, checklist: Record) -> dict[str, Any]:
    ctx.store.changed()
    return render_checklists(ctx, [checklist], parse_fields(None, "checklist"))[0]


def _item_reply(ctx: Ctx, item: Record) -> dict[str, Any]:
    ctx.store.changed()
    return project(item, parse_fields("all", "checkItem", CHECK_ITEM_DEFAULT))


def _checklist_data(ctx: Ctx, checklist: Record, **extra: Any) -> Record:
    card = ctx.store.data.cards[checklist["idCard"]]
    return card_data(ctx.store, card, checklist=list_ref(checklist), **extra)


def _touch(ctx: Ctx, checklist: Record) -> None:
    card = ctx.store.data.cards[checklist["idCard"]]
    touch(ctx.store, card["idBoard"], card)


def _add_checklist(ctx: Ctx, card: Record) -> dict[str, Any]:
    store = ctx.store
    name = text(ctx, "name", low=1)
    siblings = store.checklists_of_card(card["id"])
    pos = position(ctx, "pos", siblings)
    source_id = object_id(ctx, "idChecklistSource", required=False)
    if len(siblings) >= MAX_CHECKLISTS:
        raise TrelloError(403, "too many checklists on the card")
    if source_id is not None:
        source = ctx.checklist(source_id)
        checklist = add_checklist(ctx, card, name or source["name"], pos, source["checkItems"])
    else:
        checklist = add_checklist(ctx, card, name or "Checklist", pos)
    record_action(store, "addChecklistToCard", ctx.viewer, _checklist_data(ctx, checklist))
    _touch(ctx, checklist)
    return _checklist_reply(ctx, checklist)


def create_checklist(ctx: Ctx) -> dict[str, Any]:
    """``POST /checklists`` with ``idCard``, ``name``, ``pos``, ``idChecklistSource``."""
    return _add_checklist(ctx, ctx.writable_card(linkable_id(ctx, "idCard")))


def create_card_checklist(ctx: Ctx) -> dict[str, Any]:
    """``POST /cards/{id}/checklists``."""
    return _add_checklist(ctx, ctx.writable_card(ctx.params["card"]))


def _update_checklist(ctx: Ctx, checklist: Record, changes: dict[str, Any]) -> dict[str, Any]:
    old = {key: checklist[key] for key, value in changes.items() if checklist[key] != value}
    checklist.update(changes)
    if old:
        data = _checklist_data(ctx, checklist, old=old)
        data["checklist"].update(changes)
        record_action(ctx.store, "updateChecklist", ctx.viewer, data)
        _touch(ctx, checklist)
    return _checklist_reply(ctx, checklist)


def _checklist_position(ctx: Ctx, checklist: Record, name: str) -> float:
    siblings = [
        c for c in ctx.store.checklists_of_card(checklist["idCard"]) if c["id"] != checklist["id"]
    ]
    return position(ctx, name, siblings)


def update_checklist(ctx: Ctx) -> dict[str, Any]:
    """``PUT /checklists/{id}`` with ``name`` and/or ``pos``."""
    checklist = ctx.writable_checklist(ctx.params["checklist"])
    changes: dict[str, Any] = {}
    name = text(ctx, "name", low=1)
    if name is not None:
        changes["name"] = name
    if "pos" in ctx.query:
        changes["pos"] = _checklist_position(ctx, checklist, "pos")
    return _update_checklist(ctx, checklist, changes)


def update_checklist_field(ctx: Ctx) -> dict[str, Any]:
    """``PUT /checklists/{id}/{field}`` with ``value``: ``name`` or ``pos``."""
    field = ctx.params["field"]
    if field not in CHECKLIST_FIELDS:
        raise invalid_value("field")
    checklist = ctx.writable_checklist(ctx.params["checklist"])
    if field == "name":
        value: Any = text(ctx, "value", required=True, low=1)
    else:
        if ctx.arg("value") is None:
            raise invalid_value("value")
        value = _checklist_position(ctx, checklist, "value")
    return _update_checklist(ctx, checklist, {field: value})


def _delete_checklist(ctx: Ctx, checklist: Record) -> dict[str, Any]:
    data = _checklist_data(ctx, checklist)
    del ctx.store.data.checklists[checklist["id"]]
    record_action(ctx.store, "removeChecklistFromCard", ctx.viewer, data)
    _touch(ctx, checklist)
    ctx.store.changed()
    return {}


def delete_checklist(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /checklists/{id}``."""
    return _delete_checklist(ctx, ctx.writable_checklist(ctx.params["checklist"]))


def delete_card_checklist(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /cards/{id}/checklists/{idChecklist}``."""
    card = ctx.writable_card(ctx.params["card"])
    checklist = ctx.checklist(ctx.params["checklist"])
    if checklist["idCard"] != card["id"]:
        raise not_found()
    return _delete_checklist(ctx, checklist)


def create_check_item(ctx: Ctx) -> dict[str, Any]:
    """``POST /checklists/{id}/checkItems`` with ``name``, ``pos``, ``checked``, ``due``."""
    checklist = ctx.writable_checklist(ctx.params["checklist"])
    name = text(ctx, "name", required=True, low=1) or ""
    pos = position(ctx, "pos", checklist["checkItems"])
    checked = boolean(ctx, "checked")
    due = date(ctx, "due")
    member = object_id(ctx, "idMember", required=False)
    if len(checklist["checkItems"]) >= MAX_CHECK_ITEMS:
        raise TrelloError(403, "too many check items in the checklist")
    item: Record = {
        "id": ctx.store.mint("checkItem"), "idChecklist": checklist["id"], "name": name,
        "nameData": None, "pos": pos, "type": "default",
        "state": "complete" if checked else "incomplete", "due": due, "dueReminder": None,
        "idMember": member,
    }  # fmt: skip
    checklist["checkItems"].append(item)
    checklist["checkItems"].sort(key=lambda i: i["pos"])
    _touch(ctx, checklist)
    return _item_reply(ctx, item)


def _item_on_card(ctx: Ctx, card: Record, item_id: str) -> tuple[Record, Record]:
    """The checklist and check item ``item_id`` on ``card`` (404 if not there)."""
    if not is_object_id(item_id):
        raise invalid_value("idCheckItem")
    for checklist in ctx.store.checklists_of_card(card["id"]):
        for item in checklist["checkItems"]:
            if item["id"] == item_id.lower():
                return checklist, item
    raise not_found()


def _set_item_pos(ctx: Ctx, checklist: Record, item: Record, name: str) -> None:
    siblings = [i for i in checklist["checkItems"] if i["id"] != item["id"]]
    item["pos"] = position(ctx, name, siblings)
    checklist["checkItems"].sort(key=lambda i: i["pos"])


def update_check_item(ctx: Ctx) -> dict[str, Any]:
    """``PUT /cards/{id}/checkItem/{idCheckItem}``: name, state, pos, due, idChecklist."""
    card = ctx.writable_card(ctx.params["card"])
    checklist, item = _item_on_card(ctx, card, ctx.params["item"])
    name = text(ctx, "name", low=1)
    state = one_of(ctx, "state", STATES)
    due = date(ctx, "due") if "due" in ctx.query else item["due"]
    target = checklist
    if ctx.arg("idChecklist") is not None:
        target = ctx.checklist(object_id(ctx, "idChecklist") or "")
        if target["idCard"] != card["id"]:
            raise invalid_value("idChecklist")
    if target is not checklist:
        checklist["checkItems"].remove(item)
        target["checkItems"].append(item)
        item["idChecklist"] = target["id"]
    if "pos" in ctx.query:
        _set_item_pos(ctx, target, item, "pos")
    item["due"] = due
    store = ctx.store
    if name is not None and name != item["name"]:
        data = _checklist_data(ctx, target, checkItem=_item_ref(item), old={"name": item["name"]})
        item["name"] = name
        data["checkItem"]["name"] = name
        record_action(store, "updateCheckItem", ctx.viewer, data)
    if state is not None and state != item["state"]:
        item["state"] = state
        data = _checklist_data(ctx, target, checkItem=_item_ref(item))
        record_action(store, "updateCheckItemStateOnCard", ctx.viewer, data)
    _touch(ctx, target)
    return _item_reply(ctx, item)


def move_check_item(ctx: Ctx) -> dict[str, Any]:
    """``PUT /cards/{idCard}/checklist/{idChecklist}/checkItem/{idCheckItem}`` with ``pos``."""
    card = ctx.writable_card(ctx.params["card"])
    checklist, item = _item_on_card(ctx, card, ctx.params["item"])
    if checklist["id"] != ctx.params["checklist"].lower():
        raise not_found()
    if "pos" in ctx.query:
        _set_item_pos(ctx, checklist, item, "pos")
    _touch(ctx, checklist)
    return _item_reply(ctx, item)


def _item_ref(item: Record) -> Record:
    return {"id": item["id"], "name": item["name"], "state": item["state"]}


def _delete_item(ctx: Ctx, checklist: Record, item: Record) -> dict[str, Any]:
    checklist["checkItems"].remove(item)
    data = _checklist_data(ctx, checklist, checkItem=_item_ref(item))
    record_action(ctx.store, "deleteCheckItem", ctx.viewer, data)
    _touch(ctx, checklist)
    ctx.store.changed()
    return {}


def delete_check_item(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /checklists/{id}/checkItems/{idCheckItem}``."""
    checklist = ctx.writable_checklist(ctx.params["checklist"])
    card = ctx.store.data.cards[checklist["idCard"]]
    found, item = _item_on_card(ctx, card, ctx.params["item"])
    if found is not checklist:
        raise not_found()
    return _delete_item(ctx, checklist, item)


def delete_card_check_item(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /cards/{id}/checkItem/{idCheckItem}``."""
    card = ctx.writable_card(ctx.params["card"])
    return _delete_item(ctx, *_item_on_card(ctx, card, ctx.params["item"]))


def convert_to_card(ctx: Ctx) -> dict[str, Any]:
    """``POST /cards/{idCard}/checklist/{idChecklist}/checkItem/{idCheckItem}/convertToCard``.

    The item leaves its checklist and becomes a card right below its card.
    """
    source = ctx.writable_card(ctx.params["card"])
    checklist, item = _item_on_card(ctx, source, ctx.params["item"])
    if checklist["id"] != ctx.params["checklist"].lower():
        raise not_found()
    store = ctx.store
    lst = store.data.lists[source["idList"]]
    below = [c["pos"] for c in store.cards_of_list(lst["id"]) if c["pos"] > source["pos"]]
    pos = (source["pos"] + min(below)) / 2 if below else source["pos"] + 16384
    card = new_card(ctx, lst, item["name"], pos)
    card["due"] = item["due"]
    checklist["checkItems"].remove(item)
    touch(store, source["idBoard"], source)
    touch(store, card["idBoard"], card)
    data = card_data(store, card, cardSource=card_ref(source), checklist=list_ref(checklist))
    record_action(store, "convertToCardFromCheckItem", ctx.viewer, data)
    return card_reply(ctx, card)


def register(router: Router) -> None:
    """Add the checklist and check item write routes."""
    router.add("/checklists", create_checklist, method="POST")
    router.add("/cards/{card}/checklists", create_card_checklist, method="POST")
    router.add("/checklists/{checklist}", update_checklist, method="PUT")
    router.add("/checklists/{checklist}/{field}", update_checklist_field, method="PUT")
    router.add("/checklists/{checklist}", delete_checklist, method="DELETE")
    router.add("/cards/{card}/checklists/{checklist}", delete_card_checklist, method="DELETE")
    router.add("/checklists/{checklist}/checkItems", create_check_item, method="POST")
    router.add("/cards/{card}/checkItem/{item}", update_check_item, method="PUT")
    router.add(
        "/cards/{card}/checklist/{checklist}/checkItem/{item}", move_check_item, method="PUT"
    )
    router.add("/checklists/{checklist}/checkItems/{item}", delete_check_item, method="DELETE")
    router.add("/cards/{card}/checkItem/{item}", delete_card_check_item, method="DELETE")
    router.add(
        "/cards/{card}/checklist/{checklist}/checkItem/{item}/convertToCard",
        convert_to_card,
        method="POST",
    )
