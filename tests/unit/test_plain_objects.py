"""Completers generated for plain selections complete as the engine does, or give way."""

from __future__ import annotations

import math
from typing import Any

import pytest

from trelloql.plain_objects import AS_IS, Fallback, Plain, compile_completer, output_as_is


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


def test_the_mark_names_the_type_a_coercion_returns_as_it_is() -> None:
    @output_as_is(str)
    def coerce(value: Any) -> str:
        return str(value)

    assert getattr(coerce, AS_IS) is str
