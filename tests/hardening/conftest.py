"""Fixtures of the hardening suite: services with chosen settings, a real Redis."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from tests.hardening.redis_server import redis_server
from trelloql.app import create_app
from trelloql.settings import Settings

MakeService = Callable[..., Awaitable[TestClient]]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Redis on loopback for the whole session (skips when redis-server is absent)."""
    workdir: Path = tmp_path_factory.mktemp("redis")
    with redis_server(workdir) as url:
        yield url


@pytest.fixture
def make_service(aiohttp_client: Any, settings: Settings) -> MakeService:
    """Start another service in front of the test's sandbox, with settings overridden."""

    async def make(**overrides: Any) -> TestClient:
        return await aiohttp_client(create_app(settings.model_copy(update=overrides)))

    return make
