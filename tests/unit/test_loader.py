"""The per-request loader de-duplicates reads and coalesces them into /batch calls."""

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
from aioresponses import CallbackResult

from tests.compat import mocked_trello
from trelloql.trello.client import Credentials, TrelloClient
from trelloql.trello.errors import TrelloNotFound
from trelloql.trello.loader import TrelloLoader

ANY_URL = re.compile(r"^https://trello\.test/1/.*$")


@pytest.fixture
async def loader() -> AsyncIterator[TrelloLoader]:
    async with aiohttp.ClientSession() as session:
        client = TrelloClient(
            session, "https://trello.test/1", Credentials("k", "t"), aiohttp.ClientTimeout(5)
        )
        yield TrelloLoader(client)


def fake_trello(seen: list[str]):  # type: ignore[no-untyped-def]
    """A Trello that echoes ids and answers /batch element by element."""

    def answer(url: object, **_kwargs: object) -> CallbackResult:
        parts = urlsplit(str(url))
        seen.append(parts.path + ("?" + parts.query if parts.query else ""))
        if parts.path.endswith("/batch"):
            urls = parse_qs(parts.query)["urls"][0].split(",")
            body = [
                {"404": "The requested resource was not found."}
                if "missing" in u
                else {"200": {"id": urlsplit(u).path.rsplit("/", 1)[1], "url": u}}
                for u in urls
            ]
            return CallbackResult(payload=body)
        return CallbackResult(payload={"id": parts.path.rsplit("/", 1)[1]})

    return answer


async def test_one_read_is_a_plain_get(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        assert await loader.get("/boards/b1", {"fields": "name"}) == {"id": "b1"}
    assert seen == ["/1/boards/b1?fields=name"]


async def test_same_moment_reads_share_batches_of_ten(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        results = await asyncio.gather(*(loader.get(f"/boards/b{n}") for n in range(12)))
    assert [r["id"] for r in results] == [f"b{n}" for n in range(12)]
    assert len(seen) == 2
    assert all(path.startswith("/1/batch?") for path in seen)
    assert loader.client.calls == 2
    assert loader.client.units == 12
    assert loader.rounds == 1


async def test_reads_from_separate_tasks_are_coalesced(loader: TrelloLoader) -> None:
    seen: list[str] = []

    async def read(n: int) -> object:
        await asyncio.sleep(0)
        return await loader.get(f"/lists/l{n}")

    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        await asyncio.gather(*(read(n) for n in range(5)))
    assert len(seen) == 1


async def test_equal_reads_are_fetched_once_and_fields_merge(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        first, second, third = await asyncio.gather(
            loader.get("/boards/b1", {"fields": "name"}),
            loader.get("/boards/b1", {"fields": "desc"}),
            loader.get("/boards/b1", {"fields": "name"}),
        )
        later = await loader.get("/boards/b1", {"fields": "desc"})
    assert seen == ["/1/boards/b1?fields=desc,name"]
    assert first is second is third is later


async def test_a_later_read_needing_more_fields_fetches_again(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        await loader.get("/boards/b1", {"fields": "name"})
        await loader.get("/boards/b1", {"fields": "name,desc"})
    assert seen == ["/1/boards/b1?fields=name", "/1/boards/b1?fields=desc,name"]


async def test_failures_reach_only_their_askers(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        found, missing = await asyncio.gather(
            loader.get("/boards/b1"), loader.get("/boards/missing"), return_exceptions=True
        )
    assert found == {"id": "b1", "url": "/boards/b1"}
    assert isinstance(missing, TrelloNotFound)


async def test_a_failed_batch_fails_each_asker(loader: TrelloLoader) -> None:
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, exception=aiohttp.ClientConnectionError())
        results = await asyncio.gather(
            loader.get("/boards/b1"), loader.get("/boards/b2"), return_exceptions=True
        )
    assert all(isinstance(r, Exception) for r in results)


async def test_primed_answers_are_reused(loader: TrelloLoader) -> None:
    loader.prime("/boards/b1", {"fields": "name,desc"}, {"id": "b1", "name": "N"})
    assert await loader.get("/boards/b1", {"fields": "name"}) == {"id": "b1", "name": "N"}
    assert loader.client.calls == 0


async def test_nested_params_of_one_path_merge(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        first, second = await asyncio.gather(
            loader.get("/boards/b1", {"fields": "name", "lists": "open", "list_fields": "name"}),
            loader.get("/boards/b1", {"fields": "desc", "labels": "all"}),
        )
        later = await loader.get("/boards/b1", {"fields": "name"})
    assert seen == ["/1/boards/b1?fields=desc,name&labels=all&list_fields=name&lists=open"]
    assert first is second is later


async def test_params_that_change_the_answer_never_merge(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        await asyncio.gather(
            loader.get("/boards/b1/actions", {"fields": "type", "limit": "5"}),
            loader.get("/boards/b1/actions", {"fields": "type"}),
            loader.get("/boards/b1/cards", {"fields": "name", "filter": "open"}),
            loader.get("/boards/b1/cards", {"fields": "name", "filter": "closed"}),
        )
    assert len(seen) == 1
    assert seen[0].startswith("/1/batch?")
    assert seen[0].count("%2F1") == 0
    assert loader.client.units == 4


async def test_default_fields_are_not_any_fields(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        await asyncio.gather(loader.get("/boards/b1"), loader.get("/boards/b1", {"fields": "name"}))
    assert loader.client.units == 2


async def test_forget_drops_answers_after_a_write(loader: TrelloLoader) -> None:
    seen: list[str] = []
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        await loader.get("/boards/b1", {"fields": "name"})
        loader.forget()
        await loader.get("/boards/b1", {"fields": "name"})
    assert len(seen) == 2


async def test_deferred_primes_run_before_a_read_nothing_covers(loader: TrelloLoader) -> None:
    ran: list[str] = []

    def priming(prime: Callable[[str, dict[str, str], object], None]) -> None:
        ran.append("primed")
        prime("/cards/c1", {"fields": "name"}, {"id": "c1", "name": "N"})

    loader.prime("/boards/b1", {"fields": "name"}, {"id": "b1"})
    loader.defer(priming)
    assert await loader.get("/boards/b1", {"fields": "name"}) == {"id": "b1"}
    assert ran == []  # a covered read does not need them
    assert await loader.get("/cards/c1", {"fields": "name"}) == {"id": "c1", "name": "N"}
    assert ran == ["primed"]
    assert loader.answered("/cards/c1", {"fields": "name"}) is not None
    assert ran == ["primed"]  # once
    assert loader.client.calls == 0


async def test_a_reader_holds_the_answers_served_under_a_key(loader: TrelloLoader) -> None:
    card, other = {"id": "c1"}, {"id": "c2"}
    held = loader.served_under("Card.labels")
    held[id(card)] = (card, [{"id": "l1"}])
    assert loader.served_under("Card.labels")[id(card)] == (card, [{"id": "l1"}])
    assert loader.served_under("Card.members") == {}
    loader.forget()
    assert held == {}  # emptied, not replaced: a reader holding it sees no stale answer
    loader.served_under("Card.labels")[id(other)] = (other, [])
    assert loader.served_under("Card.labels") is held
    assert held == {id(other): (other, [])}


async def test_forget_drops_deferred_primes_and_served_answers(loader: TrelloLoader) -> None:
    seen: list[str] = []
    card = {"id": "c1"}
    loader.served_under("Card.labels")[id(card)] = (card, [])
    loader.defer(lambda prime: prime("/boards/b1", {"fields": "name"}, {"id": "b1"}))
    loader.forget()
    assert loader.served_under("Card.labels") == {}
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=fake_trello(seen), repeat=True)
        await loader.get("/boards/b1", {"fields": "name"})
    assert seen == ["/1/boards/b1?fields=name"]
