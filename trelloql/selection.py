"""Reads which fields a GraphQL selection asks for, through fragments and aliases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def selected_names(field_nodes: Iterable[Any], fragments: Mapping[str, Any]) -> set[str]:
    """Names of the fields selected directly under the given field nodes.

    Fragment spreads and inline fragments are followed; `@skip`/`@include` are not
    evaluated, so the result is a superset of what execution will read.
    """
    names: set[str] = set()
    for node in field_nodes:
        if node.selection_set is not None:
            _collect(node.selection_set, fragments, names, set())
    return names


def _collect(
    selection_set: Any, fragments: Mapping[str, Any], names: set[str], seen: set[str]
) -> None:
    for selection in selection_set.selections:
        kind = type(selection).__name__
        if kind == "FieldNode":
            names.add(selection.name.value)
        elif kind == "InlineFragmentNode":
            _collect(selection.selection_set, fragments, names, seen)
        elif kind == "FragmentSpreadNode":
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:
                seen.add(name)
                _collect(fragment.selection_set, fragments, names, seen)
