"""The benchmark's two child processes: the upstream sandbox and the trelloql service.

The service runs as `python -m trelloql serve`, pointed at the sandbox as its Trello, so that
its CPU time and resident memory can be read from /proc for that process alone.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import aiohttp

from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 30.0
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
UNLIMITED = {
    "TRELLOQL_RATE_LIMIT_TOKEN": "100000",
    "TRELLOQL_RATE_LIMIT_KEY": "100000",
    "TRELLOQL_RATE_LIMIT_MEMBER": "100000",
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def rss_bytes(pid: int) -> int:
    """The process's resident memory."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


class Child:
    """A child process that is stopped (SIGTERM, then SIGKILL) when the block ends."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None) -> None:
        # A file, not a pipe, so that a chatty child can never block on a full pipe.
        self._stderr = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed in stop paths
        self.process = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )

    @property
    def pid(self) -> int:
        """The child's process id."""
        return self.process.pid

    def stop(self) -> None:
        """Stop the child and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()

    def failure(self, what: str) -> RuntimeError:
        """An error telling why the child did not start, with its last words."""
        self.stop()
        self._stderr.seek(0)
        words = self._stderr.read()[-2000:]
        self._stderr.close()
        return RuntimeError(f"{what} did not start:\n{words}")

    def __enter__(self) -> Child:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        self._stderr.close()


@dataclass
class UpstreamStats:
    """Upstream traffic since the last reset."""

    calls: int
    units: int
    arrivals: list[float]


class Upstream(Child):
    """`python -m bench.upstream`: the sandbox Trello with its control API."""

    def __init__(self, latency_ms: float) -> None:
        super().__init__([sys.executable, "-m", "bench.upstream", "--latency-ms", str(latency_ms)])
        line = self.process.stdout.readline() if self.process.stdout else ""
        if not line:
            raise self.failure("the upstream sandbox")
        started = json.loads(line)
        self.base_url: str = started["base_url"]
        self.control: str = started["control"]

    async def reset(self, session: aiohttp.ClientSession) -> None:
        """Forget the traffic seen so far."""
        async with session.post(f"{self.control}/reset") as response:
            response.raise_for_status()

    async def stats(self, session: aiohttp.ClientSession) -> UpstreamStats:
        """Calls, units and call arrival times since the last reset."""
        async with session.get(f"{self.control}/stats") as response:
            body: dict[str, Any] = await response.json()
        return UpstreamStats(body["calls"], body["units"], body["arrivals"])


class Service(Child):
    """`python -m trelloql serve` in front of the upstream sandbox."""

    def __init__(self, upstream: Upstream, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        env = {
            "TRELLO_API_KEY": SANDBOX_API_KEY,
            "TRELLO_TOKEN": next(iter(SANDBOX_TOKENS)),
            "TRELLO_API_URL": upstream.base_url,
            "TRELLOQL_SANDBOX": "false",
            "TRELLOQL_HOST": "127.0.0.1",
            "TRELLOQL_PORT": str(self.port),
            "TRELLOQL_LOG_LEVEL": "WARNING",
            # The sandbox runs with Trello's rate limits off; so does the service's own
            # limiter (which keeps under Trello's), or the load would measure the limiter.
            **UNLIMITED,
            **(extra_env or {}),
        }
        super().__init__([sys.executable, "-m", "trelloql", "serve"], env)
        self.url = f"http://127.0.0.1:{self.port}"

    async def ready(self, session: aiohttp.ClientSession) -> None:
        """Wait until /readyz answers 200."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise self.failure("the trelloql service")
            try:
                async with session.get(f"{self.url}/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
        raise self.failure("the trelloql service (not ready in time)")

    def cpu_seconds(self) -> float:
        """CPU time the service has used so far."""
        return cpu_seconds(self.pid)

    def rss_bytes(self) -> int:
        """The service's resident memory."""
        return rss_bytes(self.pid)
