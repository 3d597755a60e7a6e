"""Fixtures: a running sandbox on loopback and a small HTTP client for it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from sandbox_testkit import Api

from trelloql.sandbox import SandboxServer


@pytest.fixture
async def server() -> AsyncIterator[SandboxServer]:
    """A sandbox with the default config."""
    async with SandboxServer() as running:
        yield running


@pytest.fixture
async def api(server: SandboxServer) -> AsyncIterator[Api]:
    """A client for ``server``."""
    async with aiohttp.ClientSession() as session:
        yield Api(session, server)
