"""``GET /batch?urls=/a,/b``: up to 10 GET routes run with the caller's credentials."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from multidict import MultiMapping
from yarl import URL

from .context import Ctx
from .errors import TrelloError, invalid_value, no_route
from .routing import Router

MAX_URLS = 10


def split_urls(query: Mapping[str, str]) -> list[str]:
    """The sub-URLs of a batch, from one or more ``urls`` parameters.

    Each value is a comma list. A piece that does not start with ``/`` and follows a URL that
    has a query string continues that query (``/boards/x?fields=name,desc``); otherwise it is
    a route written without its leading slash (``/members/me,boards/x``).
    """
    values = query.getall("urls", []) if isinstance(query, MultiMapping) else []
    if not values and "urls" in query:
        values = [query["urls"]]
    urls: list[str] = []
    for value in values:
        first = len(urls)
        for piece in (p.strip() for p in value.split(",")):
            if not piece:
                continue
            if len(urls) > first and not piece.startswith("/") and "?" in urls[-1]:
                urls[-1] += "," + piece
            else:
                urls.append(piece if piece.startswith("/") else "/" + piece)
    return urls


def batch_cost(query: Mapping[str, str]) -> int:
    """Rate-limit units of a batch: one per URL (a rejected batch costs one)."""
    count = len(split_urls(query))
    return count if 1 <= count <= MAX_URLS else 1


def batch(ctx: Ctx) -> list[dict[str, Any]]:
    """Run each URL through the route table; results in request order as ``{status: body}``."""
    urls = split_urls(ctx.query)
    if not urls:
        raise invalid_value("urls")
    if len(urls) > MAX_URLS:
        raise TrelloError(400, f"Too many URLs in batch: {len(urls)} (the limit is {MAX_URLS})")
    return [_run(ctx, url) for url in urls]


def _run(ctx: Ctx, url: str) -> dict[str, Any]:
    target = URL(url)
    state = ctx.state
    resolved = state.router.resolve("GET", target.path)
    try:
        if resolved is None:
            raise no_route("GET", "/1" + target.path)
        route, params = resolved
        if route.handler is batch:
            raise TrelloError(400, "batch requests cannot be nested")
        if route.member_limited and state.config.rate_limits:
            verdict = state.limiter.acquire_member(ctx.identity.token)
            if verdict.error is not None:
                raise TrelloError(429, verdict.error)
        return {"200": route.handler(Ctx(state, ctx.identity, target.query, params))}
    except TrelloError as error:
        return {str(error.status): error.body}


def register(router: Router) -> None:
    """Add the batch route."""
    router.add("/batch", batch, cost=batch_cost)
