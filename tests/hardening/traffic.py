"""Sending GraphQL traffic and judging the answers, for the hardening tests."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp.test_utils import TestClient

from trelloql.sandbox import SandboxServer


@dataclass(frozen=True)
class Answer:
    """One HTTP answer to a GraphQL request."""

    status: int
    body: dict[str, Any]
    seconds: float

    @property
    def codes(self) -> list[str]:
        """`extensions.code` of each error."""
        return [e.get("extensions", {}).get("code") for e in self.body.get("errors") or []]

    @property
    def has_data(self) -> bool:
        """Whether any root field came back."""
        data = self.body.get("data")
        return isinstance(data, dict) and any(v is not None for v in data.values())


async def post(
    client: TestClient,
    query: str,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    """POST one GraphQL request and read the answer."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    async with client.post("/graphql", json=body, headers=headers or {}) as response:
        decoded = await response.json(content_type=None)
        return Answer(response.status, decoded, loop.time() - started)


async def burst(
    clients: Sequence[TestClient],
    requests: Sequence[tuple[str, dict[str, Any] | None]],
    count: int,
    concurrency: int | None = None,
) -> list[Answer]:
    """Send `count` requests at once (or `concurrency` at a time), cycling clients and queries."""
    gate = asyncio.Semaphore(concurrency or count)

    async def one(index: int) -> Answer:
        query, variables = requests[index % len(requests)]
        async with gate:
            return await post(clients[index % len(clients)], query, variables)

    return await asyncio.gather(*(one(i) for i in range(count)))


def sandbox_429s(sandbox: SandboxServer) -> int:
    """HTTP answers the sandbox gave with status 429."""
    return sum(1 for request in sandbox.stats.requests if request.status == 429)


def upstream_429s(answers: Sequence[Answer]) -> int:
    """Errors that carried a 429 from upstream (inside a /batch, for instance)."""
    return sum(
        1
        for answer in answers
        for error in answer.body.get("errors") or []
        if error.get("extensions", {}).get("upstreamStatus") == 429
    )
