"""Fixtures of the hardening suite."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hardening.redis_server import redis_server


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Redis on loopback for the whole session (skips when redis-server is absent)."""
    workdir: Path = tmp_path_factory.mktemp("redis")
    with redis_server(workdir) as url:
        yield url
