"""An estimate of the Trello requests a query needs, made from the schema and the plan.

Every field a resolver answers with a Trello GET costs one request per parent
object, unless the query planner folds it into its parent's request (then it costs
nothing of its own); a list multiplies the objects below it by its `limit` argument
when the query gives one, else by LIST_SIZE. Aliases count separately and
de-duplication is ignored, so the figure is an upper-side estimate for refusing
absurd queries, not a bill.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from trelloql.guard.analysis import Node, Selected, selections, type_condition
from trelloql.planner.shapes import LIFT_ROUTES, SHAPE_OF_PATH, SHAPES, Nest
from trelloql.resolvers import GRAPH
from trelloql.resolvers.base import Fetch

LIST_SIZE = 10
MAX_LIST_SIZE = 1000
CEILING = 10**9


ROOT_TYPES = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}

Fields = dict[str, tuple[str, bool]]
"""A type's fields: name -> (named type of the answer, whether it is a list)."""


def _unwrap(graphql_type: Any) -> tuple[str, bool]:
    is_list = False
    while graphql_type.is_list_type or graphql_type.is_non_null_type:
        is_list = is_list or graphql_type.is_list_type
        graphql_type = graphql_type.wrapped_type
    return graphql_type.name, is_list


def types_of_schema(schema: Any) -> dict[str, Fields]:
    """Every named type of a cooked Tartiflette schema with its fields (none for scalars,
    enums, unions, inputs): only what the estimate reads."""
    types: dict[str, Fields] = {}
    for name, definition in schema.type_definitions.items():
        if name.startswith("__"):
            continue
        fields = getattr(definition, "implemented_fields", None) or {}
        types[name] = {
            field: _unwrap(value.graphql_type)
            for field, value in fields.items()
            if not field.startswith("__")
        }
    return types


def _list_size(field: Node) -> int:
    for argument in field.get("arguments") or ():
        value = argument["value"]
        if argument["name"]["value"] == "limit" and value["kind"] == "IntValue":
            return max(0, min(int(value["value"]), MAX_LIST_SIZE))
    return LIST_SIZE


class CostModel:
    """Estimates upstream requests for the operations of one schema."""

    def __init__(
        self,
        types: Callable[[], dict[str, Fields]],
        fetched_fields: Iterable[str],
        planned: bool = False,
    ) -> None:
        """`types` gives the schema's types (read once, when first needed: the engine's
        schema is cooked at start-up); `fetched_fields` are `Type.field` names whose
        resolver calls Trello; `planned` when the query planner is on."""
        self._types_of = types
        self._fetched = frozenset(fetched_fields)
        self._planned = planned

    @classmethod
    def of_engine(
        cls, engine: Any, fetched_fields: Iterable[str], planned: bool = False
    ) -> CostModel:
        """A model for the schema `engine` is (or will be) cooked with."""
        return cls(lambda: types_of_schema(engine.schema), fetched_fields, planned)

    @cached_property
    def _types(self) -> dict[str, Fields]:
        return self._types_of()

    def _shapes(self, key: str, shape: str | None) -> tuple[bool, str | None]:
        """Whether field `key` needs a request of its own where its parent has `shape`,
        and the shape of its answer."""
        if not self._planned:
            return True, None
        nest = _nest(shape, key)
        if nest is not None:
            return False, nest.children
        lifted = _nest(SHAPE_OF_PATH.get(LIFT_ROUTES.get(key.split(".", 1)[0], "")), key)
        if lifted is not None:
            return True, lifted.children
        mapping = GRAPH.by_field.get(key)
        return True, SHAPE_OF_PATH.get(mapping.path) if isinstance(mapping, Fetch) else None

    def __call__(self, selected: Selected) -> int:
        """The estimated number of Trello requests of the selected operation."""
        operation = selected.operation["operation"]
        root = ROOT_TYPES.get(operation, "")
        if root not in self._types:
            return 0
        return _Estimate(self, selected, root, operation == "mutation").cost(
            selected.operation, root
        )

    def field_shape(self, key: str, shape: str | None) -> tuple[bool, str | None] | None:
        """For a `Type.field` key: whether it needs a request of its own where its parent
        has `shape`, and the shape of its answer; None for a field no resolver fetches."""
        return self._shapes(key, shape) if key in self._fetched else None

    def field_type(self, parent: str, name: str) -> tuple[str, bool] | None:
        """The named type of a field's answer and whether it is a list; None if unknown."""
        return self._types[parent].get(name)

    def knows(self, type_name: str | None) -> bool:
        """Whether the schema has this named type."""
        return type_name in self._types


class _Estimate:
    """One operation's estimate: a walk with methods rather than nested functions, which
    would leave a reference cycle behind per query."""

    def __init__(self, model: CostModel, selected: Selected, root: str, mutation: bool) -> None:
        self.model, self.selected, self.root, self.mutation = model, selected, root, mutation
        self.memo: dict[str, int] = {}

    def cost(self, node: Node, type_: str, shape: str | None = None) -> int:
        total = 0
        for selection in selections(node):
            kind = selection["kind"]
            if kind == "Field":
                total += self.field_cost(selection, type_, shape)
            elif kind == "InlineFragment":
                inner = type_condition(selection) or type_
                if self.model.knows(inner):
                    total += self.cost(selection, inner, shape)
            elif kind == "FragmentSpread":
                total += self.fragment_cost(selection["name"]["value"])
            total = min(total, CEILING)
        return total

    def field_cost(self, node: Node, parent: str, shape: str | None) -> int:
        name = node["name"]["value"]
        field = self.model.field_type(parent, name)
        if field is None:
            return 0
        every_field_calls = self.mutation and parent == self.root
        fetched = self.model.field_shape(f"{parent}.{name}", shape)
        calls = int(every_field_calls or fetched is not None)
        child_shape = None
        if fetched is not None:
            own_request, child_shape = fetched
            calls = int(own_request or every_field_calls)
        inner, is_list = field
        below = self.cost(node, inner, child_shape)
        return calls + (_list_size(node) if is_list else 1) * below

    def fragment_cost(self, name: str) -> int:
        memo = self.memo
        if name not in memo:
            memo[name] = 0  # a cycle is invalid (the engine says so) and costs nothing here
            fragment = self.selected.fragments.get(name)
            inner = type_condition(fragment) if fragment else None
            if fragment is not None and self.model.knows(inner):
                memo[name] = self.cost(fragment, inner or "")
        return memo[name]


def _nest(shape: str | None, key: str) -> Nest | None:
    """The nest by which `shape`'s request can carry field `key`, if any."""
    for nest in SHAPES.get(shape or "", ()):
        if nest.field == key and (nest.param is not None or nest.back or nest.key):
            return nest
    return None


def fetched_fields() -> list[str]:
    """`Type.field` names whose resolvers GET from Trello."""
    return [name for name, mapping in GRAPH.by_field.items() if isinstance(mapping, Fetch)]
