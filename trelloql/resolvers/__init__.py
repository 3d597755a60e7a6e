"""Resolvers: every mapped field of the graph, registered with Tartiflette in `bake`."""

from __future__ import annotations

from typing import Any

from tartiflette import Resolver

from trelloql.resolvers import (
    actions,
    board_writes,
    boards,
    card_details,
    cards,
    checklists,
    customfields,
    enterprises,
    labels,
    list_writes,
    lists,
    member_writes,
    members,
    notifications,
    organization_writes,
    organizations,
    plugins,
    search,
    tokens,
    webhooks,
)
from trelloql.resolvers.base import (
    Embedded,
    Fetch,
    Graph,
    Upper,
    embedded_resolver,
    fetch_resolver,
    upper_resolver,
    write_resolver,
)
from trelloql.resolvers.lookups import Lookup, lookup_resolver

GRAPH = Graph(
    [
        *members.MAPPINGS,
        *boards.MAPPINGS,
        *lists.MAPPINGS,
        *cards.MAPPINGS,
        *organizations.MAPPINGS,
        *labels.MAPPINGS,
        *checklists.MAPPINGS,
        *actions.MAPPINGS,
        *card_details.MAPPINGS,
        *customfields.MAPPINGS,
        *plugins.MAPPINGS,
        *notifications.MAPPINGS,
        *webhooks.MAPPINGS,
        *tokens.MAPPINGS,
        *search.MAPPINGS,
        *enterprises.MAPPINGS,
        *board_writes.MAPPINGS,
        *list_writes.MAPPINGS,
        *organization_writes.MAPPINGS,
        *member_writes.MAPPINGS,
    ]
)


async def bake(schema_name: str, _config: Any = None) -> str:
    """Register a resolver for every mapped field with the named schema."""
    for name, mapping in GRAPH.by_field.items():
        if isinstance(mapping, tokens.TokenRead):
            resolver = tokens.token_resolver(GRAPH, mapping)
        elif isinstance(mapping, search.Search):
            resolver = search.search_resolver(GRAPH, mapping)
        elif isinstance(mapping, Lookup):
            resolver = lookup_resolver(GRAPH, mapping)
        elif isinstance(mapping, Fetch):
            resolver = fetch_resolver(GRAPH, mapping)
        elif isinstance(mapping, Embedded):
            resolver = embedded_resolver(mapping)
        elif isinstance(mapping, Upper):
            resolver = upper_resolver(mapping)
        else:
            resolver = write_resolver(mapping, GRAPH)
        Resolver(name, schema_name=schema_name)(resolver)
    return ""
