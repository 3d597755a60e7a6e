"""Plain fields: scalar and enum fields the tuned engine completes without Tartiflette.

A field is plain when the engine's default resolver reads it from the parent dict, or its
resolver carries a `plain_read` (a synchronous read of its value from a dict parent), and it
has no arguments or directives. Its value is read and coerced by its scalar or enum inline;
anything unusual (a parent that is not a dict, a null for a non-null field, a value the
scalar refuses) raises `Fallback`, and the engine's own path then does the field.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

from tartiflette.types.enum import GraphQLEnumType
from tartiflette.types.scalar import GraphQLScalarType

from trelloql.plain_objects import AS_IS, Fallback, Leaf, Plain, coerced

Resolver = Callable[..., Coroutine[Any, Any, Any]]

_REFUSED = object()
"""A value the engine's own path must complete (see `plain_objects.coerced`)."""

DICT_ATTRIBUTES = frozenset(dir(dict))
"""Names the default resolver reads as attributes of a dict parent, not as its keys."""

PLAIN_READ = "trelloql_plain_read"
"""Attribute of a resolver holding a synchronous read of its value from a dict parent."""

UPPER_OF = "trelloql_upper_of"
"""Attribute of a resolver whose `plain_read` is the upper case of one key's string."""


def plain_read(
    read: Callable[[dict[str, Any]], Any], upper_of: str | None = None
) -> Callable[[Resolver], Resolver]:
    """Mark a resolver whose value `read(parent)` computes from a dict parent, without I/O
    or arguments: the tuned engine then completes its field as a plain one (no coroutine);
    Tartiflette itself, and any unusual parent or value, still call the resolver.

    `upper_of` says that `read` gives the upper case of the parent's string under that key
    (an enum of Trello's lower-case values): the engine then looks the value up inline."""

    def mark(resolver: Resolver) -> Resolver:
        setattr(resolver, PLAIN_READ, read)
        if upper_of is not None:
            setattr(resolver, UPPER_OF, upper_of)
        return resolver

    return mark


def plain_field(field: Any, plain_leaves: bool) -> Plain | None:
    """How to complete a scalar or enum field that is default-resolved (when the engine's
    default resolver is Tartiflette's: `plain_leaves`) or whose resolver carries a
    `plain_read`, if it is one."""
    marked = getattr(field.raw_resolver, PLAIN_READ, None)
    if (
        (marked is None and (not plain_leaves or field.raw_resolver is not None))
        or field.arguments
        or field.directives
        or field.name.startswith("__")
    ):
        return None
    graphql_type = field.graphql_type
    non_null = graphql_type.is_non_null_type
    if non_null:
        graphql_type = graphql_type.wrapped_type
    item_non_null = None
    if graphql_type.is_list_type:
        graphql_type = graphql_type.wrapped_type
        item_non_null = graphql_type.is_non_null_type
        if item_non_null:
            graphql_type = graphql_type.wrapped_type
    coerce = leaf_coercion(graphql_type)
    if coerce is None:
        return None
    read = _reader(field.name) if marked is None else _marked_reader(marked)
    if item_non_null is not None:
        leaf = partial(
            _read_leaf_list,
            read=read,
            coerce=coerce,
            non_null=non_null,
            item_non_null=item_non_null,
        )
        return Plain(leaf)
    leaf = partial(_read_leaf, read=read, coerce=coerce, non_null=non_null)
    if isinstance(graphql_type, GraphQLEnumType):
        return _enum_field(field, graphql_type, leaf, non_null, marked is not None)
    inline = (
        marked is None
        and isinstance(graphql_type, GraphQLScalarType)
        and field.name not in DICT_ATTRIBUTES
    )
    same = _as_is_type(graphql_type.name, coerce) if inline else None
    return Plain(
        leaf,
        scalar=coerce if inline else None,
        same=same,
        non_null=non_null,
        finite=same is float,
        int32=same is int,
    )


def leaf_coercion(graphql_type: Any) -> Callable[[Any], Any] | None:
    """The output coercion of a directive-free scalar or enum; None for anything else."""
    if isinstance(graphql_type, GraphQLScalarType) and not graphql_type.directives:
        return graphql_type.coerce_output
    if (
        isinstance(graphql_type, GraphQLEnumType)
        and not graphql_type.directives
        and not any(value.directives for value in graphql_type.values)
    ):
        names = frozenset(value.value for value in graphql_type.values)
        return partial(_enum_value, names=names)
    return None


# Built-in scalars whose output coercion returns a value of exactly this type unchanged
# (a Float only when finite, an Int only within 32 bits).
_IDENTITY_TYPES = {"String": str, "ID": str, "Boolean": bool, "Float": float, "Int": int}


def _as_is_type(scalar_name: str, coerce: Callable[[Any], Any]) -> type | None:
    """The type of value the scalar's output coercion returns unchanged: a built-in's from
    `_IDENTITY_TYPES`, one of trelloql's own from its `output_as_is` mark."""
    owner = getattr(coerce, "__self__", None)
    if type(owner).__module__.startswith("tartiflette.scalar.builtins."):
        return _IDENTITY_TYPES.get(scalar_name)
    as_is: type | None = getattr(coerce, AS_IS, None)
    return as_is


def _enum_field(field: Any, enum_type: Any, leaf: Leaf, non_null: bool, marked: bool) -> Plain:
    """An enum field, with the strings a dict parent may hold and the enum value each
    completes to, where they are known: the enum's names (default-resolved), or their lower
    case (a read marked `upper_of`); any other read goes through `leaf` only."""
    names = sorted(value.value for value in enum_type.values)
    upper_of = getattr(field.raw_resolver, UPPER_OF, None)
    if marked and upper_of is not None:
        table = tuple((name.lower(), name) for name in names if name.lower().upper() == name)
        return Plain(leaf, non_null=non_null, table=table, key=upper_of)
    if not marked and field.name not in DICT_ATTRIBUTES:
        table = tuple((name, name) for name in names)
        return Plain(leaf, non_null=non_null, table=table, key=field.name)
    return Plain(leaf, non_null=non_null)


def _enum_value(value: Any, names: frozenset[str]) -> Any:
    if isinstance(value, str) and value in names:
        return value
    raise Fallback


def _reader(name: str) -> Leaf:
    """Reads a field as Tartiflette's default resolver does, for dict parents directly."""
    if name in DICT_ATTRIBUTES:

        def odd(_parent: Any) -> Any:
            raise Fallback

        return odd

    def read(parent: Any) -> Any:
        if type(parent) is dict:
            return parent.get(name)
        raise Fallback

    return read


def _marked_reader(marked: Callable[[dict[str, Any]], Any]) -> Leaf:
    """Reads a field through its resolver's `plain_read`, for dict parents only."""

    def read(parent: Any) -> Any:
        if type(parent) is not dict:
            raise Fallback
        try:
            return marked(parent)
        except Exception:
            raise Fallback from None

    return read


def _read_leaf(parent: Any, read: Leaf, coerce: Leaf, non_null: bool) -> Any:
    value = coerced(_REFUSED, coerce, non_null, read(parent))
    if value is _REFUSED:
        raise Fallback
    return value


def _read_leaf_list(
    parent: Any, read: Leaf, coerce: Leaf, non_null: bool, item_non_null: bool
) -> Any:
    values = read(parent)
    if values is None:
        if non_null:
            raise Fallback
        return None
    if not isinstance(values, list):
        raise Fallback
    out = [coerced(_REFUSED, coerce, item_non_null, value) for value in values]
    if _REFUSED in out:
        raise Fallback
    return out


def constant(value: str) -> Leaf:
    """A leaf whose value is always `value` (`__typename`)."""
    return lambda _parent: value
