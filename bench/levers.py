"""`python -m bench.levers` (`make bench-levers`): what each engine lever saves on the large board.

Records Trello's answers for the large-board query from an in-process sandbox, then times
(median CPU per execution, replayed, no sockets) Tartiflette with one lever after another,
trelloql's tuned engine and graphql-core on the same SDL and data; and the other per-request
costs the levers touch: parsing and validating the query, encoding the answer.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from tartiflette import Engine
from tartiflette.resolver.default import sync_arguments_coercer

from bench.engine_cpu import (
    ReplayClient,
    cooked,
    graphql_core_runner,
    interleaved_cpu_ms,
    median_encode_ms,
    record,
)
from bench.suite import BY_NAME, LARGE_BOARD, sandbox_config
from trelloql.context import RequestContext
from trelloql.errors import coerce_error
from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS, SandboxServer
from trelloql.schema import MODULES, new_engine
from trelloql.trello.client import Credentials


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


async def measure(repeat: int) -> list[tuple[str, float]]:
    """Median CPU milliseconds of each way of executing and encoding the large board."""
    query = BY_NAME[LARGE_BOARD]
    async with SandboxServer(sandbox_config(0)) as sandbox, aiohttp.ClientSession() as session:
        variables = query.variables(sandbox.store)
        credentials = Credentials(SANDBOX_API_KEY, next(iter(SANDBOX_TOKENS)))
        recording = await record(session, sandbox.base_url, credentials, query.text, variables)

    def runner(engine: Engine) -> Callable[[], Awaitable[Any]]:
        async def run() -> Any:
            context = RequestContext(client=ReplayClient(recording), request_id="levers")
            return await engine.execute(query.text, context=context, variables=variables)

        return run

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
    parse = tuned._cached_parse_and_validate_query
    rows.append(("parse + validate, uncached", _median_ms(parse.__wrapped__, query.text, tuned)))
    rows.append(
        ("parse + validate, cached (Tartiflette's LRU)", _median_ms(parse, query.text, tuned))
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


def main() -> None:
    """Print one line per lever."""
    rows = asyncio.run(measure(repeat=10))
    width = max(len(name) for name, _ in rows)
    print(f"Large board ({BY_NAME[LARGE_BOARD].name}): median CPU ms per execution, replayed")
    for name, ms in rows:
        print(f"  {name:<{width}}  {ms:8.2f}")


if __name__ == "__main__":
    main()
