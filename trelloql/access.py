"""Per-request bookkeeping around /graphql: deadline, time limit, access log line, metrics.

The outermost /graphql middleware. It gives every request a request id (also
on rejections), a deadline that upstream work must meet, and a hard time
limit; it turns anything unexpected into a GraphQL-shaped 500 and writes one
structured log line per request.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from aiohttp import web

from trelloql.graphql_http import (
    GRAPHQL_PATH,
    REQUEST_ID_HEADER,
    Handler,
    error_response,
    request_id,
)
from trelloql.keys import DEADLINE, LIFECYCLE, METRICS, OPERATION, SETTINGS
from trelloql.outcome import OUTCOME, Outcome, error_codes

logger = logging.getLogger(__name__)
access_logger = logging.getLogger("trelloql.access")

DEADLINE_MARGIN_SECONDS = 1.0


def upstream_deadline(started: float, request_timeout: float) -> float:
    """When upstream work must end so that the answer can still be built in time."""
    margin = min(DEADLINE_MARGIN_SECONDS, request_timeout / 5)
    return started + request_timeout - margin


@web.middleware
async def observe_graphql(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Time-limit, log and count each /graphql request."""
    if request.path != GRAPHQL_PATH:
        return await handler(request)
    metrics = request.app[METRICS]
    timeout = request.app[SETTINGS].request_timeout
    started = time.monotonic()
    request[DEADLINE] = upstream_deadline(started, timeout)
    rid = request_id(request)
    metrics.in_flight.inc()
    try:
        response = await _answer(request, handler, timeout)
    except web.HTTPException as exc:
        _record(request, rid, exc.status, Outcome("rejected"), started)
        raise
    except asyncio.CancelledError:
        _record(request, rid, 499, Outcome("cancelled"), started)
        raise
    finally:
        metrics.in_flight.dec()
    response.headers[REQUEST_ID_HEADER] = rid
    if request.app[LIFECYCLE].draining:
        response.force_close()  # shutting down: the client should reconnect elsewhere
    _record(request, rid, response.status, _outcome(request, response), started)
    return response


async def _answer(request: web.Request, handler: Handler, limit: float) -> web.StreamResponse:
    try:
        async with asyncio.timeout(limit):
            return await handler(request)
    except TimeoutError:
        return error_response(
            504, "REQUEST_TIMEOUT", f"The request did not finish within {limit:g} s."
        )
    except web.HTTPException:
        raise
    except Exception:
        logger.exception("unhandled error while answering a GraphQL request")
        return error_response(500, "INTERNAL_SERVER_ERROR", "Internal server error.")


def _outcome(request: web.Request, response: web.StreamResponse) -> Outcome:
    recorded = request.get(OUTCOME)
    if recorded is not None:
        return recorded
    codes: tuple[str, ...] = ()
    body = getattr(response, "body", None)
    if isinstance(body, bytes) and response.status >= 400:
        try:
            codes = error_codes(json.loads(body).get("errors"))
        except (ValueError, AttributeError):
            codes = ()
    if response.status >= 500:
        return Outcome("error", codes)
    return Outcome("rejected" if response.status >= 400 else "ok", codes)


def _record(request: web.Request, rid: str, status: int, outcome: Outcome, started: float) -> None:
    seconds = time.monotonic() - started
    operation = request.get(OPERATION)
    metrics = request.app[METRICS]
    metrics.observe_request(operation, outcome.outcome, seconds)
    metrics.observe_errors(list(outcome.codes))
    fields: dict[str, Any] = {
        "request_id": rid,
        "method": request.method,
        "operation": operation,
        "outcome": outcome.outcome,
        "status": status,
        "duration_ms": round(seconds * 1000, 1),
        "upstream_calls": outcome.upstream_calls,
        "upstream_units": outcome.upstream_units,
        "error_codes": sorted(set(outcome.codes)),
    }
    access_logger.info(
        "%s %s op=%s outcome=%s status=%d %.1f ms upstream=%d",
        request.method,
        GRAPHQL_PATH,
        operation or "-",
        outcome.outcome,
        status,
        seconds * 1000,
        outcome.upstream_calls,
        extra=fields,
    )
