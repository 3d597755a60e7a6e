"""The query planner: answer a field's whole selection with the fewest Trello calls.

A Fetch field's resolver hands its naive request to `Planner.fetch`, which looks ahead
at the field's selection, folds every child Trello can nest into the same GET
(`shapes.py`, `compile.py`), and primes the per-request loader with each nested answer
under the naive request the child's own resolver will make (`prime.py`). Children that
cannot be nested fetch as before, coalesced into `/batch` calls by the loader.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable, Iterable
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import repeat
from typing import Any
from urllib.parse import quote

from trelloql.errors import UserInputError
from trelloql.planner.compile import Serving, compile_plan
from trelloql.planner.prime import prime_answer, prime_objects, serve_answer
from trelloql.planner.selection import Selection, build_selection
from trelloql.planner.shapes import LIFT_ROUTES, SHAPE_OF_PATH, SHAPES
from trelloql.resolvers.base import Args, Fetch, Graph
from trelloql.trello.loader import Served, TrelloLoader

MISSING = object()
"""What the planner gives for a field whose answer no planned GET embedded (None is an
answer)."""


class Planner:
    """Plans Fetch fields over one Graph; stateless, shared by all requests."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.fetch_types = {
            key: mapping.type_name
            for key, mapping in graph.by_field.items()
            if isinstance(mapping, Fetch)
        }

    def naive_request(
        self, field_key: str, parent: Any, args: Any, names: set[str]
    ) -> tuple[str, dict[str, str]] | None:
        """The request a child field's own resolver would make."""
        mapping = self.graph.by_field[field_key]
        assert isinstance(mapping, Fetch)
        return self.graph.request(mapping, parent, args, names)

    def served(
        self,
        mapping: Fetch,
        parent: Any,
        args: Args,
        selected: AbstractSet[str],
        loader: TrelloLoader,
    ) -> Any:
        """The field's answer as a planned GET embedded it in `parent`, or MISSING."""
        read = self.serving(mapping, args, selected, loader)
        return MISSING if read is None else read(parent)

    def serving(
        self,
        mapping: Fetch,
        args: Args,
        selected: AbstractSet[str],
        loader: TrelloLoader,
        missing: Any = MISSING,
    ) -> Callable[[Any], Any] | None:
        """The read of the field's answer as a planned GET embedded it in a parent, for
        these arguments and this selection: the answer, or `missing`. None when the
        arguments are bad (the field's own resolver reports them).

        `missing` too when the embedded objects lack a field the selection needs (Trello
        left it out), or the parent lacks the ids the field's own request needs."""
        key = self._key(mapping, args)
        if key is None:
            return None
        needed = self.graph.trello_fields(mapping.type_name, selected)
        served = loader.served_under(key)
        return partial(_embedded_answer, served, mapping.requires, needed, missing)

    def _key(self, mapping: Fetch, args: Args) -> Hashable | None:
        """What tells a field's answers apart on one parent: the field and its params."""
        try:
            params = mapping.params(args)
        except UserInputError:
            return None  # the field's own resolver reports the bad argument
        return mapping.field, tuple(sorted(params.items()))

    def _serving_key(self, serving: Serving) -> Hashable | None:
        mapping = self.graph.by_field[serving.selection.field]
        assert isinstance(mapping, Fetch)
        return self._key(mapping, serving.selection.args)

    def _hand_out(
        self, answer: Any, servings: list[Serving], loader: TrelloLoader, parent: Any = None
    ) -> None:
        """Keep the nested answers for the children, and prime them once a read needs it."""
        serve_answer(answer, servings, self._serving_key, loader.served_under, parent)
        loader.defer(partial(prime_answer, answer, servings, self.naive_request))

    async def fetch(
        self,
        mapping: Fetch,
        request: tuple[str, dict[str, str]],
        parent: Any,
        args: Any,
        info: Any,
        ctx: Any,
    ) -> Any:
        """GET the field with everything nestable below it, priming the children's answers."""
        path, params = request
        answered = ctx.loader.answered(path, params)
        if answered is not None:  # a planned parent already fetched this, and what it could below
            return await answered
        lifted = await self._through_parent(mapping, request, parent, args, info, ctx)
        if lifted is not MISSING:
            return lifted
        shape = SHAPE_OF_PATH.get(mapping.path)
        plan_params: dict[str, str] = {}
        servings: list[Serving] = []
        if shape is not None:
            selection = await self._selection(mapping, args, shape, info, ctx)
            plan = compile_plan(selection, shape, self.graph.trello_fields)
            plan_params, servings = plan.params, plan.servings
            if not plan.root_fields <= set(params["fields"].split(",")):
                wider = set(params["fields"].split(",")) | plan.root_fields
                plan_params["fields"] = ",".join(sorted(wider))
        answer = await ctx.loader.get(path, {**params, **plan_params})
        if plan_params:
            ctx.loader.prime(path, params, answer)
        self._hand_out(answer, servings, ctx.loader)
        objects = answer if isinstance(answer, list) else [answer]
        ctx.loader.defer(partial(prime_objects, mapping.type_name, objects))
        return answer

    async def _selection(
        self, mapping: Fetch, args: Any, shape: str | None, info: Any, ctx: Any
    ) -> Selection:
        """The field's selection, expanded where `shape` can nest."""
        return await build_selection(
            mapping.field,
            mapping.type_name,
            args,
            info.field_nodes,
            shape,
            info,
            ctx,
            self.fetch_types,
        )

    async def _through_parent(
        self,
        mapping: Fetch,
        request: tuple[str, dict[str, str]],
        parent: Any,
        args: Any,
        info: Any,
        ctx: Any,
    ) -> Any:
        """Answer a child field through its parent's own route, which nests more.

        `/boards/{id}?lists=open&cards=open&card_checklists=all` answers a board's lists
        with their cards and checklists in one GET where `/boards/{id}/lists` stops at
        the cards; sibling fields of the same parent merge into that one GET. MISSING when
        the parent's route cannot nest this field (or is the rate-limited member route).
        """
        parent_type = mapping.field.split(".", 1)[0]
        route = LIFT_ROUTES.get(parent_type)
        if route is None or not isinstance(parent, dict) or "id" not in parent:
            return MISSING
        shape = SHAPE_OF_PATH[route]
        nest = next((n for n in SHAPES[shape] if n.field == mapping.field), None)
        if nest is None or nest.param is None or nest.value(args) is None:
            return MISSING
        # The same selection of the same field (a board's lists, on every board) plans the
        # same: once per request.
        planned_key = (mapping.field, id(info.field_nodes), self._key(mapping, args))
        planned = ctx.plans.get(planned_key)
        if planned is None or planned[0] is not info.field_nodes:
            child = await self._selection(mapping, args, nest.children, info, ctx)
            root = Selection(f"{parent_type}.self", parent_type, {}, {"id"}, [child])
            plan = compile_plan(root, shape, self.graph.trello_fields)
            params = {**plan.params, "fields": ",".join(sorted({"id"} | plan.root_fields))}
            planned = (info.field_nodes, child.names, plan.servings, params)
            ctx.plans[planned_key] = planned
        _, names, servings, params = planned
        path = route.format(id=quote(str(parent["id"]), safe=""))
        answer = await ctx.loader.get(path, params)
        self._hand_out(answer, servings, ctx.loader, parent)
        served = self.served(mapping, parent, args, names, ctx.loader)
        if served is not MISSING:
            return served
        answered = ctx.loader.answered(*request)
        return MISSING if answered is None else await answered


def _embedded_answer(
    served: Served,
    requires: tuple[str, ...],
    needed: frozenset[str],
    missing: Any,
    parent: Any,
) -> Any:
    """`Planner.serving`'s read of one parent (`served`: the loader's answers of the field)."""
    if None in map(parent.get, requires):
        return missing
    entry = served.get(id(parent))
    if entry is None or entry[0] is not parent:
        return missing
    answer = entry[1]
    if isinstance(answer, dict):
        return answer if answer.keys() >= needed else missing
    if not answer or not isinstance(answer, list):
        return answer
    return answer if _all_have(answer, needed) else missing


def _all_have(items: Iterable[Any], needed: frozenset[str]) -> bool:
    """Whether every dict among `items` has all the `needed` keys (in one C-level pass when
    all are dicts, as Trello's objects are)."""
    try:
        return all(map(operator.ge, map(dict.keys, items), repeat(needed)))
    except TypeError:  # not all dicts
        return all(item.keys() >= needed for item in items if isinstance(item, dict))
