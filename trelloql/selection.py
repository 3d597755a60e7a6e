"""Reads which fields a GraphQL selection asks for, through fragments and aliases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def selected_names(field_nodes: Iterable[Any], fragments: Mapping[str, Any]) -> set[str]:
    """Names of the fields selected directly under the given field nodes.

    Fragment spreads and inline fragments are followed; `@skip`/`@include` are not
    evaluated, so the result is a superset of what execution will read.
    """
    grouped = collect_children(field_nodes, fragments, None)
    return {nodes[0].name.value for nodes in grouped.values()}


def collect_children(
    field_nodes: Iterable[Any],
    fragments: Mapping[str, Any],
    variables: Mapping[str, Any] | None,
) -> dict[str, list[Any]]:
    """The child field nodes under `field_nodes`, grouped by response name.

    With `variables`, `@skip`/`@include` are evaluated as the executor does; with None
    every child counts.
    """
    grouped: dict[str, list[Any]] = {}
    for node in field_nodes:
        if node.selection_set is not None:
            _collect(node.selection_set, fragments, variables, grouped, set())
    return grouped


def _collect(
    selection_set: Any,
    fragments: Mapping[str, Any],
    variables: Mapping[str, Any] | None,
    grouped: dict[str, list[Any]],
    seen: set[str],
) -> None:
    for selection in selection_set.selections:
        if variables is not None and not _included(selection, variables):
            continue
        kind = type(selection).__name__
        if kind == "FieldNode":
            name = (selection.alias or selection.name).value
            grouped.setdefault(name, []).append(selection)
        elif kind == "InlineFragmentNode":
            _collect(selection.selection_set, fragments, variables, grouped, seen)
        elif kind == "FragmentSpreadNode" and selection.name.value not in seen:
            seen.add(selection.name.value)
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                _collect(fragment.selection_set, fragments, variables, grouped, seen)


def _included(node: Any, variables: Mapping[str, Any]) -> bool:
    """@skip / @include, evaluated like the executor does."""
    for directive in node.directives or ():
        name = directive.name.value
        if name not in ("skip", "include"):
            continue
        condition = False
        for argument in directive.arguments or ():
            if argument.name.value == "if":
                condition = _literal(argument.value, variables)
        if (name == "skip") == bool(condition):
            return False
    return True


def _literal(value: Any, variables: Mapping[str, Any]) -> Any:
    if type(value).__name__ == "VariableNode":
        return variables.get(value.name.value)
    return value.value
