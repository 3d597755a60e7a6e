"""Selections in, Trello requests out: which nested params one GET carries, pure."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from trelloql.planner.selection import Selection
from trelloql.planner.shapes import SHAPES, Nest

TrelloFields = Callable[[str, AbstractSet[str]], AbstractSet[str]]

ROOT = "fields"  # the slot of the request's own fields, widened by back-references


@dataclass
class Slot:
    """One nested param of the request (`cards=open&card_fields=…`), shared by its servings."""

    param: str | None
    value: str
    fields_param: str | None
    fields: set[str]
    extra: dict[str, str]
    key: str


@dataclass
class Serving:
    """A selected child field answered from a slot of the request."""

    nest: Nest
    selection: Selection
    slot: Slot
    children: list[Serving] = field(default_factory=list)


@dataclass
class Plan:
    """The params to add to a GET, and which child fields their answers serve."""

    params: dict[str, str]
    servings: list[Serving]
    root_fields: set[str] = field(default_factory=set)


def compile_plan(root: Selection, shape: str, trello_fields: TrelloFields) -> Plan:
    """Fold every nestable child of `root` into nested params of its one GET.

    Children whose nested param is already taken with another value (two aliases with
    different filters, say) are left out: their own resolvers fetch them.
    """
    slots: dict[str, Slot] = {ROOT: Slot(None, "", None, set(), {}, "")}
    servings = _servings(root, shape, slots, trello_fields, "", slots[ROOT])
    params: dict[str, str] = {}
    for slot in slots.values():
        if slot.param is None:
            continue
        params[slot.param] = slot.value
        if slot.fields_param is not None:
            params[slot.fields_param] = ",".join(sorted(slot.fields))
        params.update(slot.extra)
    return Plan(params, servings, slots[ROOT].fields)


def _servings(
    selection: Selection,
    shape: str,
    slots: dict[str, Slot],
    trello_fields: TrelloFields,
    scope: str,
    parent_slot: Slot,
) -> list[Serving]:
    nests = {nest.field: nest for nest in SHAPES.get(shape, [])}
    servings = []
    for child in selection.children:
        nest = nests[child.field]
        value = nest.value(child.args)
        if value is None:
            continue
        extra = nest.extra(child.args)
        fields = trello_fields(child.type_name, child.names)
        if nest.back:
            slot_key = ROOT
        elif nest.param is not None:
            slot_key = nest.param
        else:
            slot_key = f"{scope}/{nest.key}"
        slot = slots.get(slot_key)
        if slot is None:
            slot = Slot(nest.param, value, nest.fields_param, set(fields), extra, nest.key)
            slots[slot_key] = slot
        elif nest.ref is None and (slot.value, slot.extra, slot.key) != (value, extra, nest.key):
            continue
        else:
            slot.fields |= fields
        if nest.ref is not None:
            parent_slot.fields.add(nest.ref)
        if nest.join_by is not None:
            slot.fields.add(nest.join_by)
        serving = Serving(nest, child, slot)
        serving.children = _servings(
            child, nest.children or "", slots, trello_fields, f"{scope}/{slot_key}", slot
        )
        servings.append(serving)
    return servings
