"""Plain objects completed by a function generated for their selection.

A selection whose every field is plain (engine_tuning's `_Plain`: read from the dict,
coerced by its scalar, or read through a `leaf`) is completed, for each of a board's
1,000 cards, by one generated function of straight-line code: the reads, the type checks
that let a value stand as its own coercion, and one dict display in the selection's order.
It does what `engine_tuning._plain_object` did step by step in a loop, in about three
quarters of the time (measured in docs/benchmarks.md).

The generated source holds only local names made from step indexes; the response keys
(which a client chooses through aliases), field names and coercions are passed in as
values, never written into the source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from tartiflette.constants import UNDEFINED_VALUE

Leaf = Callable[[Any], Any]
Completer = Callable[[Any], dict[str, Any] | None]

AS_IS = "trelloql_output_as_is"
"""Attribute of a scalar's output coercion: the type of value it returns unchanged."""

_BOUNDS = {"INT32_MIN": -(2**31), "INT32_MAX": 2**31 - 1, "EXACT": 2**53}
"""GraphQL's Int range, and the integers a float holds exactly."""

_FAIL = object()
"""A step's value that needs the engine's own path (`Fallback` from a leaf, a refused value)."""


class Fallback(Exception):
    """A plain field's value needs the engine's own path (null, bad value, odd parent)."""


@dataclass(frozen=True)
class Plain:
    """How to complete a plain field without the engine.

    `leaf` reads and coerces it from any parent (raising `Fallback` when it cannot);
    `scalar`, set for a non-list scalar field, coerces its value read inline from a dict;
    a value of exactly type `same` is its own coercion (a `str` for String or ID, a `bool`
    for Boolean), so it is not even called; with `finite`, only a finite one is (a `float`
    for Float, which refuses NaN and infinities; an `int` up to 2**53 becomes its float),
    with `int32` only one within 32 bits (an `int` for Int).
    """

    leaf: Leaf
    scalar: Callable[[Any], Any] | None = None
    same: type | None = None
    non_null: bool = False
    finite: bool = False
    int32: bool = False


def output_as_is(kind: type) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    """Mark a scalar's `coerce_output` that returns any value of exactly type `kind` as it
    is, so that plain fields of the scalar take such values without calling it."""

    def mark(coerce: Callable[[Any], Any]) -> Callable[[Any], Any]:
        setattr(coerce, AS_IS, kind)
        return coerce

    return mark


def compile_completer(shape: Sequence[tuple[str, str, Plain]]) -> Completer:
    """The completer of a selection given as (response key, field name, Plain) per field:
    it returns the completed dict, or None for anything that needs the engine's own path
    (not a dict, a null for a non-null field, a refused value)."""
    return _compiled(tuple(shape))


@lru_cache(maxsize=512)
def _compiled(shape: tuple[tuple[str, str, Plain], ...]) -> Completer:
    names: dict[str, Any] = {"FAIL": _FAIL, "Fallback": Fallback, **_BOUNDS}
    lines = [
        "def complete(result):",
        "    if type(result) is not dict:",
        "        return None",
        "    get = result.get",
    ]
    for index, (key, name, plain) in enumerate(shape):
        value = f"v{index}"
        names[f"k{index}"] = key
        if plain.scalar is None:
            names[f"l{index}"] = plain.leaf
            lines += [
                "    try:",
                f"        {value} = l{index}(result)",
                "    except Fallback:",
                "        return None",
            ]
            continue
        names[f"n{index}"] = name
        names[f"s{index}"] = partial(_coerced, scalar=plain.scalar, non_null=plain.non_null)
        lines.append(f"    {value} = get(n{index})")
        slow = [f"{value} = s{index}({value})", f"if {value} is FAIL:", "    return None"]
        if plain.same is None:
            lines += [f"    {line}" for line in slow]
            continue
        names[f"t{index}"] = plain.same
        check = f"type({value}) is not t{index}"
        if plain.int32:
            check += f" or not INT32_MIN <= {value} <= INT32_MAX"
        if plain.finite:
            check += f" or {value} - {value} != 0.0"
        if not plain.non_null:  # a null stands as it is
            check = f"{value} is not None and ({check})"
        lines.append(f"    if {check}:")
        if plain.finite:  # Trello writes whole positions as integers
            lines += [
                f"        if type({value}) is int and -EXACT <= {value} <= EXACT:",
                f"            {value} = float({value})",
                "        else:",
            ]
            lines += [f"            {line}" for line in slow]
        else:
            lines += [f"        {line}" for line in slow]
    fields = ", ".join(f"k{index}: v{index}" for index in range(len(shape)))
    lines.append(f"    return {{{fields}}}")
    exec("\n".join(lines), names)  # the source holds index-named locals only
    complete: Completer = names["complete"]
    return complete


def _coerced(value: Any, scalar: Callable[[Any], Any], non_null: bool) -> Any:
    """A plain scalar value as the engine completes it, or _FAIL where it would not."""
    if value is None:
        return _FAIL if non_null else None
    try:
        coerced = scalar(value)
    except Exception:
        return _FAIL
    if coerced is None or coerced is UNDEFINED_VALUE:
        return _FAIL
    return coerced
