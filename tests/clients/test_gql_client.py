"""gql, a GraphQL client other teams use, against the running service."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestServer
from gql import GraphQLRequest
from gql.client import AsyncClientSession
from graphql import GraphQLError

from tests.clients.service import gql_client


@pytest.fixture
async def session(service: TestServer) -> AsyncIterator[AsyncClientSession]:
    """A gql session that validates every request against the introspected schema."""
    async with gql_client(service) as session:
        yield session


async def _run(session: AsyncClientSession, query: str, **variables: Any) -> dict[str, Any]:
    return await session.execute(GraphQLRequest(query, variable_values=variables or None))


async def _my_boards(session: AsyncClientSession) -> list[dict[str, Any]]:
    result = await _run(session, "{ me { fullName boards { id name } } }")
    assert result["me"]["fullName"] == "Ada Lovelace"
    assert len(result["me"]["boards"]) >= 2
    return result["me"]["boards"]


async def test_query_with_variables(session: AsyncClientSession) -> None:
    board = (await _my_boards(session))[0]
    result = await _run(
        session,
        """
        query Board($id: ID!, $filter: ListFilter) {
          board(id: $id) { id name lists(filter: $filter) { name cards { name } } }
        }
        """,
        id=board["id"],
        filter="OPEN",
    )
    assert result["board"]["id"] == board["id"]
    assert result["board"]["name"] == board["name"]
    assert result["board"]["lists"], "the sandbox's boards have lists"


async def test_aliased_multi_root_query(session: AsyncClientSession) -> None:
    first, second = (await _my_boards(session))[:2]
    result = await _run(
        session,
        """
        query Two($a: ID!, $b: ID!) {
          ada: me { name: fullName }
          first: board(id: $a) { title: name }
          second: board(id: $b) { title: name }
        }
        """,
        a=first["id"],
        b=second["id"],
    )
    assert result == {
        "ada": {"name": "Ada Lovelace"},
        "first": {"title": first["name"]},
        "second": {"title": second["name"]},
    }


async def test_the_client_validates_against_the_introspected_schema(
    session: AsyncClientSession,
) -> None:
    assert session.client.schema is not None
    assert session.client.schema.query_type is not None
    with pytest.raises(GraphQLError, match="Cannot query field 'nope'"):
        await _run(session, "{ me { nope } }")


async def test_mutation_round_trip(session: AsyncClientSession) -> None:
    board = (await _my_boards(session))[0]
    lists = await _run(
        session, "query($id: ID!) { board(id: $id) { lists { id name } } }", id=board["id"]
    )
    target = lists["board"]["lists"][0]
    created = await _run(
        session,
        """
        mutation Create($input: CreateCardInput!) {
          createCard(input: $input) { id name pos list { id name } }
        }
        """,
        input={"idList": target["id"], "name": "Written by gql", "pos": "top"},
    )
    card = created["createCard"]
    assert card["name"] == "Written by gql"
    assert card["list"] == target
    renamed = await _run(
        session,
        "mutation($input: UpdateCardInput!) { updateCard(input: $input) { id name } }",
        input={"id": card["id"], "name": "Renamed by gql"},
    )
    assert renamed["updateCard"] == {"id": card["id"], "name": "Renamed by gql"}
    read_back = await _run(
        session,
        "query($id: ID!) { list(id: $id) { cards { id name } } }",
        id=target["id"],
    )
    assert read_back["list"]["cards"][0] == {"id": card["id"], "name": "Renamed by gql"}
    deleted = await _run(
        session,
        "mutation($input: DeleteCardInput!) { deleteCard(input: $input) { id deleted } }",
        input={"id": card["id"]},
    )
    assert deleted["deleteCard"] == {"id": card["id"], "deleted": True}
