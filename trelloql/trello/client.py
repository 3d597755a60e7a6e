"""The Trello REST client: every upstream call goes through `TrelloClient.request`."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

import aiohttp

from trelloql.trello.errors import (
    TrelloTimeout,
    TrelloUpstreamError,
    decode_body,
    error_for_status,
)

MAX_BATCH_URLS = 10
READS = frozenset({"GET", "HEAD"})

Params = Mapping[str, str]
_UNKNOWN_OUTCOME = (
    "the change may or may not have been made, and it was not retried; read it back to find out"
)


@dataclass(frozen=True)
class Credentials:
    """A Trello API key and token; `repr` never shows them."""

    key: str = field(repr=False)
    token: str = field(repr=False)

    def authorization(self) -> str:
        """The OAuth header value Trello accepts, keeping secrets out of URLs."""
        return f'OAuth oauth_consumer_key="{self.key}", oauth_token="{self.token}"'


@dataclass(frozen=True)
class UpstreamCall:
    """One finished upstream HTTP call, as observers see it (no secrets)."""

    method: str
    path: str
    status: int | None
    seconds: float
    units: int
    headers: Mapping[str, str]


CallObserver = Callable[[UpstreamCall], None]


class WriteInterrupted(aiohttp.ClientError):
    """The connection broke while a write was in flight; aiohttp must not replay it."""


async def _never_replay(
    request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
) -> aiohttp.ClientResponse:
    """Client middleware for writes: aiohttp retries a PUT or DELETE once when the
    connection drops; turning the failure into WriteInterrupted stops that retry."""
    try:
        return await handler(request)
    except aiohttp.ClientConnectorError:
        raise
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError) as exc:
        raise WriteInterrupted(str(exc)) from exc


def encode_url(path: str, params: Params | None = None) -> str:
    """A relative Trello URL (`/boards/x?fields=a,b`) with params in a stable order."""
    if not params:
        return path
    return f"{path}?{_encoded_query(tuple(sorted(params.items())))}"


QUERIES_KEPT = 256
"""Query strings (and their `/batch` escapes) remembered: a planned round's URLs differ by
path only (fifty boards, each GET with the same params), so a few suffice."""

_BATCH_SAFE = "/?=&"
"""What a `/batch` URL keeps unescaped besides the unreserved characters."""


@lru_cache(maxsize=QUERIES_KEPT)
def _encoded_query(items: tuple[tuple[str, str], ...]) -> str:
    """The query string of these params."""
    return urlencode(items, safe=",:")


def batch_escaped(url: str) -> str:
    """A relative URL escaped to sit in `/batch`'s comma-separated `urls`: its commas (and
    every other character but `/?=&` and the unreserved ones) percent-encoded."""
    path, mark, query = url.partition("?")
    return quote(path, safe=_BATCH_SAFE) + mark + _escaped_query(query)


@lru_cache(maxsize=QUERIES_KEPT)
def _escaped_query(query: str) -> str:
    """`batch_escaped` of a URL's query string."""
    return quote(query, safe=_BATCH_SAFE)


class TrelloClient:
    """Calls Trello with one set of credentials over the app's shared session."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        credentials: Credentials,
        timeout: aiohttp.ClientTimeout,
        observers: Sequence[CallObserver] = (),
    ) -> None:
        self._session = session
        self._base_url = base_url.rstrip("/")
        self._credentials = credentials
        self._timeout = timeout
        self._observers = list(observers)
        self.calls = 0
        self.units = 0

    @property
    def token(self) -> str:
        """The Trello token this client calls with, for routes that name it (`/tokens/{token}`).

        Callers must keep it out of URLs that are logged or measured.
        """
        return self._credentials.token

    async def get(self, path: str, params: Params | None = None) -> Any:
        """GET a Trello resource and return its decoded JSON."""
        return await self.request("GET", path, params)

    async def batch(self, urls: Sequence[str]) -> list[Any]:
        """GET up to ten relative URLs in one `/batch` call; failures come back as TrelloError."""
        if not 0 < len(urls) <= MAX_BATCH_URLS:
            raise ValueError(f"a batch takes 1 to {MAX_BATCH_URLS} URLs, not {len(urls)}")
        joined = ",".join(map(batch_escaped, urls))
        results = await self.request("GET", "/batch", {"urls": joined}, units=len(urls))
        if not isinstance(results, list) or len(results) != len(urls):
            raise TrelloUpstreamError("Trello's batch answer did not match the request")
        return [_batch_item(item) for item in results]

    async def request(
        self,
        method: str,
        path: str,
        params: Params | None = None,
        body: Mapping[str, Any] | None = None,
        units: int = 1,
    ) -> Any:
        """Send one request to Trello; raise the TrelloError that fits any failure."""
        url = self._base_url + path
        headers = {"Authorization": self._credentials.authorization(), "Accept": "application/json"}
        started = time.monotonic()
        status: int | None = None
        response_headers: Mapping[str, str] = {}
        self.calls += 1
        self.units += units
        write = method not in READS
        try:
            async with self._session.request(
                method,
                url,
                params=params,
                json=body,
                headers=headers,
                timeout=self._timeout,
                middlewares=(_never_replay,) if write else None,
            ) as response:
                status = response.status
                response_headers = response.headers
                raw = await response.read()
                decoded = decode_body(raw, response.content_type, response.charset)
        except TimeoutError:
            if write:
                raise TrelloTimeout(f"Trello did not answer in time: {_UNKNOWN_OUTCOME}") from None
            raise TrelloTimeout("Trello did not answer in time") from None
        except aiohttp.ClientConnectorError as exc:
            raise TrelloUpstreamError(f"could not reach Trello ({type(exc).__name__})") from None
        except aiohttp.ClientError as exc:
            if write:
                raise TrelloUpstreamError(
                    f"the connection to Trello broke before it answered "
                    f"({type(exc.__cause__ or exc).__name__}): {_UNKNOWN_OUTCOME}"
                ) from None
            raise TrelloUpstreamError(f"could not reach Trello ({type(exc).__name__})") from None
        finally:
            self._notify(
                UpstreamCall(
                    method, path, status, time.monotonic() - started, units, response_headers
                )
            )
        if status >= 400:
            raise error_for_status(status, decoded)
        if isinstance(decoded, str) and decoded:
            raise TrelloUpstreamError("Trello answered with a body that is not JSON")
        return decoded

    def _notify(self, call: UpstreamCall) -> None:
        for observer in self._observers:
            observer(call)


def _batch_item(item: Any) -> Any:
    """The body of one `/batch` answer element `{"<status>": body}`, or its TrelloError."""
    if not isinstance(item, dict) or len(item) != 1:
        return TrelloUpstreamError("Trello's batch answer had a malformed element")
    ((status_text, body),) = item.items()
    try:
        status = int(status_text)
    except ValueError:
        return TrelloUpstreamError("Trello's batch answer had a malformed status")
    if status >= 400:
        return error_for_status(status, body)
    return body
