"""How a GraphQL request ended, recorded for the access log and the metrics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from trelloql.context import RequestContext


@dataclass(frozen=True)
class Outcome:
    """`ok`, `partial` (data and errors), `error` (no data) or `rejected` (never executed)."""

    outcome: str
    codes: tuple[str, ...] = ()
    upstream_calls: int = 0
    upstream_units: int = 0


OUTCOME = web.RequestKey("outcome", Outcome)


def error_codes(errors: Any) -> tuple[str, ...]:
    """The `extensions.code` of each error, in order."""
    if not isinstance(errors, list):
        return ()
    codes = []
    for error in errors:
        extensions = error.get("extensions") if isinstance(error, dict) else None
        code = extensions.get("code") if isinstance(extensions, dict) else None
        codes.append(code if isinstance(code, str) else "UNKNOWN")
    return tuple(codes)


def classify(result: dict[str, Any]) -> str:
    """The outcome word for an executed request's result."""
    if not result.get("errors"):
        return "ok"
    data = result.get("data")
    if isinstance(data, dict) and any(value is not None for value in data.values()):
        return "partial"
    return "error"


def record_outcome(request: web.Request, result: dict[str, Any], context: RequestContext) -> None:
    """Remember how an executed request ended, with its upstream traffic."""
    request[OUTCOME] = Outcome(
        classify(result),
        error_codes(result.get("errors")),
        context.client.calls,
        context.client.units,
    )
