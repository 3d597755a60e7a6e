"""Shared test helpers for the sandbox tests: tokens by name and a small HTTP client."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp

from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS, SandboxServer

TOKENS = list(SANDBOX_TOKENS)
ADA, GRACE, ALAN, KATHERINE, MARGARET = TOKENS


@dataclass
class Reply:
    """A response, read."""

    status: int
    headers: Mapping[str, str]
    text: str

    @property
    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.text)


class Api:
    """GETs against a sandbox with the demo key and (by default) Ada's token."""

    def __init__(self, session: aiohttp.ClientSession, server: SandboxServer) -> None:
        self.session = session
        self.server = server

    async def get(
        self,
        path: str,
        *,
        token: str | None = ADA,
        key: str | None = SANDBOX_API_KEY,
        headers: Mapping[str, str] | None = None,
        **params: str,
    ) -> Reply:
        """GET ``base_url + path`` with ``params`` plus key/token (None leaves one out)."""
        query = dict(params)
        if key is not None:
            query["key"] = key
        if token is not None:
            query["token"] = token
        url = self.server.base_url + path
        async with self.session.get(url, params=query, headers=headers) as response:
            return Reply(response.status, dict(response.headers), await response.text())

    async def ok(self, path: str, **params: str) -> Any:
        """GET as Ada and return the JSON body, asserting a 200."""
        reply = await self.get(path, **params)
        assert reply.status == 200, (reply.status, reply.text)
        return reply.json
