"""On the real schema against the sandbox, the tuned engine answers as stock Tartiflette does,
in no more Trello calls or rounds: sibling reads still go out together. With the query
planner too, where most answers are already there and the tuned engine completes them
without coroutines."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from tartiflette import Engine

from tests.conftest import DEMO_TOKEN
from trelloql.context import RequestContext
from trelloql.engine_tuning import TunedEngine
from trelloql.errors import coerce_error
from trelloql.planner import Planner
from trelloql.resolvers import GRAPH
from trelloql.sandbox import SANDBOX_API_KEY, SandboxConfig, SandboxServer
from trelloql.schema import MODULES, new_schema_name, read_sdl
from trelloql.settings import DEFAULT_SDL_DIR
from trelloql.trello.client import Credentials, TrelloClient

WIDE_AND_DEEP = """{ me { fullName boards { name
  members { fullName } labels { name color }
  lists { name cards { name due labels { color } members { initials } } } } } }"""

CHECKLISTS = """query($board: ID!) { board(id: $board) { name lists { name cards { name
  checklists { name checkItems { name state } } labels { color } } } } }"""

QUERIES = [
    WIDE_AND_DEEP,
    CHECKLISTS,
    """query($card: ID!) { card(id: $card) { name desc labels { name color }
         checklists { name checkItems { name state } } attachments { name url }
         comments { date data memberCreator { fullName } } list { name } board { name } } }""",
    """query($board: ID!) { a: board(id: $board) { ...B } b: board(id: $board) { ...B }
         missing: board(id: "000000000000000000000000") { name }
         bad: card(id: "no/such") { name } me { username } }
       fragment B on Board { name prefs { background } lists { name } }""",
]


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(rate_limits=False, extra_boards=3)


@pytest.fixture
async def engines() -> dict[str, Engine]:
    cooked = {}
    for name, engine in (
        ("stock", Engine(error_coercer=coerce_error, modules=MODULES)),
        ("tuned", TunedEngine(error_coercer=coerce_error, modules=MODULES)),
    ):
        await engine.cook(sdl=read_sdl(DEFAULT_SDL_DIR), schema_name=new_schema_name())
        cooked[name] = engine
    return cooked


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as opened:
        yield opened


async def run(
    engine: Engine,
    session: aiohttp.ClientSession,
    sandbox: SandboxServer,
    query: str,
    planner: Planner | None = None,
) -> tuple[dict[str, Any], int, int]:
    """The answer (errors sorted: their order is unspecified), calls and loader rounds."""
    store = sandbox.store
    variables = {
        "card": store.card_by_name("Warning flood with -Wall on system headers")["id"],
        "board": store.board_by_name("Product Launch")["id"],
    }
    client = TrelloClient(
        session,
        sandbox.base_url,
        Credentials(SANDBOX_API_KEY, DEMO_TOKEN),
        aiohttp.ClientTimeout(total=10),
    )
    context = RequestContext(client=client, request_id="test", planner=planner)
    used = {name: value for name, value in variables.items() if f"${name}" in query}
    sandbox.stats.reset()
    answer = await engine.execute(query, context=context, variables=used)
    if "errors" in answer:
        answer["errors"].sort(key=lambda error: str(error["path"]))
    return answer, sandbox.stats.count(), context.loader.rounds


@pytest.mark.parametrize("planner", [None, Planner(GRAPH)], ids=["naive", "planned"])
@pytest.mark.parametrize("query", QUERIES)
async def test_tuned_engine_answers_as_stock_in_no_more_calls(
    engines: dict[str, Engine],
    session: aiohttp.ClientSession,
    sandbox: SandboxServer,
    query: str,
    planner: Planner | None,
) -> None:
    expected, stock_calls, stock_rounds = await run(
        engines["stock"], session, sandbox, query, planner
    )
    actual, calls, rounds = await run(engines["tuned"], session, sandbox, query, planner)
    assert actual == expected
    assert calls <= stock_calls
    assert rounds <= stock_rounds


async def test_sibling_reads_of_every_level_share_one_round(
    engines: dict[str, Engine], session: aiohttp.ClientSession, sandbox: SandboxServer
) -> None:
    query = "{ me { boards { name lists { name } members { fullName } labels { name } } } }"
    answer, calls, rounds = await run(engines["tuned"], session, sandbox, query)
    assert "errors" not in answer
    boards = answer["data"]["me"]["boards"]
    assert len(boards) == 7
    # me; its boards; then every board's lists, members and labels together, in /batch
    # calls of up to ten reads.
    assert rounds == 3
    assert calls == 1 + 1 + -(-3 * len(boards) // 10)
