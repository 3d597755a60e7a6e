"""Planned and unplanned execution give identical answers, on generated queries."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from graphql import build_schema

from tests.conftest import DEMO_TOKEN
from tests.planner.querygen import Ids, QueryGenerator
from trelloql.app import create_app
from trelloql.sandbox import SANDBOX_API_KEY, SandboxConfig, SandboxServer
from trelloql.schema import read_sdl
from trelloql.settings import DEFAULT_SDL_DIR, Settings

QUERIES = int(os.environ.get("TRELLOQL_EQUIVALENCE_QUERIES", "120"))
SEED = int(os.environ.get("TRELLOQL_EQUIVALENCE_SEED", "7"))
UNKNOWN_ID = "0123456789abcdef01234567"


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(rate_limits=False)


def service(sandbox: SandboxServer, planner: bool) -> TestClient:
    settings = Settings(
        TRELLO_API_KEY=SANDBOX_API_KEY,
        TRELLO_TOKEN=DEMO_TOKEN,
        TRELLO_API_URL=sandbox.base_url,
        sandbox="false",
        planner=planner,
    )
    return TestClient(TestServer(create_app(settings)))


@pytest.fixture
async def clients(sandbox: SandboxServer) -> AsyncIterator[tuple[TestClient, TestClient]]:
    async with service(sandbox, True) as planned, service(sandbox, False) as naive:
        yield planned, naive


def seed_ids(sandbox: SandboxServer) -> Ids:
    store = sandbox.store
    boards = list(store.data.boards.values())
    cards = list(store.data.cards.values())[:40]
    lists = list(store.data.lists.values())[:20]
    board_ids = [b["id"] for b in boards] + [boards[0]["shortLink"], UNKNOWN_ID]
    return Ids(
        {
            "board": board_ids,
            "card": [c["id"] for c in cards] + [cards[0]["shortLink"], "not-an-id"],
            "list": [x["id"] for x in lists],
            "member": ["ada", "grace", store.main_member["id"]],
            "organization": [o["id"] for o in store.data.organizations.values()],
            "checklist": [c["id"] for c in list(store.data.checklists.values())[:10]],
            "label": [lab["id"] for lab in list(store.data.labels.values())[:10]],
            "action": [a["id"] for a in list(store.data.actions.values())[:10]],
        }
    )


def normalised(result: dict[str, Any]) -> tuple[Any, list[tuple[str, str, str]]]:
    errors = sorted(
        (
            repr(error.get("path")),
            error.get("extensions", {}).get("code", ""),
            error.get("message", ""),
        )
        for error in result.get("errors") or []
    )
    return result.get("data"), errors


async def ask(client: TestClient, text: str) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": text})
    assert response.status == 200
    result: dict[str, Any] = await response.json()
    return result


async def test_planned_equals_naive(
    sandbox: SandboxServer, clients: tuple[TestClient, TestClient]
) -> None:
    planned, naive = clients
    generator = QueryGenerator(
        build_schema(read_sdl(DEFAULT_SDL_DIR)), seed_ids(sandbox), seed=SEED
    )
    planned_units = naive_units = 0
    for _ in range(QUERIES):
        text = generator.query()
        sandbox.stats.reset()
        with_plan = await ask(planned, text)
        planned_units += sandbox.stats.units()
        sandbox.stats.reset()
        without = await ask(naive, text)
        naive_units += sandbox.stats.units()
        assert normalised(with_plan) == normalised(without), text
        assert not any(
            e.get("extensions", {}).get("code") == "INTERNAL_SERVER_ERROR"
            for e in with_plan.get("errors") or []
        ), text
    assert planned_units < naive_units
