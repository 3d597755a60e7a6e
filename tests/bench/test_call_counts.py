"""Every benchmark query makes exactly the expected Trello calls: a regression fails CI.

Each count is the query's minimum in `bench.suite` (`make bench` prints both): one call
for every shape Trello can nest, one more round per level it cannot.
"""

from __future__ import annotations

import pytest

from bench import suite
from bench.suite import BY_NAME
from tests.conftest import Query
from trelloql.sandbox import SandboxConfig, SandboxServer

# Suite query -> (upstream HTTP calls, rate-limit units). None: not in the schema yet.
EXPECTED: dict[str, tuple[int, int] | None] = {
    "member_dashboard": (1, 1),
    "kanban_board": (1, 1),
    "card_detail": (1, 1),
    "organization_overview": (1, 1),
    "search": (1, 1),
    "multi_root_aliases": (1, 5),
    "deep": (6, 51),
    "large_board": (1, 1),
}


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """The benchmark's sandbox, without its simulated latency."""
    return suite.sandbox_config(latency_ms=0)


def test_every_suite_query_has_an_expected_count() -> None:
    assert set(EXPECTED) == set(BY_NAME)


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_suite_query_makes_exactly_the_expected_calls(
    name: str, query: Query, sandbox: SandboxServer
) -> None:
    suite_query = BY_NAME[name]
    if suite_query.needs is not None:
        fields = await query('{ __type(name: "Query") { fields { name } } }')
        names = {field["name"] for field in fields["data"]["__type"]["fields"]}
        if suite_query.needs not in names:
            pytest.skip(f"Query.{suite_query.needs} is not in the schema yet")
        if EXPECTED[name] is None:
            pytest.fail(f"Query.{suite_query.needs} exists now: put {name}'s counts in EXPECTED")
    sandbox.stats.reset()
    result = await query(suite_query.text, suite_query.variables(sandbox.store))
    assert "errors" not in result
    assert (sandbox.stats.count(), sandbox.stats.units()) == EXPECTED[name]
