"""Typed keys of the aiohttp application state."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import aiohttp
from aiohttp import web

from trelloql.guard.analysis import QueryGuard
from trelloql.limits import RateLimiter
from trelloql.metrics import Metrics
from trelloql.planner import Planner
from trelloql.settings import Settings
from trelloql.trello.client import Credentials


@dataclass(frozen=True)
class Upstream:
    """Where upstream calls go and with which default credentials."""

    base_url: str
    credentials: Credentials
    timeout: aiohttp.ClientTimeout
    sandbox: bool


@dataclass
class Lifecycle:
    """Readiness state: set when serving, cleared when draining."""

    serving: bool = False
    draining: bool = False


SETTINGS = web.AppKey("settings", Settings)
SESSION = web.AppKey("session", aiohttp.ClientSession)
UPSTREAM = web.AppKey("upstream", Upstream)
LIFECYCLE = web.AppKey("lifecycle", Lifecycle)
METRICS = web.AppKey("metrics", Metrics)
LIMITER = web.AppKey("limiter", RateLimiter)
QUERY_GUARD = web.AppKey("query_guard", QueryGuard)
PLANNER = web.AppKey("planner", Planner)
HEAVY_QUERIES = web.AppKey("heavy_queries", asyncio.Semaphore)
"""Slots for queries estimated to need many Trello requests (TRELLOQL_HEAVY_QUERY_*)."""

REQUEST_ID = web.RequestKey("request_id", str)
DEADLINE = web.RequestKey("deadline", float)
"""`time.monotonic()` by which upstream work of the request must be done."""
OPERATION = web.RequestKey("operation", str)
"""The operation name, once the query guard has parsed the document."""
