"""Metrics at /metrics, one structured access line per request, request ids, time limits."""

from __future__ import annotations

import asyncio
import logging

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, make_mocked_request

from tests.hardening.conftest import MakeService
from tests.hardening.traffic import post
from trelloql.access import observe_graphql
from trelloql.app import create_app
from trelloql.keys import LIFECYCLE
from trelloql.sandbox import SandboxServer
from trelloql.settings import Settings


async def test_metrics_by_operation_outcome_and_route(
    sandbox: SandboxServer, client: TestClient
) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    await post(
        client, "query Lists($id: ID!) { board(id: $id) { lists { name } } }", {"id": board["id"]}
    )
    await post(client, '{ board(id: "5f0c0c0c0c0c0c0c0c0c0c0c") { name } }')
    await post(client, "{ me { boards { members { boards { members { boards { id } } } } } } }")
    response = await client.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    text = await response.text()
    for line in [
        'trelloql_graphql_requests_total{operation="Lists",outcome="ok"} 1.0',
        'trelloql_graphql_requests_total{operation="anonymous",outcome="error"} 1.0',
        'trelloql_graphql_requests_total{operation="anonymous",outcome="rejected"} 1.0',
        'trelloql_graphql_errors_total{code="QUERY_TOO_COSTLY"} 1.0',
        'trelloql_upstream_requests_total{method="GET",route="/boards/{id}",status="200"} 1.0',
        'trelloql_upstream_requests_total{method="GET",route="/boards/{id}",status="404"} 1.0',
        'trelloql_graphql_request_duration_seconds_count{outcome="ok"} 1.0',
        "trelloql_graphql_requests_in_flight 0.0",
    ]:
        assert line in text
    assert (
        'trelloql_upstream_request_duration_seconds_bucket{le="0.1",route="/boards/{id}"}' in text
    )
    assert board["id"] not in text
    assert "5f0c0c0c0c0c0c0c0c0c0c0c" not in text


async def test_metrics_can_be_turned_off(make_service: MakeService) -> None:
    service = await make_service(metrics=False)
    assert (await service.get("/metrics")).status == 404


async def test_one_access_line_per_request(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="trelloql.access"):
        response = await client.post(
            "/graphql",
            json={"query": "query Me { me { fullName } }"},
            headers={"X-Request-Id": "req-42"},
        )
    assert response.headers["X-Request-Id"] == "req-42"
    (line,) = [r for r in caplog.records if r.name == "trelloql.access"]
    fields = line.__dict__
    assert fields["request_id"] == "req-42"
    assert fields["operation"] == "Me"
    assert fields["outcome"] == "ok"
    assert fields["status"] == 200
    assert fields["upstream_calls"] == 1
    assert fields["upstream_units"] == 1
    assert fields["duration_ms"] > 0
    assert fields["error_codes"] == []


async def test_generated_request_ids_match_the_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="trelloql.access"):
        response = await client.post("/graphql", json={"query": "{ me { id } }"})
    (line,) = [r for r in caplog.records if r.name == "trelloql.access"]
    assert response.headers["X-Request-Id"] == line.__dict__["request_id"]
    assert len(line.__dict__["request_id"]) == 32


@pytest.fixture
def app(settings: Settings) -> web.Application:
    return create_app(settings.model_copy(update={"request_timeout": 0.2}))


async def test_the_whole_request_is_time_limited(app: web.Application) -> None:
    async def stuck(_request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(5)
        return web.Response()

    response = await observe_graphql(make_mocked_request("POST", "/graphql", app=app), stuck)
    assert response.status == 504
    assert b"REQUEST_TIMEOUT" in response.body  # type: ignore[attr-defined]
    assert response.headers["X-Request-Id"]


async def test_an_unexpected_failure_is_a_clean_500(
    app: web.Application, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(_request: web.Request) -> web.StreamResponse:
        raise RuntimeError("bug")

    response = await observe_graphql(make_mocked_request("POST", "/graphql", app=app), broken)
    assert response.status == 500
    assert b"INTERNAL_SERVER_ERROR" in response.body  # type: ignore[attr-defined]
    assert b"bug" not in response.body  # type: ignore[attr-defined]
    assert any(r.exc_info and "unhandled error" in r.getMessage() for r in caplog.records)


async def test_answers_close_the_connection_while_draining(client: TestClient) -> None:
    client.server.app[LIFECYCLE].draining = True
    response = await client.post("/graphql", json={"query": "{ me { id } }"})
    assert response.status == 200
    assert response.headers["Connection"] == "close"
    assert (await client.get("/readyz")).status == 503
