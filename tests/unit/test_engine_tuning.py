"""The tuned engine answers exactly as stock Tartiflette, data and errors, for any payload."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tartiflette import Directive, Engine, Resolver

from trelloql.eager import run_eagerly, settle
from trelloql.engine_tuning import NOT_NOW, TunedEngine, now_read
from trelloql.plain_fields import plain_read
from trelloql.schema import new_schema_name

SDL = """
scalar DateTime
scalar JSON
scalar Position
enum Color { RED GREEN }
directive @shout on FIELD_DEFINITION
directive @lower on FIELD
type Item {
  id: ID!
  name: String
  count: Int
  ratio: Float
  flag: Boolean
  color: Color
  when: DateTime
  data: JSON
  tags: [String!]
  loose: [String]
  strict: [String!]!
  nested: [[Int]]
  items: String
  child: Item
  must: Item!
  children: [Item!]
  maybeChildren: [Item]
  computed: String
  failing: String
  waiting: [Item!]!
  withArg(x: Int = 1): String
  ordered: String!
  upper: Color
  mustUpper: Color!
  mustName: String!
  mustChild: Item!
  returned: String
  echo(x: Int = 1, c: Color, s: [String!]): String
  shouted: String @shout
  colors: [Color]
  lowered: Color
  mustLowered: Color!
}
type Query {
  item: Item
  items: [Item]
  strictItems: [Item!]!
  object: Item
}
"""

QUERIES = [
    "{ item { id name count ratio flag color when data tags loose strict nested items } }",
    "{ items { id name child { id name } must { id } children { id count } } }",
    "{ strictItems { id maybeChildren { id name } } }",
    "{ a: item { x: name y: name ...F ... on Item { flag } __typename } }"
    " fragment F on Item { count }",
    "query($s: Boolean!) { item { name @skip(if: $s) count @include(if: $s) } }",
    "{ item { computed failing withArg withArg2: withArg(x: 2) } }",
    "{ items { waiting { name waiting { id computed } } } }",
    "{ object { id name tags child { name } } }",
    '{ __typename __type(name: "Item") { name fields { name } } }',
    "{ items { upper mustUpper mustName returned colors mustChild { upper count } } }",
    "{ strictItems { name mustChild { mustName } } item { upper child { mustUpper } } }",
    'query($x: Int) { item { echo e: echo(x: 3, c: GREEN, s: ["a"]) v: echo(x: $x) } }',
    "{ items { child { echo e: echo(x: 2, c: RED) waiting { echo waiting { name } } } } }",
    "query($s: Boolean!) { items { upper @include(if: $s) shouted n: name @lower } }",
    '{ __type(name: "Color") { name enumValues { name } } item { upper __typename } }',
    "{ items { id name mustName color tags __typename } strictItems { ratio flag when } }",
    "{ items { lowered color mustLowered name } item { child { lowered mustLowered } } }",
]

SCALARS = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False),
    st.booleans(),
    st.sampled_from(["RED", "GREEN", "BLUE"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=6,
)
WELL_TYPED = {
    "id": st.text(max_size=5),
    "name": st.none() | st.text(max_size=5),
    "count": st.integers(-(2**31), 2**31 - 1),
    "ratio": st.floats(allow_nan=False) | st.just(float("nan")),
    "flag": st.booleans(),
    "color": st.sampled_from(["RED", "GREEN"]),
    "when": st.just("2026-11-27T09:30:00.000Z"),
    "data": VALUES,
    "tags": st.lists(st.text(max_size=3), max_size=3),
    "loose": st.lists(st.none() | st.text(max_size=3), max_size=3),
    "strict": st.lists(st.text(max_size=3), max_size=3),
    "nested": st.lists(st.none() | st.lists(st.none() | st.integers(0, 9), max_size=2), max_size=2),
    "items": st.text(max_size=3),
    "shade": st.sampled_from(["red", "green", "Red", "RED", "blue", ""]),
}


def items(depth: int) -> st.SearchStrategy[Any]:
    """Item-ish dicts: each known key absent, well typed or anything; children likewise."""
    fields = {key: typed | VALUES for key, typed in WELL_TYPED.items()}
    if depth > 0:
        child = items(depth - 1)
        nullable_child = st.none() | child
        fields |= {
            "child": nullable_child,
            "must": nullable_child,
            "children": st.none() | st.lists(nullable_child, max_size=3),
            "maybeChildren": st.none() | st.lists(nullable_child, max_size=3),
            "waiting": st.lists(child, max_size=2),
        }
    return st.fixed_dictionaries({}, optional=fields)


PAYLOADS = st.fixed_dictionaries(
    {
        "item": st.none() | items(2),
        "items": st.none() | st.lists(st.none() | items(2), max_size=3),
        "strictItems": st.lists(st.none() | items(1), max_size=3),
    }
)


def register(schema_name: str) -> None:
    """The same resolvers for each engine's schema."""

    def root(name: str) -> Any:
        async def resolve(_parent: Any, _args: Any, ctx: dict[str, Any], _info: Any) -> Any:
            return ctx["payload"][name]

        return resolve

    for name in ("item", "items", "strictItems"):
        Resolver(f"Query.{name}", schema_name=schema_name)(root(name))

    @Resolver("Query.object", schema_name=schema_name)
    async def as_object(_parent: Any, _args: Any, ctx: dict[str, Any], _info: Any) -> Any:
        item = ctx["payload"]["item"] or {}
        return SimpleNamespace(**{k: v for k, v in item.items() if k in ("id", "name", "tags")})

    @Resolver("Item.computed", schema_name=schema_name)
    async def computed(parent: Any, _args: Any, _ctx: Any, _info: Any) -> Any:
        return f"<{parent.get('name')}>"

    @Resolver("Item.failing", schema_name=schema_name)
    async def failing(_parent: Any, _args: Any, _ctx: Any, _info: Any) -> Any:
        raise ValueError("boom")

    @Resolver("Item.ordered", schema_name=schema_name, parent_concurrently=False)
    async def ordered(parent: Any, _args: Any, _ctx: Any, _info: Any) -> Any:
        await asyncio.sleep(0)
        return parent.get("name")

    def waiting_now(parent: Any) -> Any:
        # Ready only for some parents: the others take the waiting path.
        return parent.get("waiting") or [] if "name" in parent else NOT_NOW

    @Resolver("Item.waiting", schema_name=schema_name)
    @now_read(lambda _args, _ctx, _info: waiting_now)
    async def waiting(parent: Any, _args: Any, _ctx: Any, _info: Any) -> Any:
        await asyncio.sleep(0)
        return waiting_now({"name": None, **parent})

    def read(key: str, wait: bool = False) -> Any:
        async def resolve(parent: Any, _args: Any, _ctx: Any, _info: Any) -> Any:
            if wait:
                await asyncio.sleep(0)
            return parent.get(key)

        # What needs no waiting also offers its synchronous read to the tuned engine.
        return resolve if wait else plain_read(lambda parent: parent.get(key))(resolve)

    for field, key, wait in (
        ("upper", "color", False),
        ("mustUpper", "color", True),
        ("mustName", "name", False),
        ("mustChild", "must", False),
        ("shouted", "name", False),
        ("colors", "loose", True),
    ):
        Resolver(f"Item.{field}", schema_name=schema_name)(read(key, wait))

    def upper_shade(parent: dict[str, Any]) -> Any:
        shade = parent.get("shade")
        return shade.upper() if isinstance(shade, str) else None

    for field in ("lowered", "mustLowered"):  # Trello's lower-case values, as enum values

        @Resolver(f"Item.{field}", schema_name=schema_name)
        @plain_read(upper_shade, upper_of="shade")
        async def lowered(parent: Any, _args: Any, _ctx: Any, _info: Any) -> Any:
            return upper_shade(parent)

    @Resolver("Item.returned", schema_name=schema_name)
    async def returned(_parent: Any, _args: Any, _ctx: Any, _info: Any) -> Any:
        return ValueError("returned, not raised")

    def echo_now(args: dict[str, Any], _ctx: Any, _info: Any) -> Callable[[Any], Any]:
        echoed = repr(sorted(args.items()))
        return lambda _parent: echoed

    @Resolver("Item.echo", schema_name=schema_name)
    @now_read(echo_now)
    async def echo(parent: Any, args: dict[str, Any], ctx: Any, info: Any) -> Any:
        return echo_now(args, ctx, info)(parent)

    for name, change in (("shout", str.upper), ("lower", str.lower)):
        Directive(name, schema_name=schema_name)(string_directive(change))


def string_directive(change: Callable[[str], str]) -> type:
    """A directive that changes the string values of the fields it marks."""

    class Changing:
        async def on_field_execution(
            self, _args: Any, next_resolver: Any, parent: Any, args: Any, ctx: Any, info: Any
        ) -> Any:
            value = await next_resolver(parent, args, ctx, info)
            return change(value) if isinstance(value, str) else value

    return Changing


async def cooked(engine_class: type[Engine]) -> Engine:
    name = new_schema_name()
    register(name)
    engine = engine_class(modules=["trelloql.scalars"])
    await engine.cook(sdl=SDL, schema_name=name)
    return engine


@pytest.fixture(scope="module")
def engines() -> Iterator[tuple[asyncio.Runner, Engine, Engine]]:
    with asyncio.Runner() as runner:
        stock = runner.run(cooked(Engine))
        tuned = runner.run(cooked(TunedEngine))
        yield runner, stock, tuned


async def both(stock: Engine, tuned: Engine, query: str, payload: Any) -> tuple[Any, Any]:
    """Both engines' answers; errors sorted, as their order is unspecified (and, in stock
    Tartiflette, an accident of task scheduling)."""
    variables: dict[str, Any] = {"s": bool(payload.get("item"))}
    if "$x" in query:
        variables["x"] = len(payload.get("items") or ())
    answers = []
    for engine in (stock, tuned):
        answer = await engine.execute(query, context={"payload": payload}, variables=variables)
        if "errors" in answer:
            answer["errors"].sort(key=lambda error: (str(error["path"]), error["message"]))
        answers.append(answer)
    return answers[0], answers[1]


@given(payload=PAYLOADS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_tuned_engine_answers_as_stock_tartiflette(
    engines: tuple[asyncio.Runner, Engine, Engine], payload: Any
) -> None:
    runner, stock, tuned = engines
    for query in QUERIES:
        expected, actual = runner.run(both(stock, tuned, query, payload))
        assert actual == expected, query


async def test_a_failing_sequential_field_leaves_no_coroutine_behind() -> None:
    tuned = await cooked(TunedEngine)
    payload = {"item": {"waiting": [{"id": "1"}]}}
    answer = await tuned.execute(
        "{ item { waiting { id } ordered } }", context={"payload": payload}
    )
    assert answer["data"] == {"item": None}
    assert answer["errors"][0]["path"] == ["item", "ordered"]
    gc.collect()  # a coroutine never awaited would warn here, an error under pytest's settings


def test_run_eagerly_finishes_what_does_not_wait() -> None:
    async def plain() -> int:
        return 1

    async def failing() -> int:
        raise KeyError("x")

    assert run_eagerly(plain()) == (True, 1)
    done, error = run_eagerly(failing())
    assert done
    assert isinstance(error, KeyError)


async def test_run_eagerly_hands_over_what_waits_and_shares_futures() -> None:
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def reader(offset: int) -> int:
        return await future + offset

    first, second = run_eagerly(reader(1)), run_eagerly(reader(2))
    assert not first[0]
    assert not second[0]
    asyncio.get_running_loop().call_soon(future.set_result, 40)
    assert await asyncio.gather(first[1], second[1]) == [41, 42]


async def test_run_eagerly_passes_cancellation_on() -> None:
    never: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    cleaned = []

    async def reader() -> int:
        try:
            return await never
        finally:
            cleaned.append(True)

    done, rest = run_eagerly(reader())
    assert not done
    task = asyncio.ensure_future(rest)
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert cleaned == [True]


async def test_settle_gives_each_result_or_error_in_order() -> None:
    async def after(turns: int, value: Any) -> Any:
        for _ in range(turns):
            await asyncio.sleep(0)
        if isinstance(value, Exception):
            raise value
        return value

    error = KeyError("x")
    assert await settle([after(2, 1), after(0, error), after(1, 3)]) == [1, error, 3]
    assert await settle([after(1, error)]) == [error]


async def test_settle_cancelled_cancels_its_tasks_and_waits_for_them() -> None:
    never: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    cleaned = []

    async def reader(name: str) -> int:
        try:
            return await never
        finally:
            await asyncio.sleep(0)
            cleaned.append(name)

    task = asyncio.ensure_future(settle([reader("a"), reader("b")]))
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert sorted(cleaned) == ["a", "b"]


@pytest.mark.parametrize("count", [1, 3])
async def test_settle_gives_a_coroutines_own_cancellation_as_gather_does(count: int) -> None:
    async def outcomes(join: Any) -> list[str]:
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def reader() -> int:
            return await future

        asyncio.get_running_loop().call_soon(future.cancel)
        return [type(result).__name__ for result in await join([reader() for _ in range(count)])]

    expected = await outcomes(lambda coros: asyncio.gather(*coros, return_exceptions=True))
    assert await outcomes(settle) == expected == ["CancelledError"] * count


@pytest.mark.parametrize(
    "child",
    [
        {"count": 2},  # no id: a null for a non-null field
        {"id": "y", "count": "two"},  # a value the scalar refuses
        {"id": "y", "count": 2**40},  # out of Int's range
        SimpleNamespace(id="y", count=2),  # not a dict
    ],
)
async def test_later_items_of_a_plain_list_fail_as_stock_does(child: Any) -> None:
    """Items whose selection's steps are known complete directly (after the first item of
    the execution); one that cannot still fails as in stock."""
    payload = {
        "items": [
            {"id": "a", "children": [{"id": "x", "count": 1}, child, {"id": "z"}]},
            {"id": "b", "children": [child, {"id": "w", "count": 3}]},  # first of a later list
        ],
        "item": None,
        "strictItems": [],
    }
    query = "{ items { id children { id count __typename } } }"
    stock, tuned = await cooked(Engine), await cooked(TunedEngine)
    expected, actual = await both(stock, tuned, query, payload)
    assert actual == expected
