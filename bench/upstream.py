"""The benchmark's Trello: the sandbox in a process of its own, with a small control API.

`python -m bench.upstream --latency-ms 30` prints one JSON line (`base_url`, `control`) once
serving on 127.0.0.1, and runs until stopped. `GET <control>/stats` answers the calls, the
rate-limit units and the arrival time of each call since `POST <control>/reset`.

Like the real Trello, it should cost the service latency but none of its CPU: it runs in a
process of its own, and answers a read it has answered before from a cache (the benchmark
only reads), after the same simulated latency and counted as any other call. Otherwise
rendering a 1,000-card board again and again would take one of this machine's two cores
and make the sandbox, not the service, the bottleneck under load.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import signal
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from bench.suite import sandbox_config
from trelloql.sandbox import SandboxServer

CONTROL = "/_bench"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def rounds_of(arrivals: list[float], latency_s: float) -> int:
    """Rounds of upstream calls: a new round starts when calls pause for half the latency.

    A call of the next round can only leave once a call of this round has answered, a full
    simulated latency later, while the calls of one round arrive within a few milliseconds.
    """
    if not arrivals or latency_s <= 0:
        return 0  # Without a latency, rounds cannot be told apart.
    ordered = sorted(arrivals)
    gap = latency_s / 2
    return 1 + sum(1 for before, after in itertools.pairwise(ordered) if after - before > gap)


def control_middleware(server: SandboxServer) -> Callable[..., Awaitable[web.StreamResponse]]:
    """Answers the control API and records when each Trello call arrived."""
    arrivals: list[float] = []

    @web.middleware
    async def control(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == f"{CONTROL}/stats":
            stats = server.stats
            return web.json_response(
                {"calls": stats.count(), "units": stats.units(), "arrivals": arrivals}
            )
        if request.path == f"{CONTROL}/reset" and request.method == "POST":
            server.stats.reset()
            arrivals.clear()
            return web.json_response({})
        arrivals.append(time.monotonic())
        return await handler(request)

    return control


_ANSWERS: dict[tuple[str, str], tuple[int, str, str | None, bytes]] = {}


@web.middleware
async def replay_reads(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer a GET from the cache when the same one was answered before (innermost)."""
    if request.method != "GET":
        return await handler(request)
    key = (request.path_qs, request.headers.get("Authorization", ""))
    cached = _ANSWERS.get(key)
    if cached is None:
        response = await handler(request)
        if not isinstance(response, web.Response) or response.body is None:
            return response
        body = bytes(response.body)  # type: ignore[arg-type]
        cached = (response.status, response.content_type, response.charset, body)
        _ANSWERS[key] = cached
    status, content_type, charset, body = cached
    return web.Response(status=status, content_type=content_type, charset=charset, body=body)


async def serve(latency_ms: float) -> None:
    """Serve the benchmark sandbox until SIGTERM or SIGINT."""
    server = SandboxServer(sandbox_config(latency_ms))
    server.app.middlewares.insert(0, control_middleware(server))
    server.app.middlewares.append(replay_reads)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        control = f"http://{server.host}:{server.port}{CONTROL}"
        print(json.dumps({"base_url": server.base_url, "control": control}), flush=True)
        await stop.wait()


def main() -> None:
    """Entry point of `python -m bench.upstream`."""
    parser = argparse.ArgumentParser(prog="python -m bench.upstream", description=__doc__)
    parser.add_argument("--latency-ms", type=float, default=sandbox_config().latency_ms)
    asyncio.run(serve(parser.parse_args().latency_ms))


if __name__ == "__main__":
    main()
