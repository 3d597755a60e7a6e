"""The Trello client resolvers get: rate-limited, retried, and bound by the request's deadline."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

import aiohttp
from aiohttp import web

from trelloql.keys import DEADLINE, LIMITER, METRICS, SESSION, SETTINGS, UPSTREAM
from trelloql.limits import (
    Limits,
    MemoryStore,
    RateLimiter,
    Store,
    bucket_names,
    budgets_for,
    member_units,
)
from trelloql.metrics import Metrics
from trelloql.retry import RetryPolicy, retry_reason
from trelloql.trello.client import (
    READS,
    CallObserver,
    Credentials,
    Params,
    TrelloClient,
    UpstreamCall,
)
from trelloql.trello.errors import TrelloError, TrelloTimeout

logger = logging.getLogger(__name__)

UNKNOWN_WRITE_OUTCOME = (
    "the change may or may not have been made, and it was not retried; read it back to find out"
)


class ResilientClient(TrelloClient):
    """A TrelloClient that takes rate-limit budget before each call and retries per policy.

    Every wait (for budget, for a retry, for Trello) ends by `deadline`, a
    `time.monotonic()` value; a call that would outlive it fails as UPSTREAM_TIMEOUT.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        credentials: Credentials,
        timeout: aiohttp.ClientTimeout,
        observers: Sequence[CallObserver] = (),
        *,
        limiter: RateLimiter,
        retry: RetryPolicy,
        deadline: float,
        metrics: Metrics | None = None,
    ) -> None:
        self._names = bucket_names(credentials.key, credentials.token)
        self._limiter = limiter
        self._retry = retry
        self._deadline = deadline
        self._metrics = metrics
        super().__init__(session, base_url, credentials, timeout, observers)

    async def request(
        self,
        method: str,
        path: str,
        params: Params | None = None,
        body: Any = None,
        units: int = 1,
    ) -> Any:
        """Send one request to Trello within budget, retrying what the policy allows."""
        budgets = budgets_for(self._names, self._limiter.limits, units, member_units(path, params))
        attempt, waited = 0, 0.0
        while True:
            ticket = await self._limiter.acquire(budgets, self._deadline)
            try:
                return await self._before_deadline(method, path, params, body, units)
            except TrelloError as error:
                pause = self._retry.delay(method, error, attempt, waited)
                if pause is None or time.monotonic() + pause >= self._deadline:
                    raise
                if self._metrics is not None:
                    self._metrics.retried(retry_reason(error) or "other")
            finally:
                await self._limiter.answered(budgets, ticket)
            await asyncio.sleep(pause)
            attempt, waited = attempt + 1, waited + pause

    async def _before_deadline(
        self, method: str, path: str, params: Params | None, body: Any, units: int
    ) -> Any:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise TrelloTimeout("The request ran out of time before Trello could be asked")
        try:
            async with asyncio.timeout(remaining):
                return await super().request(method, path, params, body, units)
        except TimeoutError:
            message = "Trello did not answer within the request's time limit"
            if method.upper() not in READS:
                message += f": {UNKNOWN_WRITE_OUTCOME}"
            raise TrelloTimeout(message) from None

    def _notify(self, call: UpstreamCall) -> None:
        """Observers first, then the limiter learns what Trello says is used."""
        super()._notify(call)
        self._limiter.observe(self._names, call.headers, rate_limited=call.status == 429)


def upstream_client(request: web.Request, credentials: Credentials) -> ResilientClient:
    """The client for one GraphQL request, with the app's limiter, metrics and policy."""
    app = request.app
    settings = app[SETTINGS]
    upstream = app[UPSTREAM]
    metrics = app[METRICS]
    deadline = request.get(DEADLINE, time.monotonic() + settings.request_timeout)
    return ResilientClient(
        app[SESSION],
        upstream.base_url,
        credentials,
        upstream.timeout,
        [metrics.observe_call],
        limiter=app[LIMITER],
        retry=RetryPolicy(retries=settings.upstream_retries),
        deadline=deadline,
        metrics=metrics,
    )


async def limiter_ctx(app: web.Application) -> AsyncIterator[None]:
    """The app's rate limiter: shared through Redis when TRELLOQL_REDIS_URL is set."""
    settings = app[SETTINGS]
    metrics = app[METRICS]
    store: Store
    if settings.redis_url:
        # Imported here: the redis client costs about 6 MiB of memory to import.
        from trelloql.limits.redis_store import RedisStore

        store = RedisStore.from_url(settings.redis_url)
        logger.info("rate limits are shared through Redis")
    else:
        store = MemoryStore()
    limits = Limits(
        token=settings.rate_limit_token,
        key=settings.rate_limit_key,
        member=settings.rate_limit_member,
        max_wait=settings.rate_limit_max_wait,
    )
    app[LIMITER] = RateLimiter(
        store, limits, on_wait=metrics.limiter_waited, on_reject=metrics.limiter_rejected
    )
    try:
        yield
    finally:
        await app[LIMITER].close()
