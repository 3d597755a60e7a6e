"""Completers generated for plain selections complete as the engine does, or give way."""

from __future__ import annotations

import math
from typing import Any

import pytest

from trelloql.plain_objects import (
    AS_IS,
    Fallback,
    Plain,
    compile_completer,
    completer_factory,
    output_as_is,
)


def scalar(value: Any) -> Any:
    if isinstance(value, dict):
        raise TypeError("not a scalar")
    return str(value)


def finite_float(value: Any) -> float:
    result = float(value)
    if not math.isfinite(result):
        raise ValueError(value)
    return result


def leaf(parent: dict[str, Any]) -> Any:
    if parent.get("color") is None:
        raise Fallback
    return parent["color"].upper()


TEXT = Plain(leaf=leaf, scalar=scalar, same=str)
MUST_TEXT = Plain(leaf=leaf, scalar=scalar, same=str, non_null=True)
RATIO = Plain(leaf=leaf, scalar=finite_float, same=float, finite=True)


def int32(value: Any) -> int:
    if type(value) is not int or not -(2**31) <= value < 2**31:
        raise TypeError(value)
    return value


COUNT = Plain(leaf=leaf, scalar=int32, same=int, int32=True)
COLOR = Plain(leaf=leaf)


def test_keys_are_taken_verbatim_in_the_selections_order() -> None:
    odd = '"}; import os; {"'
    complete = compile_completer([("b", "name", TEXT), (odd, "id", TEXT), ("a", "name", TEXT)])
    completed = complete({"id": "x1", "name": "Ada"})
    assert completed == {"b": "Ada", odd: "x1", "a": "Ada"}
    assert list(completed or {}) == ["b", odd, "a"]


def test_values_of_the_same_type_stand_as_they_are_others_are_coerced() -> None:
    complete = compile_completer([("name", "name", TEXT), ("ratio", "ratio", RATIO)])
    name, ratio = "Ada", 0.5
    completed = complete({"name": name, "ratio": ratio}) or {}
    assert completed["name"] is name
    assert completed["ratio"] is ratio
    assert complete({"name": 7, "ratio": 2}) == {"name": "7", "ratio": 2.0}
    assert complete({}) == {"name": None, "ratio": None}


@pytest.mark.parametrize(
    "parent",
    [
        {"ratio": math.nan},
        {"ratio": math.inf},
        {"ratio": "many"},
        {"name": {"not": "a scalar"}},
        {"id": None},
        {"color": None},
        ["not", "a", "dict"],
        None,
    ],
)
def test_anything_the_engine_must_handle_gives_way(parent: Any) -> None:
    complete = compile_completer(
        [("name", "name", TEXT), ("ratio", "ratio", RATIO), ("id", "id", MUST_TEXT)]
        + ([("color", "color", COLOR)] if isinstance(parent, dict) and "color" in parent else [])
    )
    assert complete(parent if not isinstance(parent, dict) else {"id": "x", **parent}) is None


def test_whole_numbers_of_a_float_field_become_floats() -> None:
    complete = compile_completer([("ratio", "ratio", RATIO)])
    assert complete({"ratio": 16384}) == {"ratio": 16384.0}
    assert type((complete({"ratio": 16384}) or {})["ratio"]) is float
    assert complete({"ratio": 2**53 + 1}) == {"ratio": float(2**53 + 1)}  # through the scalar
    assert complete({"ratio": True}) == {"ratio": 1.0}


def test_integers_stand_as_they_are_within_32_bits() -> None:
    complete = compile_completer([("n", "count", COUNT)])
    count = 2**31 - 1
    assert (complete({"count": count}) or {})["n"] is count
    assert complete({"count": 2**31}) is None
    assert complete({"count": -(2**31) - 1}) is None


def test_leaves_are_read_through_their_function() -> None:
    complete = compile_completer([("c", "color", COLOR), ("id", "id", MUST_TEXT)])
    assert complete({"color": "red", "id": "x"}) == {"c": "RED", "id": "x"}


def test_enum_values_are_looked_up_and_anything_else_read_through_the_leaf() -> None:
    read: list[Any] = []

    def counted(parent: dict[str, Any]) -> Any:
        read.append(parent)
        return leaf(parent)

    shade = Plain(leaf=counted, table=(("red", "RED"),), key="shade")
    complete = compile_completer([("c", "color", shade)])
    assert complete({"shade": "red", "color": "blue"}) == {"c": "RED"}
    assert read == []
    assert complete({"shade": "Red", "color": "blue"}) == {"c": "BLUE"}
    assert complete({"shade": ["red"], "color": "green"}) == {"c": "GREEN"}
    assert complete({"shade": None, "color": None}) is None  # the leaf gives way
    assert len(read) == 3


def test_the_mark_names_the_type_a_coercion_returns_as_it_is() -> None:
    @output_as_is(str)
    def coerce(value: Any) -> str:
        return str(value)

    assert getattr(coerce, AS_IS) is str


MISSING = object()


def members(parent: Any) -> Any:
    """A read of a field resolved in the execution: the answer, MISSING, or it raises."""
    if parent.get("raise"):
        raise KeyError("members")
    return parent.get("members", MISSING)


def names(answer: Any) -> Any:
    """A finish: the answer completed, or MISSING where it cannot be."""
    return [item["name"] for item in answer] if isinstance(answer, list) else MISSING


def test_resolved_fields_are_read_and_finished_in_the_selections_order() -> None:
    make = completer_factory(
        [("name", "name", TEXT), ("people", "members", None), ("again", "members", None)],
        MISSING,
    )
    complete = make(members, names, members, len)
    parent = {"name": "Card", "members": [{"name": "Ada"}, {"name": "Grace"}]}
    completed = complete(parent)
    assert completed == {"name": "Card", "people": ["Ada", "Grace"], "again": 2}
    assert list(completed or {}) == ["name", "people", "again"]


@pytest.mark.parametrize(
    "parent",
    [
        {"name": "Card"},  # the read gives MISSING: not there without a wait
        {"name": "Card", "raise": True},  # the read raises
        {"name": "Card", "members": ValueError("refused")},  # the answer is an error
        {"name": "Card", "members": "not a list"},  # the finish gives MISSING
        {"members": [], "name": {"not": "a string"}},  # a plain field refuses its value
    ],
)
def test_a_resolved_field_that_cannot_be_done_now_gives_way(parent: dict[str, Any]) -> None:
    complete = completer_factory([("name", "name", TEXT), ("people", "members", None)], MISSING)
    assert complete(members, names)(parent) is None


def test_only_resolved_fields_take_any_parent_their_reads_take() -> None:
    complete = completer_factory([("people", "members", None)], MISSING)(len, str)
    assert complete([1, 2, 3]) == {"people": "3"}
    assert complete(5) is None  # len refuses it
