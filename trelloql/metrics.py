"""Prometheus metrics of one app, served at /metrics.

Each app has its own registry (several apps can live in one process, as in the
tests). Labels never carry ids, usernames or secrets: upstream paths become
route templates, and client-chosen operation names are checked and capped.
"""

from __future__ import annotations

import re

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)

from trelloql.trello.client import UpstreamCall

METRICS_PATH = "/metrics"
MAX_LABEL_VALUES = 200
OTHER = "other"
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,39}$")
_OPERATION = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30)


def route_template(path: str) -> str:
    """`/boards/5f0c.../lists` → `/boards/{id}/lists`: Trello paths alternate names and ids."""
    segments = path.split("?", 1)[0].strip("/").split("/")
    parts = [
        segment if index % 2 == 0 and _NAME.match(segment) else "{id}"
        for index, segment in enumerate(segments)
    ]
    return "/" + "/".join(parts)


class _Capped:
    """Admits at most MAX_LABEL_VALUES distinct values of a label; the rest become `other`."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __call__(self, value: str) -> str:
        if value in self._seen:
            return value
        if len(self._seen) >= MAX_LABEL_VALUES:
            return OTHER
        self._seen.add(value)
        return value


class Metrics:
    """Every instrument of the service."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        ProcessCollector(registry=registry)
        PlatformCollector(registry=registry)
        self.requests = Counter(
            "trelloql_graphql_requests",
            "GraphQL requests by operation name and outcome (ok, partial, error, rejected).",
            ["operation", "outcome"],
            registry=registry,
        )
        self.request_seconds = Histogram(
            "trelloql_graphql_request_duration_seconds",
            "Time to answer a GraphQL request.",
            ["outcome"],
            buckets=_LATENCY_BUCKETS,
            registry=registry,
        )
        self.in_flight = Gauge(
            "trelloql_graphql_requests_in_flight",
            "GraphQL requests being answered.",
            registry=registry,
        )
        self.heavy_waiting = Gauge(
            "trelloql_graphql_heavy_queries_waiting",
            "Heavy queries waiting for a slot (TRELLOQL_HEAVY_QUERY_SLOTS).",
            registry=registry,
        )
        self.errors = Counter(
            "trelloql_graphql_errors",
            "GraphQL errors returned, by extensions.code.",
            ["code"],
            registry=registry,
        )
        self.upstream = Counter(
            "trelloql_upstream_requests",
            "Upstream HTTP calls by method, route template and status (`none`: no answer).",
            ["method", "route", "status"],
            registry=registry,
        )
        self.upstream_units = Counter(
            "trelloql_upstream_units",
            "Requests counted by Trello's rate limits (each /batch URL counts).",
            registry=registry,
        )
        self.upstream_seconds = Histogram(
            "trelloql_upstream_request_duration_seconds",
            "Upstream call latency by route template.",
            ["route"],
            buckets=_LATENCY_BUCKETS,
            registry=registry,
        )
        self.retries = Counter(
            "trelloql_upstream_retries",
            "Upstream calls retried, by reason (rate_limited, server_error, timeout, no_answer).",
            ["reason"],
            registry=registry,
        )
        self.limiter_waits = Histogram(
            "trelloql_ratelimit_wait_seconds",
            "Waits for rate-limit budget that ended with the call sent, by bucket kind.",
            ["bucket"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10),
            registry=registry,
        )
        self.limiter_rejections = Counter(
            "trelloql_ratelimit_rejections",
            "Calls refused (RATE_LIMITED) because budget would not free up in time, by bucket.",
            ["bucket"],
            registry=registry,
        )
        self._operations = _Capped()
        self._routes = _Capped()
        self._codes = _Capped()

    def operation_label(self, name: str | None) -> str:
        """A bounded label value for a client-chosen operation name."""
        if not name:
            return "anonymous"
        return self._operations(name) if _OPERATION.match(name) else OTHER

    def observe_request(self, operation: str | None, outcome: str, seconds: float) -> None:
        """Count one answered GraphQL request."""
        self.requests.labels(self.operation_label(operation), outcome).inc()
        self.request_seconds.labels(outcome).observe(seconds)

    def observe_errors(self, codes: list[str]) -> None:
        """Count the errors of one answer by code."""
        for code in codes:
            self.errors.labels(self._codes(code)).inc()

    def observe_call(self, call: UpstreamCall) -> None:
        """A TrelloClient observer: count and time one upstream call."""
        route = self._routes(route_template(call.path))
        status = str(call.status) if call.status is not None else "none"
        self.upstream.labels(call.method, route, status).inc()
        self.upstream_units.inc(call.units)
        self.upstream_seconds.labels(route).observe(call.seconds)

    def limiter_waited(self, bucket: str, seconds: float) -> None:
        """The limiter held a call back for `seconds`, then sent it."""
        self.limiter_waits.labels(bucket).observe(seconds)

    def limiter_rejected(self, bucket: str) -> None:
        """The limiter refused a call."""
        self.limiter_rejections.labels(bucket).inc()

    def retried(self, reason: str) -> None:
        """An upstream call is being retried."""
        self.retries.labels(reason).inc()

    def exposition(self) -> bytes:
        """The registry in Prometheus' text format."""
        return generate_latest(self.registry)


def add_metrics_route(app: web.Application, metrics: Metrics) -> None:
    """Mount GET /metrics for `metrics`."""

    async def serve_metrics(_request: web.Request) -> web.Response:
        return web.Response(
            body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app.router.add_get(METRICS_PATH, serve_metrics)
