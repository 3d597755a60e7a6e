"""The service freezes its start-up objects and collects young objects less often."""

import gc
from collections.abc import Iterator

import pytest
from aiohttp import web

from trelloql.gctuning import YOUNG_THRESHOLD, tune_gc


@pytest.fixture
def restored_gc() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


async def test_start_up_objects_are_frozen_and_young_passes_rarer(restored_gc: None) -> None:
    _young, middle, old = gc.get_threshold()
    await tune_gc(web.Application())
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (YOUNG_THRESHOLD, middle, old)
