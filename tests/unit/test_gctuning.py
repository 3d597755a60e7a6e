"""The service freezes its start-up objects and collects from the event loop, when due."""

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web

from trelloql.gctuning import (
    INTERVAL,
    OLDER_EVERY,
    YOUNG_THRESHOLD,
    GcTuning,
    collect_after_response,
    collect_when_due,
)


@pytest.fixture
def restored_gc() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def cycles(count: int) -> None:
    """`count` tracked objects left in reference cycles."""
    for _ in range(count // 2):
        first: list[object] = []
        second: list[object] = [first]
        first.append(second)


async def test_start_up_objects_are_frozen_and_the_loop_collects(restored_gc: None) -> None:
    tuning, app = GcTuning(), web.Application()
    await tuning.start(app)
    assert gc.get_freeze_count() > 0
    assert not gc.isenabled()
    cycles(YOUNG_THRESHOLD * 2)
    assert gc.get_count()[0] >= YOUNG_THRESHOLD
    await asyncio.sleep(INTERVAL * 1.5)
    assert gc.get_count()[0] < YOUNG_THRESHOLD  # the timer collected
    await tuning.stop(app)
    assert gc.isenabled()


async def test_a_response_is_followed_by_a_collection_when_due(
    aiohttp_client: Any, restored_gc: None
) -> None:
    async def handler(_request: web.Request) -> web.Response:
        cycles(YOUNG_THRESHOLD * 2)
        return web.Response(text="ok")

    app = web.Application(middlewares=[collect_after_response])
    app.router.add_get("/", handler)
    client = await aiohttp_client(app)
    gc.disable()
    gc.collect()
    response = await client.get("/")
    assert await response.text() == "ok"
    await asyncio.sleep(0)
    assert gc.get_count()[0] < YOUNG_THRESHOLD


def test_a_collection_is_due_after_enough_allocations(restored_gc: None) -> None:
    gc.disable()
    gc.collect()
    assert collect_when_due() is None
    cycles(YOUNG_THRESHOLD * 2)
    assert collect_when_due() == 0
    assert gc.get_count()[1] == 1


def test_older_generations_follow_every_tenth_collection(restored_gc: None) -> None:
    gc.disable()
    gc.collect()
    slot = OLDER_EVERY + 1  # ten of one generation, then one of the next older one
    generations = []
    for _ in range(slot * slot):
        cycles(YOUNG_THRESHOLD * 2)
        generations.append(collect_when_due())
    older = {index: generation for index, generation in enumerate(generations) if generation}
    assert older == {**{slot * k - 1: 1 for k in range(1, slot)}, slot * slot - 1: 2}
