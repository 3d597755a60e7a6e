"""The retry policy: what is retried, how long it waits, and where it stops."""

import random

import pytest

from trelloql.retry import RetryPolicy, retry_reason
from trelloql.trello.errors import (
    TrelloNotFound,
    TrelloRateLimited,
    TrelloTimeout,
    TrelloUpstreamError,
)

SERVER_ERROR = TrelloUpstreamError("boom", status=503)
CONNECTION = TrelloUpstreamError("reset")
TIMEOUT = TrelloTimeout("slow")


def policy(**kwargs: float) -> RetryPolicy:
    return RetryPolicy(rng=random.Random(7), **kwargs)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("error", [SERVER_ERROR, CONNECTION, TIMEOUT, TrelloRateLimited("x")])
def test_writes_are_never_retried(method: str, error: Exception) -> None:
    assert policy().delay(method, error, 0, 0.0) is None


@pytest.mark.parametrize("error", [SERVER_ERROR, CONNECTION, TIMEOUT])
def test_reads_retry_transient_failures_with_growing_jittered_backoff(error: Exception) -> None:
    retry = policy(retries=3, base_delay=0.1, max_delay=1.0, total_delay=10.0)
    first = retry.delay("GET", error, 0, 0.0)
    second = retry.delay("GET", error, 1, 0.1)
    third = retry.delay("GET", error, 2, 0.3)
    assert first is not None
    assert 0.05 <= first <= 0.1
    assert second is not None
    assert 0.1 <= second <= 0.2
    assert third is not None
    assert 0.2 <= third <= 0.4
    assert retry.delay("GET", error, 3, 0.7) is None


def test_backoff_is_capped_and_bounded_in_total() -> None:
    retry = policy(retries=10, base_delay=0.5, max_delay=1.0, total_delay=2.0)
    pause = retry.delay("GET", SERVER_ERROR, 6, 0.0)
    assert pause is not None
    assert pause <= 1.0
    assert retry.delay("GET", SERVER_ERROR, 2, 1.5) is None


def test_client_errors_are_final() -> None:
    assert policy().delay("GET", TrelloNotFound("gone", status=404), 0, 0.0) is None
    assert policy().delay("GET", TrelloUpstreamError("teapot", status=418), 0, 0.0) is None


def test_a_429_is_retried_once_after_its_hint() -> None:
    retry = policy(rate_limited_delay=1.0)
    assert retry.delay("GET", TrelloRateLimited("slow down", status=429), 0, 0.0) == 1.0
    hinted = TrelloRateLimited("slow down", status=429, retry_after=2.5)
    assert retry.delay("GET", hinted, 0, 0.0) == 2.5
    assert retry.delay("GET", hinted, 1, 2.5) is None


def test_reasons_label_the_failure() -> None:
    assert retry_reason(TrelloRateLimited("x")) == "rate_limited"
    assert retry_reason(TIMEOUT) == "timeout"
    assert retry_reason(CONNECTION) == "no_answer"
    assert retry_reason(SERVER_ERROR) == "server_error"
    assert retry_reason(TrelloNotFound("x", status=404)) is None
