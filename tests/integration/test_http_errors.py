"""Bad input gets a clear GraphQL error with extensions.code, never a 500 or a trace."""

import logging

import pytest
from aiohttp.test_utils import TestClient

from tests.conftest import DEMO_TOKEN, Query
from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS, SandboxServer


def codes(result: dict) -> list[str]:
    return [e["extensions"]["code"] for e in result["errors"]]


async def test_syntax_error(query: Query) -> None:
    result = await query("{ me { fullName }")
    assert codes(result) == ["GRAPHQL_PARSE_FAILED"]
    assert result["data"] is None


async def test_unknown_field(query: Query) -> None:
    result = await query("{ me { shoeSize } }")
    assert codes(result) == ["GRAPHQL_VALIDATION_FAILED"]
    assert "shoeSize" in result["errors"][0]["message"]


async def test_missing_variable(query: Query) -> None:
    result = await query("query($id: ID!) { board(id: $id) { name } }")
    assert codes(result) == ["GRAPHQL_VALIDATION_FAILED"]
    assert "$id" in result["errors"][0]["message"]


async def test_unknown_id_is_not_found_with_partial_data(query: Query) -> None:
    result = await query('{ me { fullName } board(id: "0123456789abcdef01234567") { name } }')
    assert result["data"]["me"]["fullName"] == "Ada Lovelace"
    assert result["data"]["board"] is None
    [error] = result["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert error["path"] == ["board"]
    assert error["message"] == "The requested resource was not found."


async def test_malformed_id_is_bad_request(query: Query) -> None:
    result = await query('{ card(id: "not-an-id") { name } }')
    assert codes(result) == ["BAD_REQUEST"]
    assert result["errors"][0]["message"] == "invalid id"


async def test_ids_cannot_reach_other_routes(query: Query, sandbox: SandboxServer) -> None:
    sandbox.stats.reset()
    result = await query('{ board(id: "../members/me") { name } }')
    assert codes(result) == ["BAD_USER_INPUT"]
    assert sandbox.stats.count() == 0


async def test_private_board_is_forbidden(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Compiler Roadmap 2025")
    result = await query("query($id: ID!) { board(id: $id) { name } }", {"id": board["id"]})
    assert codes(result) == ["FORBIDDEN"]


async def test_bearer_token_switches_member(query: Query) -> None:
    grace_token = list(SANDBOX_TOKENS)[1]
    result = await query("{ me { username } }", headers={"Authorization": f"Bearer {grace_token}"})
    assert result["data"]["me"]["username"] == "grace"


async def test_invalid_bearer_token_is_unauthenticated(query: Query) -> None:
    result = await query("{ me { username } }", headers={"Authorization": "Bearer " + "f" * 64})
    assert codes(result) == ["UNAUTHENTICATED"]
    assert result["errors"][0]["message"] == "invalid token"


@pytest.mark.parametrize(
    ("headers", "body", "status", "code"),
    [
        ({"Content-Type": "application/json"}, b"{not json", 400, "BAD_REQUEST"),
        ({"Content-Type": "application/json"}, b'"just a string"', 400, "BAD_REQUEST"),
        ({"Content-Type": "application/json"}, b'[{"query": "{ me { id } }"}]', 400, "BAD_REQUEST"),
        ({"Content-Type": "application/json"}, b'{"variables": {}}', 400, "BAD_REQUEST"),
        (
            {"Content-Type": "application/json"},
            b'{"query": "{ me { id } }", "variables": 3}',
            400,
            "BAD_REQUEST",
        ),
        (
            {"Content-Type": "text/plain"},
            b'{"query": "{ me { id } }"}',
            415,
            "UNSUPPORTED_MEDIA_TYPE",
        ),
        (
            {"Content-Type": "application/json", "Authorization": "Basic abc"},
            b'{"query": "{ me { id } }"}',
            401,
            "UNAUTHENTICATED",
        ),
    ],
)
async def test_malformed_requests(
    client: TestClient, headers: dict, body: bytes, status: int, code: str
) -> None:
    response = await client.post("/graphql", data=body, headers=headers)
    assert response.status == status
    result = await response.json()
    assert result["data"] is None
    assert codes(result) == [code]


@pytest.mark.filterwarnings("ignore:Sending a large body:ResourceWarning")
async def test_oversized_body_is_413(client: TestClient) -> None:
    body = b'{"query": "' + b" " * (2 * 1024 * 1024) + b'{ me { id } }"}'
    response = await client.post(
        "/graphql", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status == 413
    assert codes(await response.json()) == ["PAYLOAD_TOO_LARGE"]


async def test_get_requests(client: TestClient) -> None:
    ok = await client.get("/graphql", params={"query": "{ me { username } }"})
    assert (await ok.json())["data"]["me"]["username"] == "ada"
    missing = await client.get("/graphql", params={"variables": "{}"})
    assert missing.status == 400
    bad_vars = await client.get("/graphql", params={"query": "{ me { id } }", "variables": "[1"})
    assert bad_vars.status == 400


async def test_request_id_is_returned(client: TestClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ me { id } }"}, headers={"X-Request-Id": "abc-123"}
    )
    assert response.headers["X-Request-Id"] == "abc-123"
    fresh = await client.post("/graphql", json={"query": "{ me { id } }"})
    assert len(fresh.headers["X-Request-Id"]) == 32


async def test_secrets_never_reach_logs_or_errors(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    queries = [
        "{ me { fullName boards { name } } }",
        '{ board(id: "0123456789abcdef01234567") { name } }',
        "{ me { nope } }",
    ]
    answers = []
    for text in queries:
        response = await client.post("/graphql", json={"query": text})
        answers.append(await response.text())
    answers.append(
        await (
            await client.post(
                "/graphql",
                json={"query": "{ me { id } }"},
                headers={"Authorization": "Bearer " + "e" * 64},
            )
        ).text()
    )
    captured = caplog.text + "".join(answers)
    for secret in (SANDBOX_API_KEY, DEMO_TOKEN, "e" * 64):
        assert secret not in captured
