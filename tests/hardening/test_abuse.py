"""Abusive requests are refused before any upstream call, with a clear error and code."""

from __future__ import annotations

import io
import json

import pytest
from aiohttp.test_utils import TestClient
from graphql import get_introspection_query

from tests.hardening.conftest import MakeService
from tests.hardening.traffic import post
from trelloql.sandbox import SandboxServer

DEEP = "{ " + "me { boards { members { " * 6 + "id" + " } } }" * 6 + " }"
ALIASES = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(1000)) + " }"
DIRECTIVES = "{ me" + " @include(if: true)" * 100 + " { id } }"
TOKENS = "{ me { " + "id " * 2000 + "} }"
COSTLY = (
    "{ me { boards { actions(limit: 1000) { memberCreator { boards { lists { name } } } } } } }"
)
LONG = "{ me { id } }" + " " * 100_000


async def rejected(client: TestClient, query: str) -> tuple[int, str, str]:
    answer = await post(client, query)
    assert answer.body["data"] is None
    (error,) = answer.body["errors"]
    return answer.status, error["extensions"]["code"], error["message"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        (DEEP, "QUERY_TOO_DEEP"),
        (DIRECTIVES, "QUERY_TOO_MANY_DIRECTIVES"),
        (TOKENS, "QUERY_TOO_MANY_TOKENS"),
        (COSTLY, "QUERY_TOO_COSTLY"),
        (LONG, "QUERY_TOO_LARGE"),
    ],
)
async def test_abusive_documents_cost_nothing(
    sandbox: SandboxServer, client: TestClient, query: str, code: str
) -> None:
    status, got, message = await rejected(client, query)
    assert (status, got) == (400, code)
    assert "limit" in message
    assert sandbox.stats.count() == 0


async def test_a_thousand_aliases(sandbox: SandboxServer, make_service: MakeService) -> None:
    default = await make_service()
    status, code, _ = await rejected(default, ALIASES)
    assert status == 400
    assert code in {"QUERY_TOO_LARGE", "QUERY_TOO_MANY_TOKENS"}
    roomy = await make_service(max_query_tokens=100_000, max_query_chars=1_000_000)
    status, code, message = await rejected(roomy, ALIASES)
    assert (status, code) == (400, "QUERY_TOO_MANY_ALIASES")
    assert "1000 aliases" in message
    assert sandbox.stats.count() == 0


async def test_a_one_megabyte_query(sandbox: SandboxServer, client: TestClient) -> None:
    big = "{ me { id } }" + " " * (1024 * 1024)
    body = io.BytesIO(json.dumps({"query": big}).encode())
    response = await client.post(
        "/graphql", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status == 413
    assert (await response.json())["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    response = await client.get("/graphql", params={"query": big[:20_000]})
    assert 400 <= response.status < 500
    assert sandbox.stats.count() == 0


async def test_json_array_batches_are_refused(sandbox: SandboxServer, client: TestClient) -> None:
    batch = [{"query": "{ me { id } }"}] * 100
    response = await client.post("/graphql", json=batch)
    assert response.status == 400
    assert (await response.json())["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert sandbox.stats.count() == 0


async def test_rejections_carry_a_request_id(client: TestClient) -> None:
    response = await client.post(
        "/graphql", json={"query": DEEP}, headers={"X-Request-Id": "abuse-1"}
    )
    assert response.status == 400
    assert response.headers["X-Request-Id"] == "abuse-1"


async def test_introspection_and_suggestions_can_be_turned_off(
    sandbox: SandboxServer, make_service: MakeService
) -> None:
    on, off = await make_service(), await make_service(introspection=False)
    assert (await post(on, get_introspection_query())).body["data"]["__schema"]
    status, code, _ = await rejected(off, get_introspection_query())
    assert (status, code) == (400, "INTROSPECTION_DISABLED")
    status, code, _ = await rejected(off, '{ __type(name: "Board") { fields { name } } }')
    assert (status, code) == (400, "INTROSPECTION_DISABLED")
    assert (await post(off, "{ me { __typename } }")).body["data"]["me"]["__typename"] == "Member"

    typo = "query($f: BoardFilter!) { me { boards(filter: $f) { name } } }"
    shown = (await post(on, typo, {"f": "OPN"})).body["errors"][0]["message"]
    hidden = (await post(off, typo, {"f": "OPN"})).body["errors"][0]["message"]
    assert "Did you mean OPEN?" in shown
    assert "Did you mean" not in hidden
    assert "BoardFilter" in hidden
    assert sandbox.stats.count() == 1  # only the __typename query reached Trello


async def test_unicode_escapes_are_not_an_internal_error(client: TestClient) -> None:
    answer = await post(client, '{ board(id: "caf\\u00e9") { name } }')
    assert answer.status == 200
    assert answer.codes == ["BAD_USER_INPUT"]
