"""Fixtures for the real-client tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

from tests.clients.service import running_service


@pytest.fixture
async def service() -> AsyncIterator[TestServer]:
    """The service over real HTTP on 127.0.0.1."""
    async with running_service() as server:
        yield server
