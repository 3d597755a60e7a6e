"""The HTTP side of /graphql: request checks, per-request context, response shape."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

from trelloql import fastjson
from trelloql.context import RequestContext
from trelloql.guard.suggestions import hide_suggestions
from trelloql.keys import PLANNER, REQUEST_ID, SETTINGS, UPSTREAM
from trelloql.outcome import record_outcome
from trelloql.resilience import upstream_client
from trelloql.trello.client import Credentials

logger = logging.getLogger(__name__)

GRAPHQL_PATH = "/graphql"
MAX_BODY_BYTES = 1024 * 1024
REQUEST_ID_HEADER = "X-Request-Id"
_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_\-.=]{8,512}$")
_REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9_\-.]{1,64}$")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error_response(status: int, code: str, message: str) -> web.Response:
    """A GraphQL-shaped error answer for a request that cannot be executed."""
    body = {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}
    return web.json_response(body, status=status)


class RequestRejected(Exception):
    """The HTTP request is not a GraphQL request we can execute."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def bearer_token(request: web.Request) -> str | None:
    """The Trello token a client sent as `Authorization: Bearer <token>`, if any."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not _TOKEN_PATTERN.match(token):
        raise RequestRejected(
            401, "UNAUTHENTICATED", "The Authorization header must be `Bearer <trello-token>`."
        )
    return token


async def check_graphql_request(request: web.Request) -> None:
    """Refuse what the GraphQL handler cannot execute, with a clear reason."""
    bearer_token(request)
    if request.method == "GET":
        if "query" not in request.query:
            raise RequestRejected(400, "BAD_REQUEST", "The `query` parameter is missing.")
        _check_variables_text(request.query.get("variables"))
        return
    if request.content_type != "application/json":
        raise RequestRejected(
            415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as `Content-Type: application/json`."
        )
    try:
        # The app's client_max_size bounds this read; the body is cached for the handler.
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise RequestRejected(413, "PAYLOAD_TOO_LARGE", "The request body is too large.") from None
    try:
        body = json.loads(raw)
    except ValueError:
        raise RequestRejected(400, "BAD_REQUEST", "The body is not valid JSON.") from None
    if isinstance(body, list):
        raise RequestRejected(400, "BAD_REQUEST", "JSON array batches are not supported.")
    if not isinstance(body, dict):
        raise RequestRejected(400, "BAD_REQUEST", "The body must be a JSON object.")
    if not isinstance(body.get("query"), str):
        raise RequestRejected(400, "BAD_REQUEST", "The body needs a `query` string.")
    if body.get("operationName") is not None and not isinstance(body["operationName"], str):
        raise RequestRejected(400, "BAD_REQUEST", "`operationName` must be a string.")
    variables = body.get("variables")
    if isinstance(variables, str):
        _check_variables_text(variables)
    elif variables is not None and not isinstance(variables, dict):
        raise RequestRejected(400, "BAD_REQUEST", "`variables` must be a JSON object.")


def _check_variables_text(text: str | None) -> None:
    if not text:
        return
    try:
        value = json.loads(text)
    except ValueError:
        raise RequestRejected(400, "BAD_REQUEST", "`variables` is not valid JSON.") from None
    if not isinstance(value, dict):
        raise RequestRejected(400, "BAD_REQUEST", "`variables` must be a JSON object.")


def request_id(request: web.Request) -> str:
    """The caller's X-Request-Id when it is sane, else a new one; the same for the whole request."""
    known = request.get(REQUEST_ID)
    if known is None:
        given = request.headers.get(REQUEST_ID_HEADER, "")
        known = given if _REQUEST_ID_PATTERN.match(given) else uuid.uuid4().hex
        request[REQUEST_ID] = known
    return known


@web.middleware
async def graphql_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Checks /graphql requests before Tartiflette sees them."""
    if request.path != GRAPHQL_PATH or request.method not in ("GET", "POST"):
        return await handler(request)
    try:
        await check_graphql_request(request)
    except RequestRejected as exc:
        return error_response(exc.status, exc.code, exc.message)
    return await handler(request)


@asynccontextmanager
async def context_factory(
    _executor_context: dict[str, Any], request: web.Request
) -> AsyncIterator[RequestContext]:
    """Builds the resolvers' context: a Trello client with the caller's or the default token."""
    upstream = request.app[UPSTREAM]
    token = bearer_token(request)
    credentials = (
        upstream.credentials
        if token is None
        else Credentials(key=upstream.credentials.key, token=token)
    )
    client = upstream_client(request, credentials)
    yield RequestContext(
        client=client, request_id=request_id(request), planner=request.app.get(PLANNER)
    )


def format_response(
    request: web.Request, result: dict[str, Any], context: RequestContext
) -> web.Response:
    """The JSON answer; errors the engine could not classify are hidden behind a code."""
    introspection = request.app[SETTINGS].introspection
    for error in result.get("errors") or []:
        if "extensions" not in error:
            error.pop("type", None)
            logger.error("unclassified GraphQL error: %s", error.get("message"))
            error["message"] = "Internal server error."
            error["extensions"] = {"code": "INTERNAL_SERVER_ERROR"}
        if not introspection and isinstance(error.get("message"), str):
            error["message"] = hide_suggestions(error["message"])
    record_outcome(request, result, context)
    headers = {REQUEST_ID_HEADER: context.request_id}
    return fastjson.json_response(result, headers=headers)
