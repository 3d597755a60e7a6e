"""Requests leave no reference cycles of trelloql's behind: their memory goes back as soon
as they end (by reference counting), and the collector finds little to walk."""

import gc
from typing import Any

import pytest

from tests.conftest import Query
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
