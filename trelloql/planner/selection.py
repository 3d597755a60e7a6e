"""The selection below a field, as plain data: which children Trello could nest, with args."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tartiflette.coercers.arguments import coerce_arguments
from tartiflette.resolver.default import sync_arguments_coercer

from trelloql.planner.shapes import SHAPES
from trelloql.selection import collect_children, selected_names

MAX_DEPTH = 4


@dataclass
class Selection:
    """A selected field: mapping key, object type, arguments, sub-fields, nestable children."""

    field: str
    type_name: str
    args: Mapping[str, Any]
    names: set[str]
    children: list[Selection] = dataclasses.field(default_factory=list)


async def build_selection(
    field_key: str,
    type_name: str,
    args: Mapping[str, Any],
    field_nodes: list[Any],
    shape: str | None,
    info: Any,
    ctx: Any,
    fetch_types: Mapping[str, str],
    depth: int = 0,
) -> Selection:
    """The Selection of a fetched field, expanding only children its shape can nest."""
    selection = Selection(field_key, type_name, args, selected_names(field_nodes, info.fragments))
    nests = {nest.field: nest for nest in SHAPES.get(shape or "", [])}
    if not nests or depth >= MAX_DEPTH:
        return selection
    variables = info.variable_values or {}
    graphql_type = info.schema.find_type(type_name)
    for nodes in collect_children(field_nodes, info.fragments, variables).values():
        name = nodes[0].name.value
        nest = nests.get(f"{type_name}.{name}")
        if nest is None:
            continue
        definition = graphql_type.find_field(name)
        try:
            child_args = await coerce_arguments(
                definition.arguments,
                nodes[0],
                variables,
                ctx,
                coercer=sync_arguments_coercer,  # no task switch: planning stays in one turn
            )
        except Exception:  # the child's own resolver reports bad arguments
            continue
        child = await build_selection(
            nest.field,
            fetch_types[nest.field],
            child_args,
            nodes,
            nest.children,
            info,
            ctx,
            fetch_types,
            depth + 1,
        )
        selection.children.append(child)
    return selection
