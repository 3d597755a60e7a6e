"""Objects completed by a function generated for their selection.

A selection whose every field is plain (a `Plain`: read from the dict, coerced by its
scalar, or read through a `leaf`) is completed, for each of a board's 1,000 cards, by one
generated function of straight-line code: the reads, the type checks that let a value
stand as its own coercion, and one dict display in the selection's order. It does what a
loop over the fields did, in about three quarters of the time (docs/benchmarks.md).

Fields that are not plain but can be resolved without a wait (a card's labels, members and
checklists, which its board's planned GET embedded) take part through a (read, finish) pair
each, which the engine binds once per execution: `completer_factory` gives what makes the
completer from those pairs.

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

    `table`, set for an enum field, pairs the strings a dict parent may hold under `key`
    with the enum value each completes to (what `leaf` gives for them); any other value
    goes through `leaf`.
    """

    leaf: Leaf
    scalar: Callable[[Any], Any] | None = None
    same: type | None = None
    non_null: bool = False
    finite: bool = False
    int32: bool = False
    table: tuple[tuple[str, str], ...] | None = None
    key: str | None = None


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
    return completer_factory(shape, _FAIL)()


def completer_factory(
    shape: Sequence[tuple[str, str, Plain | None]], missing: object
) -> Callable[..., Completer]:
    """What makes the completer of a selection whose fields are plain or, where the shape
    has None for the Plain, resolved in each execution: called with a (read, finish) pair
    for each of those, in order, it gives the completer. The field's value is then
    `finish(read(parent))`, and the object needs the engine's own path (the completer
    returns None) where `read` raises or gives `missing` or an exception, or `finish`
    gives `missing`."""
    return _factory(tuple(shape), missing)


@lru_cache(maxsize=512)
def _factory(
    shape: tuple[tuple[str, str, Plain | None], ...], missing: object
) -> Callable[..., Completer]:
    names: dict[str, Any] = {"FAIL": _FAIL, "Fallback": Fallback, "MISSING": missing, **_BOUNDS}
    resolved = [index for index, (_, _, plain) in enumerate(shape) if plain is None]
    pairs = ", ".join(f"r{index}, f{index}" for index in resolved)
    lines = [f"def make({pairs}):", "    def complete(result):"]
    if len(resolved) < len(shape):
        lines += ["        if type(result) is not dict:", "            return None"]
        lines.append("        get = result.get")
    for index, (key, name, plain) in enumerate(shape):
        names[f"k{index}"] = key
        step = _resolved_lines(index) if plain is None else _plain_lines(index, name, plain, names)
        lines += [f"        {line}" for line in step]
    fields = ", ".join(f"k{index}: v{index}" for index in range(len(shape)))
    lines += [f"        return {{{fields}}}", "    return complete"]
    exec("\n".join(lines), names)  # the source holds index-named locals only
    make: Callable[..., Completer] = names["make"]
    return make


def _resolved_lines(index: int) -> list[str]:
    """The statements reading and finishing field `index`'s value through its pair."""
    value = f"v{index}"
    return [
        "try:",
        f"    {value} = r{index}(result)",
        "except Exception:",
        "    return None",
        f"if {value} is MISSING or isinstance({value}, Exception):",
        "    return None",
        f"{value} = f{index}({value})",
        f"if {value} is MISSING:",
        "    return None",
    ]


def _plain_lines(index: int, name: str, plain: Plain, names: dict[str, Any]) -> list[str]:
    """The statements reading and coercing plain field `index` (with what they use put in
    `names`)."""
    value = f"v{index}"
    through_leaf = [
        "try:",
        f"    {value} = l{index}(result)",
        "except Fallback:",
        "    return None",
    ]
    if plain.scalar is None:
        names[f"l{index}"] = plain.leaf
        if plain.table is None:
            return through_leaf
        names[f"n{index}"], names[f"e{index}"] = plain.key, dict(plain.table)
        return [
            f"{value} = get(n{index})",
            f"{value} = e{index}.get({value}, FAIL) if type({value}) is str else FAIL",
            f"if {value} is FAIL:",
            *(f"    {line}" for line in through_leaf),
        ]
    names[f"n{index}"] = name
    names[f"s{index}"] = partial(coerced, _FAIL, plain.scalar, plain.non_null)
    lines = [f"{value} = get(n{index})"]
    slow = [f"{value} = s{index}({value})", f"if {value} is FAIL:", "    return None"]
    if plain.same is None:
        return lines + slow
    names[f"t{index}"] = plain.same
    check = f"type({value}) is not t{index}"
    if plain.int32:
        check += f" or not INT32_MIN <= {value} <= INT32_MAX"
    if plain.finite:
        check += f" or {value} - {value} != 0.0"
    if not plain.non_null:  # a null stands as it is
        check = f"{value} is not None and ({check})"
    lines.append(f"if {check}:")
    if plain.finite:  # Trello writes whole positions as integers
        lines += [
            f"    if type({value}) is int and -EXACT <= {value} <= EXACT:",
            f"        {value} = float({value})",
            "    else:",
        ]
        return lines + [f"        {line}" for line in slow]
    return lines + [f"    {line}" for line in slow]


def coerced(failed: object, coerce: Callable[[Any], Any], non_null: bool, value: Any) -> Any:
    """A scalar or enum value completed as the engine completes it, or `failed` where the
    engine's own path is needed (a null for a non-null field, a value `coerce` refuses)."""
    if value is None:
        return failed if non_null else None
    try:
        result = coerce(value)
    except Exception:
        return failed
    return failed if result is None or result is UNDEFINED_VALUE else result
