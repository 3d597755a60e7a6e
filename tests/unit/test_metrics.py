"""Metric labels stay bounded and free of ids; the exposition names every instrument."""

import pytest

from trelloql.metrics import MAX_LABEL_VALUES, Metrics, route_template
from trelloql.trello.client import UpstreamCall


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("/members/me", "/members/{id}"),
        ("/members/ada/boards", "/members/{id}/boards"),
        ("/boards/5f0c0c0c0c0c0c0c0c0c0c0c/lists", "/boards/{id}/lists"),
        ("/cards/abc/idLabels/def", "/cards/{id}/idLabels/{id}"),
        ("/batch", "/batch"),
        ("/search?query=secret", "/search"),
        ("/0bad/x", "/{id}/{id}"),
    ],
)
def test_route_templates(path: str, template: str) -> None:
    assert route_template(path) == template


def test_operation_names_are_checked_and_capped() -> None:
    metrics = Metrics()
    assert metrics.operation_label(None) == "anonymous"
    assert metrics.operation_label("Board View") == "other"
    assert metrics.operation_label("x" * 65) == "other"
    names = [f"Op{i}" for i in range(MAX_LABEL_VALUES + 5)]
    labels = [metrics.operation_label(name) for name in names]
    assert labels[:MAX_LABEL_VALUES] == names[:MAX_LABEL_VALUES]
    assert set(labels[MAX_LABEL_VALUES:]) == {"other"}
    assert metrics.operation_label("Op0") == "Op0"


def test_exposition() -> None:
    metrics = Metrics()
    metrics.observe_request("Board", "ok", 0.05)
    metrics.observe_errors(["RATE_LIMITED"])
    metrics.observe_call(UpstreamCall("GET", "/boards/abc123/cards", 429, 0.01, 1, {}))
    metrics.observe_call(UpstreamCall("GET", "/batch", None, 0.5, 10, {}))
    metrics.limiter_waited("token", 0.3)
    metrics.limiter_rejected("key")
    metrics.retried("server_error")
    text = metrics.exposition().decode()
    for line in [
        'trelloql_graphql_requests_total{operation="Board",outcome="ok"} 1.0',
        'trelloql_graphql_errors_total{code="RATE_LIMITED"} 1.0',
        'trelloql_upstream_requests_total{method="GET",route="/boards/{id}/cards",status="429"}'
        " 1.0",
        'trelloql_upstream_requests_total{method="GET",route="/batch",status="none"} 1.0',
        "trelloql_upstream_units_total 11.0",
        'trelloql_ratelimit_wait_seconds_count{bucket="token"} 1.0',
        'trelloql_ratelimit_rejections_total{bucket="key"} 1.0',
        'trelloql_upstream_retries_total{reason="server_error"} 1.0',
        "trelloql_graphql_requests_in_flight 0.0",
    ]:
        assert line in text
    assert "abc123" not in text
