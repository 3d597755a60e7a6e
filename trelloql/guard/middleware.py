"""The /graphql middleware that refuses abusive documents before the engine sees them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

from trelloql.graphql_http import GRAPHQL_PATH, Handler, error_response
from trelloql.guard.analysis import QueryRejected
from trelloql.keys import HEAVY_QUERIES, METRICS, OPERATION, QUERY_GUARD, SETTINGS


def graphql_params(request: web.Request, body: bytes) -> tuple[str, str | None]:
    """The query text and operation name of a request the HTTP checks accepted."""
    source: Any = request.query if request.method == "GET" else json.loads(body)
    name = source.get("operationName")
    return source["query"], name if isinstance(name, str) and name else None


@web.middleware
async def query_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse /graphql documents over the app's limits; note the operation name.

    Runs after the HTTP request checks, so the request is known to be well formed. A
    query estimated to need TRELLOQL_HEAVY_QUERY_COST Trello requests or more waits for
    one of TRELLOQL_HEAVY_QUERY_SLOTS (within the request's time limit): a few at a time
    answer as fast as many interleaved on one CPU, in a fraction of the memory.
    """
    if request.path != GRAPHQL_PATH or request.method not in ("GET", "POST"):
        return await handler(request)
    body = await request.read() if request.method == "POST" else b""
    text, name = graphql_params(request, body)
    guard = request.app[QUERY_GUARD]
    try:
        selected = guard.check(text, name)
    except QueryRejected as exc:
        if name:
            request[OPERATION] = name
        return error_response(400, exc.code, exc.message)
    if name is None and selected is not None:
        name = selected.operation_name
    if name:
        request[OPERATION] = name
    if selected is not None and selected.cost >= request.app[SETTINGS].heavy_query_cost:
        async with _heavy_slot(request.app):
            return await handler(request)
    return await handler(request)


@asynccontextmanager
async def _heavy_slot(app: web.Application) -> AsyncIterator[None]:
    """Hold one of the heavy-query slots, counted as waiting until it is free."""
    slots, waiting = app[HEAVY_QUERIES], app[METRICS].heavy_waiting
    waiting.inc()
    try:
        await slots.acquire()
    finally:
        waiting.dec()
    try:
        yield
    finally:
        slots.release()
