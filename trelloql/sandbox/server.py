"""Running the sandbox on loopback: ``SandboxServer`` and ``serve_forever``."""

from __future__ import annotations

import asyncio
from types import TracebackType

from aiohttp import web

from .app import STATE, create_sandbox_app
from .auth import SANDBOX_API_KEY, SANDBOX_TOKENS
from .config import SandboxConfig
from .ratelimit import Clock
from .state import Sleep
from .stats import Stats
from .store import Store

LOOPBACK = "127.0.0.1"


class SandboxServer:
    """The sandbox Trello on ``127.0.0.1``; an async context manager (or ``start``/``stop``).

    ``port=0`` picks a free port; ``base_url`` then tells which, with Trello's ``/1`` prefix.
    """

    def __init__(
        self,
        config: SandboxConfig | None = None,
        host: str = LOOPBACK,
        port: int = 0,
        *,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        if host != LOOPBACK:
            raise ValueError(f"the sandbox only binds {LOOPBACK}, not {host!r}")
        config = config if config is not None else SandboxConfig()
        self.host = host
        self.port = port
        self.store = Store(config)
        self.stats = Stats()
        self.app = create_sandbox_app(
            config, store=self.store, stats=self.stats, clock=clock, sleep=sleep
        )
        self._runner: web.AppRunner | None = None

    @property
    def config(self) -> SandboxConfig:
        """The live configuration; changes apply from the next request."""
        return self.app[STATE].config

    @config.setter
    def config(self, value: SandboxConfig) -> None:
        self.app[STATE].config = value

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>/1``."""
        return f"http://{self.host}:{self.port}/1"

    async def start(self) -> None:
        """Bind and serve."""
        runner = web.AppRunner(self.app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        self.port = runner.addresses[0][1]

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SandboxServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


def banner(server: SandboxServer) -> str:
    """What to print on start: base URL and the demo credentials."""
    token = next(iter(SANDBOX_TOKENS))
    main = server.store.main_member
    return "\n".join(
        (
            f"Sandbox Trello at {server.base_url}",
            f"  key:   {SANDBOX_API_KEY}",
            f"  token: {token}  ({main['fullName']}, @{main['username']})",
            f"  try:   curl '{server.base_url}/members/me?key={SANDBOX_API_KEY}&token={token}'",
        )
    )


async def serve_forever(
    config: SandboxConfig | None = None, host: str = LOOPBACK, port: int = 0
) -> None:
    """Run the sandbox in the foreground until cancelled, printing ``banner`` once up."""
    async with SandboxServer(config, host, port) as server:
        print(banner(server), flush=True)
        await asyncio.Event().wait()
