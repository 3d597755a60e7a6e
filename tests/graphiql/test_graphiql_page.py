"""The /graphiql route: the bundled page under a strict CSP, the fallback, the off switch."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from trelloql.graphiql import VENDOR_FILES, add_graphiql_routes
from trelloql.settings import Settings

ClientFactory = Callable[[web.Application], Awaitable[TestClient]]
QUERY = "{ me { fullName } }"


class _Page(HTMLParser):
    """The URLs a page loads, its script nonces and its JSON config block."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.nonces: list[str] = []
        self.config_text = ""
        self._in_config = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"] or "")
            if found.get("nonce"):
                self.nonces.append(found["nonce"] or "")
        if tag == "link" and found.get("href"):
            self.urls.append(found["href"] or "")
        self._in_config = found.get("id") == "graphiql-config"

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config_text += data


def _policy(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


@pytest.fixture
def vendor_dir(tmp_path: Path) -> Path:
    """Stand-ins for the fetched GraphiQL/React files."""
    for name in VENDOR_FILES:
        (tmp_path / name).write_text(f"/* {name} */\n", "utf-8")
    return tmp_path


async def _client(
    aiohttp_client: ClientFactory,
    vendor_dir: Path,
    query: str = QUERY,
    settings: Settings | None = None,
) -> TestClient:
    app = web.Application()
    add_graphiql_routes(app, settings or Settings(), query, vendor_dir=vendor_dir)
    return await aiohttp_client(app)


async def test_page_has_a_strict_same_origin_policy(
    aiohttp_client: ClientFactory, vendor_dir: Path
) -> None:
    client = await _client(aiohttp_client, vendor_dir)
    response = await client.get("/graphiql")
    assert response.status == 200
    assert response.content_type == "text/html"
    page = _Page(await response.text())
    policy = _policy(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", f"'nonce-{page.nonces[0]}'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["img-src"] == policy["font-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]


async def test_page_loads_only_files_the_service_serves(
    aiohttp_client: ClientFactory, vendor_dir: Path
) -> None:
    client = await _client(aiohttp_client, vendor_dir)
    page = _Page(await (await client.get("/graphiql")).text())
    loaded = [url for url in page.urls if not url.startswith("data:")]
    assert len(loaded) == len(VENDOR_FILES) + 2
    for url in loaded:
        assert not re.match(r"^([a-z]+:)?//", url), f"{url} is not relative"
        response = await client.get(f"/{url}")
        assert response.status == 200, url
        assert response.content_type in {"application/javascript", "text/javascript", "text/css"}
        assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_each_response_gets_a_fresh_nonce(
    aiohttp_client: ClientFactory, vendor_dir: Path
) -> None:
    client = await _client(aiohttp_client, vendor_dir)
    first = _Page(await (await client.get("/graphiql")).text()).nonces
    second = _Page(await (await client.get("/graphiql")).text()).nonces
    assert len(first) == len(second) == 1
    assert first != second


async def test_default_query_and_endpoint_reach_the_page_intact(
    aiohttp_client: ClientFactory, vendor_dir: Path
) -> None:
    hostile = 'query Q($id: ID!) { board(id: $id) { name } } # </script><script>alert("x")'
    client = await _client(aiohttp_client, vendor_dir, query=hostile)
    text = await (await client.get("/graphiql")).text()
    assert "</script><script>alert" not in text
    config = json.loads(_Page(text).config_text)
    assert config == {"endpoint": "graphql", "defaultQuery": hostile}


async def test_without_assets_it_falls_back_to_tartiflettes_page_and_says_so(
    aiohttp_client: ClientFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="trelloql.graphiql"):
        client = await _client(aiohttp_client, tmp_path / "missing")
    assert "GraphiQL assets not found" in caplog.text
    response = await client.get("/graphiql")
    assert response.status == 200
    text = await response.text()
    assert QUERY in text
    assert "graphiql@0.14.2" in text


@pytest.mark.parametrize("assets", [True, False])
async def test_graphiql_false_removes_the_route(
    aiohttp_client: ClientFactory, vendor_dir: Path, tmp_path: Path, assets: bool
) -> None:
    directory = vendor_dir if assets else tmp_path / "missing"
    client = await _client(aiohttp_client, directory, settings=Settings(graphiql=False))
    assert (await client.get("/graphiql")).status == 404
    assert (await client.get("/graphiql/bootstrap.js")).status == 404
