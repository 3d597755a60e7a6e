"""Writes are sent once: a lost answer is reported, never repeated."""

from __future__ import annotations

import aiohttp
from aiohttp.test_utils import TestClient

from tests.compat import mocked_trello
from tests.conftest import Query
from tests.mutations.conftest import errors_of
from trelloql.sandbox import SandboxServer

RENAME = 'mutation($id: ID!) { updateLabel(input: {id: $id, name: "lost"}) { id name } }'


async def test_a_dropped_answer_is_reported_not_repeated(
    query: Query, sandbox: SandboxServer
) -> None:
    label = sandbox.store.labels_of(sandbox.store.board_by_name("Personal")["id"])[0]
    sandbox.config.drop_write_responses = True
    (error,) = errors_of(await query(RENAME, {"id": label["id"]}))
    assert error["extensions"]["code"] == "UPSTREAM_ERROR"
    assert "not retried" in error["message"]
    assert len(sandbox.stats.writes()) == 1
    assert sandbox.store.label(label["id"])["name"] == "lost"


async def test_a_connection_error_after_sending_is_not_retried(
    query: Query, sandbox: SandboxServer, client: TestClient
) -> None:
    label_id = "5abbe4b7ddc1b351ef961414"
    with mocked_trello(passthrough=[str(client.make_url("/"))]) as mocked:
        mocked.put(
            f"{sandbox.base_url}/labels/{label_id}",
            exception=aiohttp.ServerDisconnectedError(),
            repeat=True,
        )
        (error,) = errors_of(await query(RENAME, {"id": label_id}))
        calls = [key for key in mocked.requests if key[0] == "PUT"]
        assert [len(mocked.requests[key]) for key in calls] == [1]
    assert error["extensions"]["code"] == "UPSTREAM_ERROR"
