"""Running coroutines eagerly: inline until their first real wait, as a task only after.

Python 3.12 has this as `asyncio.eager_task_factory`; trelloql runs on 3.11. The engine
tuning uses it so that a resolver whose answer is already there costs no task.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


async def settle(waiting: list[Coroutine[Any, Any, Any]]) -> list[Any]:
    """Await all, each result or the exception it raised, as
    `asyncio.gather(*waiting, return_exceptions=True)` does, with less machinery: the first
    runs in the caller's task, each other one in a task of its own. When cancelled, it
    cancels those tasks and waits for them to finish before passing the cancellation on.
    """
    loop = asyncio.get_running_loop()
    tasks = [loop.create_task(coro) for coro in waiting[1:]]
    try:
        try:
            first = await waiting[0]
        except asyncio.CancelledError as cancelled:
            current = asyncio.current_task()
            if current is None or current.cancelling():
                raise
            first = cancelled  # the coroutine's own cancellation, as gather reports a task's
        except Exception as error:
            first = error
        if tasks:
            await _all_done(loop, tasks)
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        if tasks:
            await _all_done(loop, tasks)
        raise
    return [first, *(_outcome(task) for task in tasks)]


def _all_done(
    loop: asyncio.AbstractEventLoop, tasks: list[asyncio.Task[Any]]
) -> asyncio.Future[None]:
    """A future done once every task is."""
    joined: asyncio.Future[None] = loop.create_future()
    remaining = sum(1 for task in tasks if not task.done())

    def one_done(_task: asyncio.Task[Any]) -> None:
        nonlocal remaining
        remaining -= 1
        if not remaining and not joined.done():
            joined.set_result(None)

    if not remaining:
        joined.set_result(None)
    for task in tasks:
        if not task.done():
            task.add_done_callback(one_done)
    return joined


def _outcome(task: asyncio.Task[Any]) -> Any:
    """The task's result, or the exception it ended with (as `gather` returns them)."""
    if task.cancelled():
        return asyncio.CancelledError()
    error = task.exception()
    return task.result() if error is None else error


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
