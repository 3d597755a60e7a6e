"""Sending GraphQL requests to the service: one at a time, or from concurrent workers."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from dataclasses import dataclass
from typing import Any

import aiohttp


@dataclass(frozen=True)
class Latencies:
    """End-to-end latencies of a run of requests (of those answered cleanly)."""

    requests: int
    failed: int
    concurrency: int
    seconds: float
    p50_ms: float
    p95_ms: float

    @property
    def per_second(self) -> float:
        """Requests answered cleanly per second of the run."""
        return (self.requests - self.failed) / self.seconds


class QueryFailed(RuntimeError):
    """The service did not answer a benchmark query cleanly."""


async def send(
    session: aiohttp.ClientSession, url: str, body: dict[str, Any], decode: bool = False
) -> tuple[float, Any]:
    """POST one query; its latency in seconds, and the decoded answer when `decode`.

    Without `decode`, the answer is only checked cheaply for an `errors` entry, so that the
    client spends little CPU beside the service it measures.
    """
    started = time.perf_counter()
    async with session.post(url, json=body) as response:
        payload = await response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise QueryFailed(f"HTTP {response.status}: {payload[:500]!r}")
    if decode:
        answer = json.loads(payload)
        if answer.get("errors"):
            raise QueryFailed(f"errors: {answer['errors'][:3]}")
        return elapsed, answer
    if b'"errors"' in payload:
        raise QueryFailed(f"errors in the answer: {payload[-500:]!r}")
    return elapsed, None


async def load(
    session: aiohttp.ClientSession,
    url: str,
    body: dict[str, Any],
    requests: int,
    concurrency: int,
    seconds: float,
) -> Latencies:
    """Send up to `requests` queries from `concurrency` workers, none after `seconds`."""
    samples: list[float] = []
    failed = 0
    remaining = iter(range(requests))
    started = time.perf_counter()
    deadline = started + seconds

    async def worker() -> None:
        nonlocal failed
        for _ in remaining:
            if time.perf_counter() > deadline:
                return
            try:
                elapsed, _answer = await send(session, url, body)
            except (QueryFailed, aiohttp.ClientError, TimeoutError):
                failed += 1
                continue
            samples.append(elapsed)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    done = len(samples) + failed
    if not samples:
        return Latencies(done, failed, concurrency, elapsed, float("nan"), float("nan"))
    return Latencies(
        done,
        failed,
        concurrency,
        elapsed,
        percentile(samples, 50),
        percentile(samples, 95),
    )


def percentile(samples: list[float], pct: int) -> float:
    """The `pct` percentile of latencies in seconds, in milliseconds."""
    if len(samples) == 1:
        return samples[0] * 1000
    return statistics.quantiles(samples, n=100, method="inclusive")[pct - 1] * 1000
