"""Generated GraphQL documents and malformed bodies: never a 5xx, never an unhandled error.

`make test` runs a bounded number of examples; `make fuzz` (hardening.mk) sets
TRELLOQL_FUZZ_EXAMPLES for a long run.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, queries

from tests.hardening.conftest import MakeService
from trelloql.sandbox import SandboxConfig
from trelloql.schema import read_sdl
from trelloql.settings import DEFAULT_SDL_DIR

EXAMPLES = int(os.environ.get("TRELLOQL_FUZZ_EXAMPLES", "120"))
SDL = read_sdl(DEFAULT_SDL_DIR)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DOCUMENTS = st.one_of(queries(SDL), queries(SDL, mode=Mode.NEGATIVE))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
BODIES = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries(
        {"query": st.one_of(st.text(max_size=80), JSON_VALUES)},
        optional={"variables": JSON_VALUES, "operationName": JSON_VALUES},
    ).map(lambda body: json.dumps(body).encode()),
)
CONTENT_TYPES = st.sampled_from(
    ["application/json", "application/graphql", "text/plain", "application/json; charset=latin-1"]
)


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """Trello's limits off here, so that generated queries reach the resolvers and the data."""
    return SandboxConfig(rate_limits=False)


@pytest.fixture
async def service(make_service: MakeService) -> TestClient:
    return await make_service(rate_limit_token=10**5, rate_limit_key=10**5, rate_limit_member=10**5)


def assert_graphql_shaped(status: int, text: str) -> None:
    assert status < 500, text
    body: dict[str, Any] = json.loads(text)
    assert set(body) <= {"data", "errors"}
    for error in body.get("errors") or []:
        assert error["extensions"]["code"] != "INTERNAL_SERVER_ERROR", error


def assert_no_unhandled_errors(caplog: pytest.LogCaptureFixture) -> None:
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not bad, [r.getMessage() for r in bad[:3]]


@FUZZ
@given(document=DOCUMENTS)
async def test_generated_documents(
    service: TestClient, caplog: pytest.LogCaptureFixture, document: str
) -> None:
    with caplog.at_level(logging.WARNING):
        response = await service.post("/graphql", json={"query": document})
        assert_graphql_shaped(response.status, await response.text())
    assert_no_unhandled_errors(caplog)


@FUZZ
@given(body=BODIES, content_type=CONTENT_TYPES)
async def test_malformed_bodies(
    service: TestClient, caplog: pytest.LogCaptureFixture, body: bytes, content_type: str
) -> None:
    with caplog.at_level(logging.WARNING):
        response = await service.post("/graphql", data=body, headers={"Content-Type": content_type})
        assert_graphql_shaped(response.status, await response.text())
    assert_no_unhandled_errors(caplog)


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["query", "variables", "operationName", "x"]), st.text(max_size=60)
    )
)
async def test_malformed_get_requests(
    service: TestClient, caplog: pytest.LogCaptureFixture, params: dict[str, str]
) -> None:
    with caplog.at_level(logging.WARNING):
        response = await service.get("/graphql", params=params)
        assert response.status < 500, await response.text()
    assert_no_unhandled_errors(caplog)
