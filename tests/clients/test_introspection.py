"""Introspection round trip: what a client tool rebuilds is the SDL the service loads."""

from __future__ import annotations

import subprocess
import sys

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from graphql import (
    GraphQLSchema,
    build_client_schema,
    build_schema,
    get_introspection_query,
    lexicographic_sort_schema,
    print_schema,
)

from tests.clients.service import gql_client

# Tartiflette adds these to every schema; the SDL in sdl/ does not declare them.
TARTIFLETTE_SCALARS = {"Date", "Time"}
TARTIFLETTE_DIRECTIVES = {"nonIntrospectable"}


def _printed(schema: GraphQLSchema) -> str:
    return print_schema(lexicographic_sort_schema(schema))


def _without_tartiflette_builtins(schema: GraphQLSchema) -> GraphQLSchema:
    kwargs = schema.to_kwargs()
    kwargs["types"] = [t for t in kwargs["types"] if t.name not in TARTIFLETTE_SCALARS]
    kwargs["directives"] = [d for d in kwargs["directives"] if d.name not in TARTIFLETTE_DIRECTIVES]
    return GraphQLSchema(**kwargs)


def _loaded_sdl() -> str:
    """The SDL the service loads, as `trelloql schema` prints it."""
    command = [sys.executable, "-m", "trelloql", "schema"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


async def test_introspected_schema_is_the_sdl_the_service_loads(service: TestServer) -> None:
    async with gql_client(service) as session:
        introspected = session.client.schema
    assert introspected is not None
    assert set(introspected.type_map) >= TARTIFLETTE_SCALARS
    assert {d.name for d in introspected.directives} >= TARTIFLETTE_DIRECTIVES
    # Equal printed SDL: same types, fields, arguments, defaults, descriptions, deprecations.
    assert _printed(_without_tartiflette_builtins(introspected)) == _printed(
        build_schema(_loaded_sdl())
    ), (
        "introspection differs from the SDL; note that Tartiflette keeps the newlines "
        "around a block-string description, so write descriptions on one line"
    )


async def test_the_current_full_introspection_query_is_answered(service: TestServer) -> None:
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    async with ClientSession() as http:
        response = await http.post(service.make_url("/graphql"), json={"query": query})
        result = await response.json()
    assert "errors" not in result
    schema = build_client_schema(result["data"])
    create_card = schema.mutation_type.fields["createCard"] if schema.mutation_type else None
    assert create_card is not None
    assert "input" in create_card.args
