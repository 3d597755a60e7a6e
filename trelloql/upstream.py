"""The upstream side of the app's lifetime: the shared session, and the sandbox when used."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

from trelloql.keys import SESSION, SETTINGS, UPSTREAM, Upstream
from trelloql.settings import Settings
from trelloql.trello.client import Credentials

logger = logging.getLogger(__name__)


def client_timeout(settings: Settings) -> aiohttp.ClientTimeout:
    """Per-call upstream timeouts from the settings."""
    return aiohttp.ClientTimeout(
        total=settings.upstream_timeout, sock_connect=settings.upstream_connect_timeout
    )


async def upstream_ctx(app: web.Application) -> AsyncIterator[None]:
    """Open the shared ClientSession (and the sandbox Trello if used); close them at shutdown."""
    settings = app[SETTINGS]
    connector = aiohttp.TCPConnector(
        limit=settings.upstream_max_connections,
        limit_per_host=settings.upstream_max_connections_per_host,
    )
    async with aiohttp.ClientSession(connector=connector) as session:
        app[SESSION] = session
        if settings.use_sandbox:
            # Imported here: a service calling the real Trello need not hold the sandbox.
            from trelloql.sandbox import (
                SANDBOX_API_KEY,
                SANDBOX_TOKENS,
                SandboxConfig,
                SandboxServer,
            )

            config = SandboxConfig(latency_ms=settings.sandbox_latency_ms)
            async with SandboxServer(config) as sandbox:
                logger.info(
                    "no Trello credentials configured: serving the embedded sandbox Trello at %s",
                    sandbox.base_url,
                )
                token = next(iter(SANDBOX_TOKENS))
                credentials = Credentials(SANDBOX_API_KEY, token)
                timeout = client_timeout(settings)
                app[UPSTREAM] = Upstream(sandbox.base_url, credentials, timeout, sandbox=True)
                yield
        else:
            key, token = settings.credentials() or ("", "")
            credentials = Credentials(key, token)
            logger.info("calling Trello at %s", settings.trello_api_url)
            timeout = client_timeout(settings)
            app[UPSTREAM] = Upstream(settings.trello_api_url, credentials, timeout, sandbox=False)
            yield
