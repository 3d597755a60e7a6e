"""SIGTERM during steady load: unready at once, no accepted request lost, exit code 0."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from tests.hardening.leaks import WATCH
from trelloql.sandbox import SandboxConfig, Store

WORKERS = 6
LATENCY_MS = 300
DELAY_SECONDS = 1.0
GRACE_SECONDS = 10.0


@dataclass
class Sent:
    """One request of the load, as the client saw it."""

    request_id: str
    started: float
    finished: float = 0.0
    status: int | None = None
    failure: str | None = None


def server_lines(log: Path) -> list[dict[str, Any]]:
    lines = []
    for raw in log.read_text().splitlines():
        try:
            lines.append(json.loads(raw))
        except ValueError:
            lines.append({"level": "RAW", "message": raw})
    return lines


async def wait_for_address(process: asyncio.subprocess.Process, log: Path) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lines = await asyncio.to_thread(server_lines, log)
        assert process.returncode is None, lines
        for line in lines:
            message = line.get("message", "")
            if message.startswith("serving on "):
                return str(message.removeprefix("serving on "))
        await asyncio.sleep(0.05)
    raise AssertionError("the service did not start")


async def load(url: str, stop: asyncio.Event, board_id: str, worker: int) -> list[Sent]:
    """Requests one after another, each on a new connection, until the service refuses."""
    query = {"query": "query($id: ID!) { board(id: $id) { name } }", "variables": {"id": board_id}}
    sent: list[Sent] = []
    connector = aiohttp.TCPConnector(force_close=True)
    async with aiohttp.ClientSession(connector=connector) as session:
        while not stop.is_set():
            item = Sent(f"load-{worker}-{len(sent)}", time.monotonic())
            sent.append(item)
            try:
                async with session.post(
                    url + "/graphql", json=query, headers={"X-Request-Id": item.request_id}
                ) as response:
                    await response.read()
                    item.status = response.status
            except aiohttp.ClientError as exc:
                item.failure = type(exc).__name__
            item.finished = time.monotonic()
            if isinstance(item.failure, str) and "Connector" in item.failure:
                break
    return sent


async def readiness(url: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(url + "/readyz") as response:
        return response.status


async def test_sigterm_during_steady_load(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    env = {
        "PATH": os.environ["PATH"],
        "TRELLOQL_HOST": "127.0.0.1",
        "TRELLOQL_PORT": "0",
        "TRELLOQL_SANDBOX_LATENCY_MS": str(LATENCY_MS),
        "TRELLOQL_SHUTDOWN_DELAY_SECONDS": str(DELAY_SECONDS),
        "TRELLOQL_SHUTDOWN_GRACE_SECONDS": str(GRACE_SECONDS),
    }
    board_id = Store(SandboxConfig()).board_by_name("Product Launch")["id"]
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "trelloql", "serve", stderr=sink, stdout=sink, env=env
        )
    try:
        url = await wait_for_address(process, log)
        assert await readiness(url) == 200
        stop = asyncio.Event()
        workers = [asyncio.create_task(load(url, stop, board_id, i)) for i in range(WORKERS)]
        await asyncio.sleep(1.5)
        sigterm_at = time.monotonic()
        process.send_signal(signal.SIGTERM)
        await asyncio.sleep(0.2)
        assert await readiness(url) == 503
        done = await asyncio.wait_for(asyncio.gather(*workers), timeout=GRACE_SECONDS + 10)
        stop.set()
        returncode = await asyncio.wait_for(process.wait(), GRACE_SECONDS + 10)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    lines = await asyncio.to_thread(server_lines, log)
    WATCH.lines.extend(json.dumps(line) for line in lines)
    assert returncode == 0, lines

    sent = [item for worker in done for item in worker]
    answered = {item.request_id for item in sent if item.status == 200}
    logged = {line["request_id"] for line in lines if line.get("logger") == "trelloql.access"}
    in_flight = [s for s in sent if s.started < sigterm_at < s.finished]
    during_delay = [
        s for s in sent if sigterm_at + 0.1 < s.started < sigterm_at + DELAY_SECONDS - 0.4
    ]
    assert all(item.status in (None, 200) for item in sent)
    assert logged <= answered, "the service answered requests the client never got"
    assert in_flight, "no request was in flight at SIGTERM"
    assert all(item.status == 200 for item in in_flight)
    assert during_delay, "no request was sent while draining"
    assert all(item.status == 200 for item in during_delay)
    for item in sent:
        if item.status is None:
            assert item.request_id not in logged
            assert item.started > sigterm_at + DELAY_SECONDS - 0.2, item
    assert not [line for line in lines if line.get("level") in ("ERROR", "CRITICAL", "RAW")]
    assert lines[-1]["message"] == "stopped"
