"""Heavy queries (by the guard's estimate) take turns for a few slots; light ones never wait."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from tests.hardening.conftest import MakeService
from tests.hardening.traffic import post
from trelloql.sandbox import SandboxConfig, SandboxServer

# Two rounds: the board with its members, then each member's boards.
QUERY = "query($b: ID!) { board(id: $b) { name members { fullName boards { name } } } }"
BOARDS = ("Product Launch", "Bug Triage", "Personal")
WAITING = "trelloql_graphql_heavy_queries_waiting "


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """Trello answers in 50 ms, so that a heavy query holds its slot for two rounds of it."""
    return SandboxConfig(latency_ms=50)


async def run_three(
    sandbox: SandboxServer, make_service: MakeService, **settings: int
) -> list[str]:
    """Send the query for three boards at once; the paths Trello saw, in arrival order."""
    service = await make_service(**settings)
    ids = [sandbox.store.board_by_name(name)["id"] for name in BOARDS]
    answers = await asyncio.gather(*(post(service, QUERY, {"b": board}) for board in ids))
    for answer in answers:
        assert answer.status == 200
        assert "errors" not in answer.body, answer.body
        assert answer.body["data"]["board"]["members"]
    return [request.path for request in sandbox.stats.requests]


def board_reads(paths: list[str]) -> list[int]:
    """Where the first-round reads (one per query) are in the arrival order."""
    return [i for i, path in enumerate(paths) if path.startswith("/1/boards/")]


async def test_heavy_queries_run_one_after_another_with_one_slot(
    sandbox: SandboxServer, make_service: MakeService
) -> None:
    paths = await run_three(sandbox, make_service, heavy_query_cost=1, heavy_query_slots=1)
    firsts = board_reads(paths)
    assert len(firsts) == 3
    # Each query's second round reaches Trello before the next query's first.
    assert all(later - earlier >= 2 for earlier, later in itertools.pairwise(firsts))


async def test_light_queries_do_not_wait_for_the_heavy_slots(
    sandbox: SandboxServer, make_service: MakeService
) -> None:
    paths = await run_three(sandbox, make_service, heavy_query_cost=1_000, heavy_query_slots=1)
    assert board_reads(paths) == [0, 1, 2]


async def test_heavy_queries_waiting_for_a_slot_are_counted(
    sandbox: SandboxServer, make_service: MakeService
) -> None:
    service = await make_service(heavy_query_cost=1, heavy_query_slots=1)
    ids = [sandbox.store.board_by_name(name)["id"] for name in BOARDS]
    sent = [asyncio.ensure_future(post(service, QUERY, {"b": board})) for board in ids]

    async def waiting() -> float:
        text = await (await service.get("/metrics")).text()
        (line,) = [line for line in text.splitlines() if line.startswith(WAITING)]
        return float(line.removeprefix(WAITING))

    most = 0.0
    while not all(task.done() for task in sent):
        most = max(most, await waiting())
        await asyncio.sleep(0.01)
    assert [task.result().status for task in sent] == [200, 200, 200]
    assert most == 2  # one query runs, two wait
    assert await waiting() == 0
