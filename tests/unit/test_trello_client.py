"""The Trello client's one request path, checked with aioresponses."""

import re
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import aiohttp
import pytest
from aioresponses import CallbackResult
from hypothesis import given
from hypothesis import strategies as st

from tests.compat import mocked_trello
from trelloql.trello.client import (
    Credentials,
    TrelloClient,
    UpstreamCall,
    batch_escaped,
    encode_url,
)
from trelloql.trello.errors import (
    TrelloBadRequest,
    TrelloForbidden,
    TrelloNotFound,
    TrelloRateLimited,
    TrelloTimeout,
    TrelloUnauthenticated,
    TrelloUpstreamError,
)

BASE = "https://trello.test/1"
KEY, TOKEN = "a" * 32, "b" * 64
ANY_URL = re.compile(r"^https://trello\.test/1/.*$")


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def calls() -> list[UpstreamCall]:
    return []


@pytest.fixture
def client(session: aiohttp.ClientSession, calls: list[UpstreamCall]) -> TrelloClient:
    timeout = aiohttp.ClientTimeout(total=2)
    return TrelloClient(session, BASE, Credentials(KEY, TOKEN), timeout, [calls.append])


async def test_credentials_travel_in_the_oauth_header(client: TrelloClient) -> None:
    seen: dict[str, object] = {}

    def capture(url: object, **kwargs: object) -> CallbackResult:
        seen["url"] = str(url)
        seen["headers"] = kwargs["headers"]
        return CallbackResult(payload={"id": "1"})

    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=capture)
        assert await client.get("/boards/1", {"fields": "name"}) == {"id": "1"}
    assert KEY not in str(seen["url"])
    assert TOKEN not in str(seen["url"])
    headers = seen["headers"]
    assert isinstance(headers, dict)
    assert headers["Authorization"] == f'OAuth oauth_consumer_key="{KEY}", oauth_token="{TOKEN}"'


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (400, "invalid id", TrelloBadRequest),
        (401, "invalid token", TrelloUnauthenticated),
        (401, "unauthorized permission requested", TrelloForbidden),
        (404, "The requested resource was not found.", TrelloNotFound),
        (500, "Internal Server Error", TrelloUpstreamError),
    ],
)
async def test_text_errors(client: TrelloClient, status: int, body: str, error: type) -> None:
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, status=status, body=body, content_type="text/plain")
        with pytest.raises(error) as raised:
            await client.get("/boards/1")
    assert body in raised.value.message
    assert raised.value.status == status


async def test_rate_limit_json_body(client: TrelloClient) -> None:
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, status=429, payload={"error": "X", "message": "Rate limit exceeded"})
        with pytest.raises(TrelloRateLimited, match="Rate limit exceeded"):
            await client.get("/boards/1")


async def test_connection_error_is_upstream_error(client: TrelloClient) -> None:
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, exception=aiohttp.ClientConnectionError("refused"))
        with pytest.raises(TrelloUpstreamError, match="could not reach Trello"):
            await client.get("/boards/1")


async def test_timeout_is_upstream_timeout(client: TrelloClient) -> None:
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, exception=TimeoutError())
        with pytest.raises(TrelloTimeout):
            await client.get("/boards/1")


async def test_non_json_success_is_upstream_error(client: TrelloClient) -> None:
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, status=200, body="<html>", content_type="text/html")
        with pytest.raises(TrelloUpstreamError, match="not JSON"):
            await client.get("/boards/1")


async def test_batch_returns_each_result_or_error(
    client: TrelloClient, calls: list[UpstreamCall]
) -> None:
    answer = [{"200": {"id": "1"}}, {"404": "The requested resource was not found."}]
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, payload=answer)
        first, second = await client.batch(["/boards/1?fields=name,desc", "/boards/2"])
    assert first == {"id": "1"}
    assert isinstance(second, TrelloNotFound)
    assert client.calls == 1
    assert client.units == 2
    assert [(c.path, c.status, c.units) for c in calls] == [("/batch", 200, 2)]


async def test_batch_keeps_commas_inside_each_url(client: TrelloClient) -> None:
    seen: list[str] = []

    def capture(url: object, **_kwargs: object) -> CallbackResult:
        seen.append(str(url))
        return CallbackResult(payload=[{"200": {}}, {"200": {}}])

    with mocked_trello() as mocked:
        mocked.get(ANY_URL, callback=capture)
        await client.batch(["/boards/1?fields=name,desc", "/boards/2"])
    urls = parse_qs(urlsplit(seen[0]).query)["urls"][0]
    assert urls == "/boards/1?fields=name%2Cdesc,/boards/2"


@given(st.text(), st.dictionaries(st.text(min_size=1), st.text(), max_size=4))
def test_urls_are_encoded_and_escaped_as_the_standard_library_does(
    path: str, params: dict[str, str]
) -> None:
    """The remembered query strings and escapes change nothing (a `?` in the path too)."""
    url = encode_url(path, params)
    expected = f"{path}?{urlencode(sorted(params.items()), safe=',:')}" if params else path
    assert url == expected
    assert encode_url(path, dict(reversed(params.items()))) == expected
    assert batch_escaped(url) == quote(url, safe="/?=&")


async def test_batch_rejects_more_than_ten(client: TrelloClient) -> None:
    with pytest.raises(ValueError, match="1 to 10"):
        await client.batch([f"/boards/{n}" for n in range(11)])


async def test_observers_see_every_call_without_secrets(
    client: TrelloClient, calls: list[UpstreamCall]
) -> None:
    with mocked_trello() as mocked:
        mocked.get(ANY_URL, status=404, body="nope", content_type="text/plain")
        with pytest.raises(TrelloNotFound):
            await client.get("/cards/x")
    assert len(calls) == 1
    assert calls[0].status == 404
    assert KEY not in repr(calls[0])
    assert TOKEN not in repr(calls[0])
