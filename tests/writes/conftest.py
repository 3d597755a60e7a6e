"""Fixtures for the write tests: a sandbox without rate limits (they read back a lot)."""

from __future__ import annotations

import pytest

from trelloql.sandbox import SandboxConfig


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """Trello's rate limits are tested elsewhere."""
    return SandboxConfig(rate_limits=False)
