"""TRELLOQL_GRAPHIQL on the whole service built by create_app()."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from trelloql.app import create_app
from trelloql.settings import load_settings

ClientFactory = Callable[[web.Application], Awaitable[TestClient]]


@pytest.fixture(autouse=True)
def _sandboxed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRELLOQL_SANDBOX", "true")


async def test_graphiql_is_served_by_default(
    aiohttp_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRELLOQL_GRAPHIQL", raising=False)
    client = await aiohttp_client(create_app(load_settings()))
    response = await client.get("/graphiql")
    assert response.status == 200
    assert response.content_type == "text/html"
    assert "fullName" in await response.text(), "the default query is on the page"


async def test_trelloql_graphiql_false_removes_the_route(
    aiohttp_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRELLOQL_GRAPHIQL", "false")
    client = await aiohttp_client(create_app(load_settings()))
    assert (await client.get("/graphiql")).status == 404
    answer = await client.post("/graphql", json={"query": "{ me { fullName } }"})
    assert answer.status == 200
    assert await answer.json() == {"data": {"me": {"fullName": "Ada Lovelace"}}}
