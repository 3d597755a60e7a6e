"""Shared fixtures: a sandbox Trello on loopback and the service over HTTP in front of it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from trelloql.app import create_app
from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS, SandboxConfig, SandboxServer
from trelloql.settings import Settings

DEMO_TOKEN = next(iter(SANDBOX_TOKENS))

Query = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """The sandbox's configuration; override in a module for latency or limits."""
    return SandboxConfig()


@pytest.fixture
async def sandbox(sandbox_config: SandboxConfig) -> AsyncIterator[SandboxServer]:
    """A sandbox Trello on 127.0.0.1 that the test can inspect (store, stats)."""
    async with SandboxServer(sandbox_config) as server:
        yield server


@pytest.fixture
def settings(sandbox: SandboxServer) -> Settings:
    """Service settings pointing at the test's sandbox as if it were Trello."""
    return Settings(
        TRELLO_API_KEY=SANDBOX_API_KEY,
        TRELLO_TOKEN=DEMO_TOKEN,
        TRELLO_API_URL=sandbox.base_url,
        sandbox="false",
    )


@pytest.fixture
async def client(aiohttp_client: Any, settings: Settings) -> TestClient:
    """The service over HTTP."""
    return await aiohttp_client(create_app(settings))


@pytest.fixture
def query(client: TestClient) -> Query:
    """POST a GraphQL query; return the decoded answer after checking it is 200 JSON."""

    async def run(
        text: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"query": text}
        if variables is not None:
            body["variables"] = variables
        response = await client.post("/graphql", json=body, headers=headers or {})
        assert response.status == 200, await response.text()
        result: dict[str, Any] = await response.json()
        return result

    return run
