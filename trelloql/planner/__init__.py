"""The query planner: answer a field's whole selection with the fewest Trello calls.

A Fetch field's resolver hands its naive request to `Planner.fetch`, which looks ahead
at the field's selection, folds every child Trello can nest into the same GET
(`shapes.py`, `compile.py`), and primes the per-request loader with each nested answer
under the naive request the child's own resolver will make (`prime.py`). Children that
cannot be nested fetch as before, coalesced into `/batch` calls by the loader.
"""

from __future__ import annotations

from typing import Any

from trelloql.planner.compile import Serving, compile_plan
from trelloql.planner.prime import prime_answer, prime_objects
from trelloql.planner.selection import build_selection
from trelloql.planner.shapes import SHAPE_OF_PATH
from trelloql.resolvers.base import Fetch, Graph


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

    async def fetch(
        self,
        mapping: Fetch,
        request: tuple[str, dict[str, str]],
        args: Any,
        info: Any,
        ctx: Any,
    ) -> Any:
        """GET the field with everything nestable below it, priming the children's answers."""
        path, params = request
        answered = ctx.loader.answered(path, params)
        if answered is not None:  # a planned parent already fetched this, and what it could below
            return await answered
        shape = SHAPE_OF_PATH.get(mapping.path)
        plan_params: dict[str, str] = {}
        servings: list[Serving] = []
        if shape is not None:
            selection = await build_selection(
                mapping.field,
                mapping.type_name,
                args,
                info.field_nodes,
                shape,
                info,
                ctx,
                self.fetch_types,
            )
            plan = compile_plan(selection, shape, self.graph.trello_fields)
            plan_params, servings = plan.params, plan.servings
            if not plan.root_fields <= set(params["fields"].split(",")):
                wider = set(params["fields"].split(",")) | plan.root_fields
                plan_params["fields"] = ",".join(sorted(wider))
        answer = await ctx.loader.get(path, {**params, **plan_params})
        if plan_params:
            ctx.loader.prime(path, params, answer)
        prime_answer(answer, servings, self.naive_request, ctx.loader.prime)
        prime_objects(
            mapping.type_name, answer if isinstance(answer, list) else [answer], ctx.loader.prime
        )
        return answer
