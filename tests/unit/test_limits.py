"""The in-process rate limiter: budgets, sliding windows, Trello's headers, bounded waits."""

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable
from urllib.parse import quote

import pytest

from trelloql.limits import Floor, Limits, MemoryStore, RateLimiter, bucket_names, budgets_for
from trelloql.limits.budget import digest, floors_from_headers, is_member_route, member_units
from trelloql.trello.errors import TrelloRateLimited


def ticket() -> str:
    """A fresh ticket for one call."""
    return secrets.token_hex(8)


KEY, TOKEN = "k" * 32, "t" * 64
NAMES = bucket_names(KEY, TOKEN)
LIMITS = Limits(token=90, key=270, member=90, max_wait=2.0)


class FakeClock:
    """A clock the tests move; `sleep` advances it instead of waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clock: FakeClock) -> MemoryStore:
    return MemoryStore(clock)


def limiter_for(
    store: MemoryStore,
    clock: FakeClock,
    events: list[tuple[str, str]] | None = None,
    limits: Limits = LIMITS,
) -> RateLimiter:
    seen = events if events is not None else []
    sleep: Callable[[float], Awaitable[None]] = clock.sleep
    return RateLimiter(
        store,
        limits,
        on_wait=lambda kind, _seconds: seen.append(("wait", kind)),
        on_reject=lambda kind: seen.append(("reject", kind)),
        clock=clock,
        sleep=sleep,
    )


def test_bucket_names_hold_no_secret() -> None:
    names = bucket_names(KEY, TOKEN)
    assert all(KEY not in name and TOKEN not in name for name in names.values())
    assert names["token"].endswith(digest(TOKEN))
    assert names["member"].endswith(digest(TOKEN))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/members/me", True),
        ("/members/5f0c0c0c0c0c0c0c0c0c0c0c", True),
        ("/members/me/boards", False),
        ("/boards/abc", False),
        ("/members/", False),
    ],
)
def test_member_route(path: str, expected: bool) -> None:
    assert is_member_route(path) is expected


def test_member_urls_inside_a_batch_count() -> None:
    urls = ",".join(
        quote(url, safe="/?=&")
        for url in ["/members/me?fields=id,fullName", "/members/me/boards", "/members/ada"]
    )
    assert member_units("/batch", {"urls": urls}) == 2
    assert member_units("/members/me", None) == 1
    assert member_units("/boards/x", None) == 0


def test_budgets_for_a_call() -> None:
    budgets = budgets_for(NAMES, LIMITS, units=10, member=2)
    assert [(b.kind, b.units, b.limit) for b in budgets] == [
        ("token", 10, 90),
        ("key", 10, 270),
        ("member", 2, 90),
    ]
    assert [b.kind for b in budgets_for(NAMES, LIMITS, units=1, member=0)] == ["token", "key"]


async def test_a_window_holds_at_most_the_limit(store: MemoryStore, clock: FakeClock) -> None:
    budgets = budgets_for(NAMES, LIMITS, units=10, member=0)
    for _ in range(9):
        assert await store.take(budgets, (), ticket()) == (0.0, None)
        clock.now += 1
    wait, binding = await store.take(budgets, (), ticket())
    assert binding is not None
    assert binding.kind == "token"
    assert wait == pytest.approx(1.0)  # the first ten units leave the window at t0 + 10 s
    clock.now += 1
    assert await store.take(budgets, (), ticket()) == (0.0, None)
    assert store.used(NAMES["token"]) == 90


async def test_budgets_are_taken_all_or_none(store: MemoryStore) -> None:
    for other in ("u", "v", "w"):
        names = bucket_names(KEY, other * 64)
        for _ in range(9):
            assert (await store.take(budgets_for(names, LIMITS, 10, 0), (), ticket()))[1] is None
    wait, binding = await store.take(budgets_for(NAMES, LIMITS, 1, 0), (), ticket())
    assert binding is not None
    assert binding.kind == "key"
    assert wait > 0
    assert store.used(NAMES["token"]) == 0


async def test_floors_from_trello_shrink_what_is_left(store: MemoryStore) -> None:
    budgets = budgets_for(NAMES, LIMITS, units=1, member=0)
    floor = Floor(NAMES["token"], 10.0, 85)
    assert await store.take(budgets, [floor], ticket()) == (0.0, None)
    for _ in range(4):
        assert (await store.take(budgets, (), ticket()))[1] is None
    assert (await store.take(budgets, (), ticket()))[1] is not None


async def test_idle_buckets_are_forgotten(store: MemoryStore, clock: FakeClock) -> None:
    await store.take(budgets_for(NAMES, LIMITS, 1, 0), (), ticket())
    clock.now += 3600
    await store.take(budgets_for(bucket_names(KEY, "v" * 64), LIMITS, 1, 0), (), ticket())
    assert store.used(NAMES["token"]) == 0
    assert NAMES["token"] not in store._logs


def test_headers_become_floors() -> None:
    headers = {
        "x-rate-limit-api-token-max": "100",
        "x-rate-limit-api-token-remaining": "40",
        "x-rate-limit-api-key-max": "300",
        "x-rate-limit-api-key-remaining": "299",
        "x-rate-limit-member-remaining": "95",
    }
    floors = {f.bucket: f.used for f in floors_from_headers(NAMES, LIMITS, headers)}
    # Scaled to our limits (90, 270, 90) and rounded up.
    assert floors == {NAMES["token"]: 54, NAMES["key"]: 1, NAMES["member"]: 5}


def test_an_empty_trello_bucket_fills_ours_whatever_our_limit() -> None:
    generous = Limits(token=1000, key=3000, member=1000)
    headers = {"x-rate-limit-api-token-max": "100", "x-rate-limit-api-token-remaining": "0"}
    (floor,) = floors_from_headers(NAMES, generous, headers)
    assert floor.used == 1000


def test_odd_headers_are_ignored_and_counts_capped() -> None:
    headers = {
        "x-rate-limit-api-token-max": "lots",
        "x-rate-limit-api-token-remaining": "1",
        "x-rate-limit-api-key-max": "300",
        "x-rate-limit-api-key-remaining": "-5",
        "x-rate-limit-member-remaining": "0",
    }
    floors = floors_from_headers(NAMES, LIMITS, headers)
    assert [(f.bucket, f.used) for f in floors] == [(NAMES["member"], 90)]


async def test_acquire_waits_when_budget_frees_soon(store: MemoryStore, clock: FakeClock) -> None:
    events: list[tuple[str, str]] = []
    limiter = limiter_for(store, clock, events)
    budgets = budgets_for(NAMES, LIMITS, units=10, member=0)
    for _ in range(9):
        await limiter.acquire(budgets)
    clock.now += 9.5
    await limiter.acquire(budgets)
    assert clock.slept == [pytest.approx(0.5)]
    assert events == [("wait", "token")]


async def test_acquire_fails_fast_with_a_retry_hint(store: MemoryStore, clock: FakeClock) -> None:
    events: list[tuple[str, str]] = []
    limiter = limiter_for(store, clock, events)
    budgets = budgets_for(NAMES, LIMITS, units=10, member=0)
    for _ in range(9):
        await limiter.acquire(budgets)
    with pytest.raises(TrelloRateLimited) as raised:
        await limiter.acquire(budgets)
    assert raised.value.retry_after == 10
    assert raised.value.code == "RATE_LIMITED"
    assert "per-token" in raised.value.message
    assert clock.slept == []
    assert events == [("reject", "token")]


async def test_acquire_never_waits_past_the_deadline(store: MemoryStore, clock: FakeClock) -> None:
    limiter = limiter_for(store, clock)
    budgets = budgets_for(NAMES, LIMITS, units=10, member=0)
    for _ in range(9):
        await limiter.acquire(budgets)
    clock.now += 9.0
    with pytest.raises(TrelloRateLimited):
        await limiter.acquire(budgets, deadline=clock.now + 0.5)
    await limiter.acquire(budgets, deadline=clock.now + 1.5)


async def test_observed_headers_slow_the_next_call(store: MemoryStore, clock: FakeClock) -> None:
    limiter = limiter_for(store, clock)
    budgets = budgets_for(NAMES, LIMITS, units=1, member=0)
    limiter.observe(
        NAMES, {"x-rate-limit-api-token-max": "100", "x-rate-limit-api-token-remaining": "10"}
    )
    for _ in range(9):  # 10% of Trello's budget left is 10% of ours
        await limiter.acquire(budgets)
    with pytest.raises(TrelloRateLimited):
        await limiter.acquire(budgets)


async def test_a_429_without_headers_spends_the_token(store: MemoryStore, clock: FakeClock) -> None:
    limiter = limiter_for(store, clock)
    limiter.observe(NAMES, {}, rate_limited=True)
    with pytest.raises(TrelloRateLimited):
        await limiter.acquire(budgets_for(NAMES, LIMITS, units=1, member=0))
    other = bucket_names(KEY, "w" * 64)
    await limiter.acquire(budgets_for(other, LIMITS, units=1, member=0))


async def test_member_route_budget_is_separate(store: MemoryStore, clock: FakeClock) -> None:
    limiter = limiter_for(store, clock, limits=Limits(token=1000, key=1000, member=3))
    for _ in range(3):
        await limiter.acquire(budgets_for(NAMES, limiter.limits, units=1, member=1))
    with pytest.raises(TrelloRateLimited) as raised:
        await limiter.acquire(budgets_for(NAMES, limiter.limits, units=1, member=1))
    assert "member-route" in raised.value.message
    assert raised.value.retry_after == 900
    await limiter.acquire(budgets_for(NAMES, limiter.limits, units=1, member=0))


async def test_a_store_that_does_not_answer_fails_fast(clock: FakeClock) -> None:
    class Stuck(MemoryStore):
        async def take(self, *_args: object, **_kwargs: object) -> tuple[float, None]:
            await asyncio.sleep(60)
            return 0.0, None

    limiter = RateLimiter(Stuck(), Limits(max_wait=0.0))
    started = time.monotonic()
    with pytest.raises(TrelloRateLimited) as raised:
        await limiter.acquire(budgets_for(NAMES, LIMITS, units=1, member=0))
    assert raised.value.retry_after == 1
    assert time.monotonic() - started < 2


async def test_answered_calls_count_from_their_answer(store: MemoryStore, clock: FakeClock) -> None:
    budgets = budgets_for(NAMES, Limits(token=1, key=10, member=10), units=1, member=0)
    first = ticket()
    assert (await store.take(budgets, (), first))[1] is None
    clock.now += 5  # the call waited for a connection, then Trello answered
    await store.restamp(budgets, first)
    clock.now += 5.5
    assert (await store.take(budgets, (), ticket()))[1] is not None
    clock.now += 5
    assert (await store.take(budgets, (), ticket()))[1] is None
    assert store.used(NAMES["token"]) == 1


async def test_a_floor_is_one_entry_whatever_its_size(store: MemoryStore) -> None:
    limits = Limits(token=100_000, key=300_000, member=100_000)
    budgets = budgets_for(NAMES, limits, units=10, member=0)
    floor = Floor(NAMES["token"], 10.0, 60_000)
    assert await store.take(budgets, [floor], ticket()) == (0.0, None)
    assert store.used(NAMES["token"]) == 60_010
    assert len(store._logs[NAMES["token"]].entries) == 2


async def test_a_call_answered_after_its_window_counts_again(
    store: MemoryStore, clock: FakeClock
) -> None:
    budgets = budgets_for(NAMES, LIMITS, units=3, member=0)
    first = ticket()
    assert (await store.take(budgets, (), first))[1] is None
    clock.now += 11  # the call waited longer than the window for its answer
    assert store.used(NAMES["token"]) == 0
    await store.restamp(budgets, first)
    assert store.used(NAMES["token"]) == 3
