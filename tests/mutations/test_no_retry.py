"""Writes are sent once: a lost answer is reported, never repeated."""

from __future__ import annotations

import aiohttp
from aiohttp.test_utils import TestClient

from tests.compat import mocked_trello
from tests.conftest import Query
from tests.mutations.conftest import errors_of
from trelloql.sandbox import SandboxServer

CREATE = 'mutation($l: ID!) { createCard(input: {idList: $l, name: "Once"}) { id } }'
RENAME = 'mutation($id: ID!) { updateLabel(input: {id: $id, name: "lost"}) { id name } }'


async def test_a_card_whose_answer_is_lost_is_created_once(
    query: Query, sandbox: SandboxServer
) -> None:
    lst = sandbox.store.lists_of(sandbox.store.board_by_name("Personal")["id"])[0]
    sandbox.config.drop_write_responses = True
    (error,) = errors_of(await query(CREATE, {"l": lst["id"]}))
    assert error["extensions"]["code"] == "UPSTREAM_ERROR"
    assert "not retried" in error["message"]
    assert len(sandbox.stats.writes()) == 1
    assert [c["name"] for c in sandbox.store.cards_of_list(lst["id"])].count("Once") == 1


async def test_a_put_whose_answer_is_lost_is_not_replayed(
    query: Query, sandbox: SandboxServer
) -> None:
    """aiohttp itself would resend a PUT or DELETE once after a dropped connection."""
    label = sandbox.store.labels_of(sandbox.store.board_by_name("Personal")["id"])[0]
    sandbox.config.drop_write_responses = True
    (error,) = errors_of(await query(RENAME, {"id": label["id"]}))
    assert error["extensions"]["code"] == "UPSTREAM_ERROR"
    assert len(sandbox.stats.writes()) == 1
    assert sandbox.store.label(label["id"])["name"] == "lost"


async def test_a_connection_error_after_sending_is_not_retried(
    query: Query, sandbox: SandboxServer, client: TestClient
) -> None:
    list_id = "5abbe4b7ddc1b351ef961414"
    with mocked_trello(passthrough=[str(client.make_url("/"))]) as mocked:
        mocked.post(
            f"{sandbox.base_url}/cards", exception=aiohttp.ServerDisconnectedError(), repeat=True
        )
        (error,) = errors_of(await query(CREATE, {"l": list_id}))
        sent = [calls for (method, _url), calls in mocked.requests.items() if method == "POST"]
    assert [len(calls) for calls in sent] == [1]
    assert error["extensions"]["code"] == "UPSTREAM_ERROR"
    assert "may or may not have been made" in error["message"]
