"""The aiohttp application serving the sandbox Trello under ``/1``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping

from aiohttp import web

from . import (
    routes_actions,
    routes_activity,
    routes_batch,
    routes_board_writes,
    routes_boards,
    routes_card_details,
    routes_card_relations,
    routes_card_writes,
    routes_cards,
    routes_checklist_writes,
    routes_checklists,
    routes_comment_writes,
    routes_customfields,
    routes_enterprises,
    routes_label_writes,
    routes_labels,
    routes_list_writes,
    routes_lists,
    routes_member_extras,
    routes_member_writes,
    routes_members,
    routes_notifications,
    routes_org_extras,
    routes_org_writes,
    routes_organizations,
    routes_plugins,
    routes_reactions,
    routes_search,
    routes_tokens,
    routes_webhooks,
)
from .auth import authenticate
from .config import SandboxConfig
from .context import Ctx
from .errors import TrelloError, no_route
from .faults import faults_middleware
from .form import write_params
from .ratelimit import Clock, RateLimiter
from .routing import Router
from .state import SandboxState, Sleep
from .stats import RecordedRequest, Stats
from .store import Store

STATE = web.AppKey("trelloql_sandbox_state", SandboxState)
_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_MODULES = (
    routes_members,
    routes_boards,
    routes_lists,
    routes_cards,
    routes_organizations,
    routes_labels,
    routes_label_writes,
    routes_checklists,
    routes_actions,
    routes_batch,
    routes_card_writes,
    routes_card_relations,
    routes_comment_writes,
    routes_checklist_writes,
    routes_activity,
    routes_reactions,
    routes_customfields,
    routes_plugins,
    routes_notifications,
    routes_webhooks,
    routes_tokens,
    routes_search,
    routes_member_extras,
    routes_org_extras,
    routes_card_details,
    routes_board_writes,
    routes_list_writes,
    routes_org_writes,
    routes_member_writes,
    routes_enterprises,
)
RECORD = web.RequestKey("trelloql_sandbox_record", RecordedRequest)


def build_router() -> Router:
    """The route table shared by HTTP requests and /batch."""
    router = Router()
    for module in _MODULES:
        module.register(router)
    return router


@web.middleware
async def record_stats(request: web.Request, handler: _Handler) -> web.StreamResponse:
    """Record every request in ``Stats`` (before anything can fail) and its status."""
    query = dict(request.query)
    urls = (
        routes_batch.split_urls(request.query) if request.path.rstrip("/") == "/1/batch" else None
    )
    record = RecordedRequest(request.method, request.path, query, urls)
    request.app[STATE].stats.requests.append(record)
    request[RECORD] = record
    response = await handler(request)
    record.status = response.status
    return response


@web.middleware
async def add_latency(request: web.Request, handler: _Handler) -> web.StreamResponse:
    """Answer each HTTP request ``config.latency_ms`` after it arrived, like a remote Trello.

    The latency is the whole time Trello takes: it includes the sandbox's own work on the
    answer (a large board takes a while to render), which is slept off, not added.
    """
    state = request.app[STATE]
    latency = state.config.latency_ms / 1000
    if latency <= 0:
        return await handler(request)
    started = state.clock()
    try:
        return await handler(request)
    finally:
        remaining = latency - (state.clock() - started)
        if remaining > 0:
            await state.sleep(remaining)


async def dispatch(request: web.Request) -> web.StreamResponse:
    """Resolve, authenticate, rate-limit and run one HTTP request."""
    state = request.app[STATE]
    path = request.path
    resolved = state.router.resolve(request.method, path[2:]) if path.startswith("/1/") else None
    if resolved is None:
        return no_route(request.method, path).response()
    route, params = resolved
    try:
        identity = authenticate(request.query, request.headers)
    except TrelloError as error:
        return error.response()
    headers: dict[str, str] = {}
    if state.config.rate_limits:
        units = route.units(request.query)
        verdict = state.limiter.acquire(identity.key, identity.token, units, route.member_limited)
        headers = verdict.headers
        if verdict.error is not None:
            return web.json_response(verdict.error, status=429, headers=headers)
    try:
        if route.method == "GET":
            query: Mapping[str, str] = request.query
        else:
            query = request[RECORD].params = await write_params(request)
        response = web.json_response(route.handler(Ctx(state, identity, query, params)))
    except TrelloError as error:
        response = error.response()
    response.headers.update(headers)
    if route.method != "GET" and state.config.drop_write_responses:
        return await _drop(request)
    return response


async def _drop(request: web.Request) -> web.StreamResponse:
    """Close the connection without answering: the write happened, its response is lost."""
    if request.transport is not None:
        request.transport.abort()
    raise ConnectionResetError("sandbox dropped the response to a write")


def create_sandbox_app(
    config: SandboxConfig | None = None,
    *,
    store: Store | None = None,
    stats: Stats | None = None,
    clock: Clock | None = None,
    sleep: Sleep | None = None,
) -> web.Application:
    """An aiohttp app serving the sandbox; pass ``clock``/``sleep`` to control time in tests."""
    config = config if config is not None else SandboxConfig()
    state = SandboxState(
        config=config,
        store=store if store is not None else Store(config),
        stats=stats if stats is not None else Stats(),
        router=build_router(),
        limiter=RateLimiter(clock) if clock is not None else RateLimiter(),
        sleep=sleep if sleep is not None else asyncio.sleep,
        clock=clock if clock is not None else time.monotonic,
    )
    inject_faults = faults_middleware(
        lambda request: request.app[STATE].config.faults, lambda request: request.app[STATE].sleep
    )
    app = web.Application(middlewares=[record_stats, inject_faults, add_latency])
    app[STATE] = state
    app.router.add_route("*", "/{tail:.*}", dispatch)
    return app
