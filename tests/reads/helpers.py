"""Small helpers shared by the read tests."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from trelloql.sandbox import SANDBOX_TOKENS, SandboxServer

TOKENS = list(SANDBOX_TOKENS)


def data(result: dict[str, Any]) -> dict[str, Any]:
    """The answer's data, after checking it has no errors."""
    assert "errors" not in result, result["errors"]
    out: dict[str, Any] = result["data"]
    return out


def error_codes(result: dict[str, Any]) -> list[str]:
    """The `extensions.code` of each error."""
    return [error["extensions"]["code"] for error in result.get("errors", [])]


def as_member(username: str) -> dict[str, str]:
    """Headers that run the request with a seeded member's sandbox token."""
    index = ["ada", "grace", "alan", "katherine", "margaret"].index(username)
    return {"Authorization": f"Bearer {TOKENS[index]}"}


def trello_calls(sandbox: SandboxServer) -> list[str]:
    """Every Trello URL the sandbox served since the last reset, batch members one by one."""
    urls: list[str] = []
    for request in sandbox.stats.requests:
        if request.batch_urls is not None:
            urls.extend(request.batch_urls)
        else:
            query = f"?{urlencode(request.query)}" if request.query else ""
            urls.append(request.path.removeprefix("/1") + query)
    return urls
