"""Garbage-collector settings for the long-running service.

CPython's cyclic collector runs a young-generation pass every 700 net allocations, in the
middle of whatever is running: a 1,000-card answer being decoded or built paid for passes
that walked it while it was alive (3 to 4 ms each even at 10,000 allocations apart, and a
fifth to a third of a deep query's CPU at 700). Requests free their answers by reference
counting (they hold no reference cycles), so nothing needs collecting while they run.

So after start-up, the objects start-up built are frozen (never scanned again: they live as
long as the process), automatic collection is turned off, and the service collects itself
once at least `YOUNG_THRESHOLD` objects were allocated: right after a response is sent
(`collect_after_response`), when that request's objects are gone, and every `INTERVAL`
seconds for whatever else allocates. Older generations are collected as CPython would
(every tenth collection of the one below). Last, the C heap's free pages that start-up
left (cooking the schema parses ~90 KB of SDL) go back to the system: ~0.6 MiB less
resident.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc

from aiohttp import web

from trelloql.graphql_http import Handler

YOUNG_THRESHOLD = 10_000
"""Net allocations of objects the collector tracks before a young collection is due."""

INTERVAL = 1.0
"""Seconds between checks whether a collection is due, besides those after responses."""

OLDER_EVERY = 10
"""Collections of a generation between two of the next older one (CPython's default)."""


@web.middleware
async def collect_after_response(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Check whether a collection is due once the response is on its way (the check runs
    in the next turn of the event loop, after aiohttp wrote the response)."""
    try:
        return await handler(request)
    finally:
        asyncio.get_running_loop().call_soon(collect_when_due)


class GcTuning:
    """The service's collector policy: `start` is an on_startup hook (the last one, after
    the engine is cooked), `stop` an on_cleanup hook."""

    def __init__(self) -> None:
        self._timer: asyncio.TimerHandle | None = None

    async def start(self, _app: web.Application) -> None:
        """Freeze what start-up built and collect from the event loop from now on."""
        gc.collect()
        gc.freeze()
        gc.disable()
        _trim_c_heap()
        self._schedule()

    async def stop(self, _app: web.Application) -> None:
        """Hand collection back to CPython."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        gc.enable()

    def _schedule(self) -> None:
        self._timer = asyncio.get_running_loop().call_later(INTERVAL, self._tick)

    def _tick(self) -> None:
        try:
            collect_when_due()
        finally:
            self._schedule()


def collect_when_due() -> int | None:
    """Collect the generation that is due, if any (and return it): the young one once
    `YOUNG_THRESHOLD` tracked objects were allocated, an older one every `OLDER_EVERY`
    collections of the one below."""
    young, middle, old = gc.get_count()
    if young < YOUNG_THRESHOLD:
        return None
    generation = 0
    if middle >= OLDER_EVERY:
        generation = 2 if old >= OLDER_EVERY else 1
    gc.collect(generation)
    return generation


def _trim_c_heap() -> None:
    """glibc's `malloc_trim(0)`; nothing where the C library has none (musl, macOS)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own symbols, libc's among them
    except (OSError, AttributeError):
        return
    trim(0)
