"""Serving until SIGTERM/SIGINT, then shutting down gracefully.

On the signal: /readyz turns unready at once; after TRELLOQL_SHUTDOWN_DELAY_SECONDS
(time for load balancers to notice, while requests are still served) the
listener closes, in-flight requests get up to TRELLOQL_SHUTDOWN_GRACE_SECONDS to
finish, the upstream session (and sandbox) close, and the process exits 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from aiohttp import web

from trelloql.keys import LIFECYCLE

logger = logging.getLogger(__name__)


async def serve(app: web.Application, host: str, port: int, grace: float, delay: float) -> None:
    """Serve `app` on host:port until SIGTERM or SIGINT, then drain and stop."""
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=grace)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        for address in runner.addresses:
            logger.info("serving on http://%s:%d", address[0], address[1])
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        app[LIFECYCLE].draining = True
        logger.info("shutting down: finishing in-flight requests (grace %g s)", grace)
        if delay > 0:
            await asyncio.sleep(delay)
    finally:
        await runner.cleanup()
    logger.info("stopped")


def run(app: web.Application, host: str, port: int, grace: float, delay: float) -> None:
    """Run `serve` in a new event loop."""
    asyncio.run(serve(app, host, port, grace, delay))
