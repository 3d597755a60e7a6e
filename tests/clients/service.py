"""The real service on 127.0.0.1, backed by the embedded sandbox Trello, for client tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp.test_utils import TestServer
from gql import Client
from gql.transport.aiohttp import AIOHTTPTransport

from trelloql.app import create_app
from trelloql.settings import SandboxMode, Settings


@asynccontextmanager
async def running_service(**settings: Any) -> AsyncIterator[TestServer]:
    """create_app() listening on a free loopback port, in sandbox mode."""
    app = create_app(Settings(sandbox=SandboxMode.TRUE, **settings))
    async with TestServer(app, host="127.0.0.1") as server:
        yield server


def gql_client(server: TestServer) -> Client:
    """A gql client over aiohttp, with its default (current) introspection query: it fetches
    the schema and validates requests against it."""
    transport = AIOHTTPTransport(url=str(server.make_url("/graphql")))
    return Client(transport=transport, fetch_schema_from_transport=True)
