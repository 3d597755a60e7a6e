"""Search: `/search` across boards, cards, members and workspaces, and `/search/members/`.

`Query.search` sends one `/search` call for the kinds its selection asks for, with each
kind's `*_fields` pushed down from the selection and the one paging model's `limit`
(every kind) and `page` (cards, the only kind Trello pages). Everything is checked first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from trelloql.context import RequestContext
from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Fetch, Graph
from trelloql.resolvers.lookups import Lookup
from trelloql.resolvers.paging import SEARCH, SEARCH_MEMBERS
from trelloql.selection import collect_children, selected_names

MAX_QUERY = 16384
_OBJECT_ID = re.compile(r"^[0-9a-fA-F]{24}$")

KINDS: dict[str, tuple[str, str]] = {
    "cards": ("Card", "card"),
    "boards": ("Board", "board"),
    "members": ("Member", "member"),
    "organizations": ("Organization", "organization"),
}
"""Each result kind: its GraphQL type and Trello's singular used in `<kind>_fields`."""


def _query(args: Args) -> str:
    text = args.get("query") or ""
    if not 1 <= len(text) <= MAX_QUERY:
        raise UserInputError(f"`query` must be 1 to {MAX_QUERY} characters long", "query")
    return str(text)


def _ids(args: Args, name: str, allow_mine: bool = False) -> str | None:
    values = args.get(name)
    if not values:
        return None
    for value in values:
        if not (_OBJECT_ID.match(value) or (allow_mine and value == "mine")):
            raise UserInputError(f"`{name}` holds {value!r}, which is not a 24-hex id", name)
    return ",".join(values)


def _id(args: Args, name: str) -> str | None:
    value = args.get(name)
    if value is not None and not _OBJECT_ID.match(str(value)):
        raise UserInputError(f"`{name}` is not a 24-hex id", name)
    return None if value is None else str(value)


def search_params(args: Args, kinds: Iterable[str]) -> dict[str, str]:
    """`/search` params (without `*_fields`) for the wanted kinds; BAD_USER_INPUT first."""
    params = {"query": _query(args), "partial": "true" if args.get("partial") else "false"}
    paging = SEARCH.params(args)
    for name, allow_mine in (("idBoards", True), ("idOrganizations", False), ("idCards", False)):
        value = _ids(args, name, allow_mine)
        if value is not None:
            params[name] = value
    wanted = sorted(kinds)
    params["modelTypes"] = ",".join(wanted)
    for kind in wanted:
        params[f"{kind}_limit"] = paging["limit"]
    if "cards" in wanted and "page" in paging:
        params["cards_page"] = paging["page"]
    return params


def member_search_params(args: Args) -> dict[str, str]:
    """`/search/members/` params; BAD_USER_INPUT before any call."""
    params = {"query": _query(args), **SEARCH_MEMBERS.params(args)}
    for name in ("idBoard", "idOrganization"):
        value = _id(args, name)
        if value is not None:
            params[name] = value
    params["onlyOrgMembers"] = "true" if args.get("onlyOrgMembers") else "false"
    return params


def child_selections(field_nodes: Any, fragments: Mapping[str, Any]) -> dict[str, set[str]]:
    """For each field selected under these nodes, the names selected under it."""
    children: dict[str, list[Any]] = {}
    for nodes in collect_children(field_nodes, fragments, None).values():
        for node in nodes:
            children.setdefault(node.name.value, []).append(node)
    return {name: selected_names(nodes, fragments) for name, nodes in children.items()}


@dataclass(frozen=True)
class Search(Fetch):
    """`Query.search`: one `/search` call shaped by the selection."""


def search_resolver(graph: Graph, mapping: Search) -> Callable[..., Any]:
    """The resolver of `Query.search`."""

    async def resolve(_parent: Any, args: dict[str, Any], ctx: RequestContext, info: Any) -> Any:
        selections = child_selections(info.field_nodes, info.fragments)
        kinds = [kind for kind in KINDS if kind in selections]
        params = search_params(args, kinds)
        if not kinds:
            return {kind: [] for kind in KINDS}
        for kind in kinds:
            type_name, singular = KINDS[kind]
            fields = graph.trello_fields(type_name, selections[kind])
            params[f"{singular}_fields"] = ",".join(sorted(fields))
        reply = await ctx.loader.get(mapping.path, params)
        return {kind: (reply.get(kind) or []) if isinstance(reply, dict) else [] for kind in KINDS}

    return resolve


MAPPINGS = [
    Search("Query.search", "/search", "SearchResult"),
    Lookup(
        "Query.searchMembers",
        "/search/members/",
        "Member",
        member_search_params,
        fields_param=None,
    ),
]
