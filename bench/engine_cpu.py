"""CPU time of executing a query: trelloql's engine against plain graphql-core.

Trello's answers for the query are recorded once from the upstream sandbox, then replayed:
trelloql executes the query with its own resolvers, loader and engine over a client that
answers from the recording; graphql-core executes it on the same SDL with resolvers that
return the same board and cards. Neither touches a socket, so only execution is timed.

For nested queries, `replay_runners` holds the resolvers constant too: every engine gets the
same trivial resolvers on the fields trelloql resolves, answering from trelloql's answer.
"""

from __future__ import annotations

import copy
import json
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import aiohttp
from tartiflette import Engine, Resolver

from trelloql.context import RequestContext
from trelloql.errors import coerce_error
from trelloql.planner import Planner
from trelloql.resolvers import GRAPH
from trelloql.schema import MODULES, new_engine, new_schema_name, read_sdl
from trelloql.settings import DEFAULT_SDL_DIR
from trelloql.trello.client import Credentials, Params, TrelloClient, encode_url

Recording = dict[str, Any]


class RecordingClient(TrelloClient):
    """A Trello client that keeps every answer by URL, each URL of a /batch on its own."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.recording: Recording = {}

    async def get(self, path: str, params: Params | None = None) -> Any:
        answer = await super().get(path, params)
        self.recording[encode_url(path, params)] = answer
        return answer

    async def batch(self, urls: Sequence[str]) -> list[Any]:
        answers = await super().batch(urls)
        self.recording.update(zip(urls, answers, strict=True))
        return answers


class ReplayClient(TrelloClient):
    """A Trello client that answers reads from a recording, without a session.

    Reads may be grouped into /batch calls differently than when recorded: each URL is
    answered on its own.
    """

    def __init__(self, recording: Recording) -> None:
        super().__init__(
            cast(aiohttp.ClientSession, None),
            "replay",
            Credentials("", ""),
            aiohttp.ClientTimeout(),
        )
        self.recording = recording

    async def get(self, path: str, params: Params | None = None) -> Any:
        return self.recording[encode_url(path, params)]

    async def batch(self, urls: Sequence[str]) -> list[Any]:
        return [self.recording[url] for url in urls]


@dataclass(frozen=True)
class EngineTimes:
    """Median CPU milliseconds per execution, and per encoding of the answer."""

    trelloql_ms: float
    graphql_core_ms: float
    stock_tartiflette_ms: float
    sequential_tartiflette_ms: float
    json_dumps_ms: float
    orjson_dumps_ms: float | None

    @property
    def ratio(self) -> float:
        """trelloql's execution CPU time over graphql-core's."""
        return self.trelloql_ms / self.graphql_core_ms


async def record(
    session: aiohttp.ClientSession,
    base_url: str,
    credentials: Credentials,
    query: str,
    variables: dict[str, Any],
    planner: Planner | None = None,
) -> Recording:
    """Trello's answers to everything trelloql reads for `query` (planned, with `planner`)."""
    client = RecordingClient(session, base_url, credentials, aiohttp.ClientTimeout(total=30))
    engine = await cooked(new_engine())
    context = RequestContext(client=client, request_id="bench", planner=planner)
    answer = await engine.execute(query, context=context, variables=variables)
    if answer.get("errors"):
        raise RuntimeError(f"recording the query failed: {answer['errors']}")
    return client.recording


async def cooked(engine: Engine) -> Engine:
    """`engine` cooked from the repository's SDL under a schema name of its own."""
    await engine.cook(sdl=read_sdl(DEFAULT_SDL_DIR), schema_name=new_schema_name())
    return engine


async def interleaved_cpu_ms(
    runs: dict[str, Callable[[], Awaitable[Any]]], repeat: int
) -> dict[str, float]:
    """Median CPU milliseconds of each run, taken in turns so that a busy machine slows all
    of them alike, after one warm-up run each."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():
        await run()
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.process_time()
            await run()
            samples[name].append((time.process_time() - started) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def median_encode_ms(encode: Callable[[Any], Any], value: Any, repeat: int = 20) -> float:
    """Median CPU milliseconds of encoding `value`."""
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        encode(value)
        samples.append((time.process_time() - started) * 1000)
    return statistics.median(samples)


def graphql_core_runner(
    query: str, variables: dict[str, Any], board: dict[str, Any]
) -> Callable[[], Awaitable[Any]]:
    """graphql-core executing `query` with resolvers returning `board` and its `cards`.

    `board` is trelloql's answer: the same objects and fields Trello sent it.
    """
    from graphql import build_schema, execute, parse, validate

    cards = copy.deepcopy(board["cards"])
    board = {key: value for key, value in board.items() if key != "cards"}

    async def resolve_board(_parent: Any, _info: Any, **_args: Any) -> Any:
        return board

    async def resolve_cards(_parent: Any, _info: Any, **_args: Any) -> Any:
        return cards

    schema = build_schema(read_sdl(DEFAULT_SDL_DIR))
    schema.query_type.fields["board"].resolve = resolve_board  # type: ignore[union-attr]
    schema.get_type("Board").fields["cards"].resolve = resolve_cards  # type: ignore[union-attr]
    document = parse(query)
    if validate(schema, document):
        raise RuntimeError("graphql-core finds the query invalid")

    async def run() -> Any:
        result = execute(schema, document, variable_values=variables)
        result = await result  # type: ignore[misc]
        if result.errors:
            raise RuntimeError(f"graphql-core failed: {result.errors}")
        return result.data

    return run


async def measure(
    query: str, variables: dict[str, Any], recording: Recording, repeat: int = 20
) -> EngineTimes:
    """Time trelloql's engine, stock Tartiflette (two ways) and graphql-core on the query."""

    def runner(engine: Engine) -> Callable[[], Awaitable[Any]]:
        async def run() -> Any:
            context = RequestContext(client=ReplayClient(recording), request_id="bench")
            answer = await engine.execute(query, context=context, variables=variables)
            if answer.get("errors"):
                raise RuntimeError(f"execution failed: {answer['errors']}")
            return answer

        return run

    tuned = runner(await cooked(new_engine()))
    stock = runner(await cooked(Engine(error_coercer=coerce_error, modules=MODULES)))
    sequential = runner(
        await cooked(
            Engine(
                error_coercer=coerce_error,
                modules=MODULES,
                coerce_list_concurrently=False,
                coerce_parent_concurrently=False,
            )
        )
    )
    answer = await tuned()
    try:
        import orjson

        orjson_ms: float | None = median_encode_ms(orjson.dumps, answer)
    except ImportError:
        orjson_ms = None
    fast = await interleaved_cpu_ms(
        {
            "trelloql": tuned,
            "graphql-core": graphql_core_runner(query, variables, answer["data"]["board"]),
        },
        repeat,
    )
    slow = await interleaved_cpu_ms({"stock": stock, "sequential": sequential}, max(3, repeat // 4))
    return EngineTimes(
        trelloql_ms=fast["trelloql"],
        graphql_core_ms=fast["graphql-core"],
        stock_tartiflette_ms=slow["stock"],
        sequential_tartiflette_ms=slow["sequential"],
        json_dumps_ms=median_encode_ms(json.dumps, answer),
        orjson_dumps_ms=orjson_ms,
    )


async def _replayed(parent: Any, name: str, data: dict[str, Any]) -> Any:
    """A mapped field's value in the recorded answer: the root's, or the parent's key."""
    return data[name] if parent is None else parent.get(name)


async def replay_resolver(parent: Any, _args: Any, ctx: dict[str, Any], info: Any) -> Any:
    """The same trivial resolver, in Tartiflette's signature, for every mapped field."""
    return await _replayed(parent, info.field_name, ctx["data"])


async def replay_engine(engine: Engine) -> Engine:
    """`engine` cooked from the repository's SDL with `replay_resolver` on every mapped field."""
    schema_name = new_schema_name()
    for field in GRAPH.by_field:
        Resolver(field, schema_name=schema_name)(replay_resolver)
    await engine.cook(sdl=read_sdl(DEFAULT_SDL_DIR), schema_name=schema_name)
    return engine


def replay_runners(
    query: str, variables: dict[str, Any], data: dict[str, Any], engines: dict[str, Engine]
) -> dict[str, Callable[[], Awaitable[Any]]]:
    """Runs of `query` by each engine (cooked by `replay_engine`) and by graphql-core, all
    with the trivial resolvers answering `data` (trelloql's answer, without aliases)."""

    def tartiflette_run(engine: Engine) -> Callable[[], Awaitable[Any]]:
        async def run() -> Any:
            answer = await engine.execute(query, context={"data": data}, variables=variables)
            if answer.get("errors"):
                raise RuntimeError(f"execution failed: {answer['errors']}")
            return answer

        return run

    from graphql import build_schema, execute, parse, validate

    async def core_resolver(parent: Any, info: Any, **_args: Any) -> Any:
        return await _replayed(parent, info.field_name, data)

    schema = build_schema(read_sdl(DEFAULT_SDL_DIR))
    for name in GRAPH.by_field:
        type_name, field = name.split(".", 1)
        schema.get_type(type_name).fields[field].resolve = core_resolver  # type: ignore[union-attr]
    document = parse(query)
    if validate(schema, document):
        raise RuntimeError("graphql-core finds the query invalid")

    async def core_run() -> Any:
        result = await execute(schema, document, variable_values=variables)  # type: ignore[misc]
        if result.errors:
            raise RuntimeError(f"graphql-core failed: {result.errors}")
        return result.data

    runs = {name: tartiflette_run(engine) for name, engine in engines.items()}
    runs["graphql-core"] = core_run
    return runs
