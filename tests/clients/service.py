"""The real service on 127.0.0.1, backed by the embedded sandbox Trello, for client tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp.test_utils import TestServer

from trelloql.app import create_app
from trelloql.settings import SandboxMode, Settings


@asynccontextmanager
async def running_service(**settings: Any) -> AsyncIterator[TestServer]:
    """create_app() listening on a free loopback port, in sandbox mode."""
    app = create_app(Settings(sandbox=SandboxMode.TRUE, **settings))
    async with TestServer(app, host="127.0.0.1") as server:
        yield server
