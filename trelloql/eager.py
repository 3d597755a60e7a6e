"""Running coroutines eagerly: inline until their first real wait, as a task only after.

Python 3.12 has this as `asyncio.eager_task_factory`; trelloql runs on 3.11. The engine
tuning uses it so that a resolver whose answer is already there costs no task.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any


async def settle(waiting: list[Awaitable[Any]]) -> list[Any]:
    """Await all, each result or the exception it raised (one task each only if several)."""
    if len(waiting) == 1:
        try:
            return [await waiting[0]]
        except Exception as error:
            return [error]
    return await asyncio.gather(*waiting, return_exceptions=True)


def run_eagerly(coro: Coroutine[Any, Any, Any]) -> tuple[bool, Any]:
    """Run `coro` up to its first real wait.

    Returns `(True, result)` when it finished (its exception as the result, as
    `gather(return_exceptions=True)` would), else `(False, awaitable)` for the rest of it.
    It runs in the caller's context, like the caller's own code.
    """
    try:
        yielded = _take_over(coro.send(None))
    except StopIteration as stop:
        return True, stop.value
    except Exception as error:
        return True, error
    return False, _resume(coro, yielded)


def _take_over(yielded: Any) -> Any:
    """Take a yielded future over from its coroutine, as an asyncio Task does.

    Until that flag is cleared, any other coroutine awaiting the same future (say, two
    resolvers sharing one loader read) would fail with "await wasn't used with future".
    """
    if getattr(yielded, "_asyncio_future_blocking", None):
        yielded._asyncio_future_blocking = False
    return yielded


async def _resume(coro: Coroutine[Any, Any, Any], yielded: Any) -> Any:
    """Drive a coroutine that has already run up to a wait, as an asyncio Task would."""
    while True:
        try:
            if yielded is None:
                await asyncio.sleep(0)
            else:
                await yielded
        except asyncio.CancelledError as cancelled:
            if yielded is None or not yielded.cancelled():
                # This task was cancelled while its future still stands: pass it on.
                try:
                    yielded = _take_over(coro.throw(cancelled))
                except StopIteration as stop:
                    return stop.value
                continue
        except Exception:
            pass  # The coroutine reads its future's outcome itself when resumed.
        try:
            yielded = _take_over(coro.send(None))
        except StopIteration as stop:
            return stop.value
