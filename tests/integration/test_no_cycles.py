"""Requests leave no reference cycles of trelloql's behind, nor anything that outlives them:
their memory goes back as soon as they end (by reference counting), and the collector finds
little to walk."""

import asyncio
import gc
import weakref
from typing import Any

import pytest

from tests.conftest import Query
from trelloql.context import RequestContext
from trelloql.sandbox import SandboxServer

DOCUMENTS = [
    "query Board($id: ID!) { board(id: $id) { name lists { name cards { name labels { color } "
    "members { fullName } badges { comments } } } } }",
    "{ me { fullName ...B } } fragment B on Member { boards(filter: OPEN) { name "
    "... on Board { prefs { backgroundColor } } } }",
    '{ me { boards { name } } search(query: "release") { cards { name } } }',
    "{ me { cards { name due idBoard } } }",
]


def _trelloql_owned(value: Any) -> bool:
    module = value.__module__ if callable(value) else type(value).__module__
    return isinstance(module, str) and module.startswith("trelloql")


@pytest.mark.parametrize("new_documents", [True, False], ids=["new", "known"])
async def test_requests_leave_no_cycles_of_trelloql(
    query: Query, sandbox: SandboxServer, new_documents: bool
) -> None:
    variables = {"id": sandbox.store.board_by_name("Product Launch")["id"]}
    for text in DOCUMENTS:  # every document once, so that "known" ones are known
        assert "errors" not in await query(text, variables)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for run in range(3):
            for text in DOCUMENTS:
                document = f"{text} # run {run}" if new_documents else text
                assert "errors" not in await query(document, variables)
        gc.collect()
        ours = [value for value in gc.garbage if _trelloql_owned(value)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert [getattr(value, "__qualname__", type(value).__qualname__) for value in ours] == []


async def test_a_request_frees_its_answers_once_its_response_is_sent(
    query: Query, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By reference counting alone: the collector is off while this runs, as in the service.
    (What a request set in a context variable would live on in the timers its tasks left.)"""
    alive: list[weakref.ref[Any]] = []
    created = RequestContext.__post_init__

    def tracked(context: RequestContext) -> None:
        created(context)
        alive.extend((weakref.ref(context), weakref.ref(context.loader)))

    monkeypatch.setattr(RequestContext, "__post_init__", tracked)
    variables = {"id": sandbox.store.board_by_name("Product Launch")["id"]}
    gc.disable()
    try:
        for text in DOCUMENTS * 2:
            assert "errors" not in await query(text, variables)
            for _ in range(3):  # the server's side of the exchange finishes
                await asyncio.sleep(0)
            assert [ref() for ref in alive if ref() is not None] == [], text
    finally:
        gc.enable()
    assert len(alive) == len(DOCUMENTS) * 2 * 2
