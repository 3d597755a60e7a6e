"""`python -m bench.levers` (`make bench-levers`): what each engine lever saves.

Records Trello's answers for the large-board query from an in-process sandbox, then times
(median CPU per execution, replayed, no sockets) Tartiflette with one lever after another,
trelloql's tuned engine and graphql-core on the same SDL and data; and the other per-request
costs the levers touch: parsing and validating the query, encoding the answer.

Then the same for the nested `deep` query (resolvers on most fields): trelloql as served
(its resolvers over the replayed answers), and each engine with the same trivial resolvers
(`bench.engine_cpu.replay_runners`), so that the engine's own cost is seen apart.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

import aiohttp
from tartiflette import Engine
from tartiflette.execution.collect import parse_and_validate_query
from tartiflette.resolver.default import sync_arguments_coercer

from bench.engine_cpu import (
    ReplayClient,
    cooked,
    graphql_core_runner,
    interleaved_cpu_ms,
    median_encode_ms,
    record,
    replay_engine,
    replay_runners,
)
from bench.suite import BY_NAME, LARGE_BOARD, SuiteQuery, sandbox_config
from trelloql.context import RequestContext
from trelloql.engine_tuning import TunedEngine
from trelloql.errors import coerce_error
from trelloql.planner import Planner
from trelloql.resolvers import GRAPH
from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS, SandboxServer
from trelloql.schema import MODULES, new_engine
from trelloql.trello.client import Credentials

DEEP = "deep"
SCALARS = ["trelloql.scalars"]


async def dict_default_resolver(parent: Any, _args: Any, _ctx: Any, info: Any) -> Any:
    """A default resolver reading dicts directly (Tartiflette's tries getattr first)."""
    if type(parent) is dict:
        return parent.get(info.field_name)
    return getattr(parent, info.field_name, None)


SEQUENTIAL = {"coerce_list_concurrently": False, "coerce_parent_concurrently": False}
LEVERS: list[tuple[str, dict[str, Any]]] = [
    ("stock Tartiflette (a task per field and list item)", {}),
    ("coerce_list/parent_concurrently=False", SEQUENTIAL),
    (
        "  + custom_default_resolver reading dicts",
        {**SEQUENTIAL, "custom_default_resolver": dict_default_resolver},
    ),
    (
        "  + arguments coerced without tasks",
        {
            **SEQUENTIAL,
            "custom_default_resolver": dict_default_resolver,
            "custom_default_arguments_coercer": sync_arguments_coercer,
        },
    ),
]


Recorded = tuple[dict[str, Any], dict[str, Any]]


async def recorded(*queries: SuiteQuery, planner: Planner | None = None) -> list[Recorded]:
    """Each query's variables and Trello's answers to it, from one in-process sandbox."""
    out = []
    async with SandboxServer(sandbox_config(0)) as sandbox, aiohttp.ClientSession() as session:
        credentials = Credentials(SANDBOX_API_KEY, next(iter(SANDBOX_TOKENS)))
        for query in queries:
            variables = query.variables(sandbox.store)
            recording = await record(
                session, sandbox.base_url, credentials, query.text, variables, planner
            )
            out.append((variables, recording))
    return out


def served(
    engine: Engine,
    query: str,
    variables: dict[str, Any],
    recording: dict[str, Any],
    planner: Planner | None = None,
) -> Callable[[], Awaitable[Any]]:
    """`engine` executing `query` with trelloql's resolvers over the replayed answers."""

    async def run() -> Any:
        context = RequestContext(
            client=ReplayClient(recording), request_id="levers", planner=planner
        )
        return await engine.execute(query, context=context, variables=variables)

    return run


async def measure(repeat: int) -> list[tuple[str, float]]:
    """Median CPU milliseconds of each way of executing and encoding the large board."""
    query = BY_NAME[LARGE_BOARD]
    ((variables, recording),) = await recorded(query)

    def runner(engine: Engine) -> Callable[[], Awaitable[Any]]:
        return served(engine, query.text, variables, recording)

    runs = {}
    for name, options in LEVERS:
        engine = await cooked(Engine(error_coercer=coerce_error, modules=MODULES, **options))
        runs[name] = runner(engine)
    tuned = await cooked(new_engine())
    answer = await runner(tuned)()
    runs["trelloql TunedEngine"] = runner(tuned)
    board = answer["data"]["board"]
    runs["graphql-core, same SDL and data"] = graphql_core_runner(query.text, variables, board)
    rows = list((await interleaved_cpu_ms(runs, repeat)).items())
    cached = cast(Callable[[str, Any], Any], tuned._cached_parse_and_validate_query)
    rows.append(
        ("parse + validate, uncached", _median_ms(parse_and_validate_query, query.text, tuned))
    )
    rows.append(
        ("parse + validate, cached (trelloql's LRU)", _median_ms(cached, query.text, tuned))
    )
    rows.append(("encode the answer, json.dumps", median_encode_ms(json.dumps, answer)))
    import orjson

    rows.append(("encode the answer, orjson", median_encode_ms(orjson.dumps, answer)))
    return rows


def _median_ms(parse: Callable[[str, Any], Any], text: str, engine: Engine) -> float:
    samples = []
    for _ in range(20):
        started = time.process_time()
        parse(text, engine._schema)
        samples.append((time.process_time() - started) * 1000)
    return sorted(samples)[len(samples) // 2]


async def measure_deep(repeat: int) -> list[tuple[str, float]]:
    """Median CPU milliseconds of executing the `deep` query: as served, and per engine with
    the same trivial resolvers."""
    query = BY_NAME[DEEP]
    planner = Planner(GRAPH)  # as the service serves it
    ((variables, recording),) = await recorded(query, planner=planner)
    tuned = await cooked(new_engine())
    as_served = served(tuned, query.text, variables, recording, planner)
    answer = await as_served()
    if answer.get("errors"):
        raise RuntimeError(f"the deep query failed: {answer['errors']}")
    engines = {
        "TunedEngine": await replay_engine(
            TunedEngine(error_coercer=coerce_error, modules=SCALARS)
        ),
        "stock Tartiflette": await replay_engine(
            Engine(error_coercer=coerce_error, modules=SCALARS)
        ),
        "Tartiflette, concurrency off": await replay_engine(
            Engine(error_coercer=coerce_error, modules=SCALARS, **SEQUENTIAL)
        ),
    }
    replayed = replay_runners(query.text, variables, answer["data"], engines)
    if (await replayed["TunedEngine"]())["data"] != answer["data"]:
        raise RuntimeError("the replay resolvers do not answer as trelloql's")
    slow = ("stock Tartiflette", "Tartiflette, concurrency off")
    runs = {"trelloql TunedEngine, its resolvers and planner": as_served}
    runs |= {f"{name}, replay resolvers": run for name, run in replayed.items() if name not in slow}
    rows = await interleaved_cpu_ms(runs, repeat)
    slow_runs = {f"{name}, replay resolvers": replayed[name] for name in slow}
    rows |= await interleaved_cpu_ms(slow_runs, max(3, repeat // 4))
    return list(rows.items())


def _print(title: str, rows: list[tuple[str, float]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(title)
    for name, ms in rows:
        print(f"  {name:<{width}}  {ms:8.2f}")


def main() -> None:
    """Print one line per lever, then the deep query's lines."""
    rows = asyncio.run(measure(repeat=10))
    _print(
        f"Large board ({BY_NAME[LARGE_BOARD].name}): median CPU ms per execution, replayed", rows
    )
    deep = asyncio.run(measure_deep(repeat=10))
    _print(f"Nested query ({DEEP}): median CPU ms per execution, replayed", deep)


if __name__ == "__main__":
    main()
