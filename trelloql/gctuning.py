"""Garbage-collector settings for the long-running service.

CPython's cyclic collector runs a young-generation pass every 700 net allocations, and now
and then a full pass over every object alive. Building a 1,000-card answer allocates tens
of thousands of objects, so a request paid for dozens of passes, each also walking the
engine, schema and modules built at start-up (a fifth to a third of a deep query's CPU, measured).
After start-up those objects are frozen (never scanned again: they live as long as the
process) and young passes run every `YOUNG_THRESHOLD` allocations. Requests free their
answers by reference counting (they hold no reference cycles), so collecting less often
does not keep their memory longer. Last, the C heap's free pages that start-up left
(cooking the schema parses ~90 KB of SDL) go back to the system: ~0.6 MiB less resident.
"""

from __future__ import annotations

import ctypes
import gc

from aiohttp import web

YOUNG_THRESHOLD = 10_000


async def tune_gc(_app: web.Application) -> None:
    """Freeze what start-up built and make young collections rarer (an on_startup hook)."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
    _trim_c_heap()


def _trim_c_heap() -> None:
    """glibc's `malloc_trim(0)`; nothing where the C library has none (musl, macOS)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own symbols, libc's among them
    except (OSError, AttributeError):
        return
    trim(0)
