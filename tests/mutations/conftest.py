"""Fixtures for mutation tests: a sandbox without rate limits, and shortcuts into its data."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Query
from trelloql.sandbox import SandboxConfig


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """Mutation tests read back a lot; Trello's rate limits are tested elsewhere."""
    return SandboxConfig(rate_limits=False)


def errors_of(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The errors of a GraphQL answer (failing when there are none)."""
    assert result.get("errors"), result
    return list(result["errors"])


def data_of(result: dict[str, Any]) -> dict[str, Any]:
    """The data of a GraphQL answer (failing on any error)."""
    assert "errors" not in result, result["errors"]
    return dict(result["data"])


async def run(query: Query, text: str, **variables: Any) -> dict[str, Any]:
    """Run `text` with `variables`; return its data, failing on any error."""
    return data_of(await query(text, variables))
