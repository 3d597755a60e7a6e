"""Heavy queries (by the guard's estimate) take turns for a few slots; light ones never wait."""

from __future__ import annotations

import asyncio
import itertools

from tests.hardening.conftest import MakeService
from tests.hardening.traffic import post
from trelloql.sandbox import SandboxServer

# Two rounds: the board with its members, then each member's boards.
QUERY = "query($b: ID!) { board(id: $b) { name members { fullName boards { name } } } }"
BOARDS = ("Product Launch", "Bug Triage", "Personal")


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
