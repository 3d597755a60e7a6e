"""The `trelloql` command, run as a real process."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trelloql", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": os.environ["PATH"], **(env or {})},
    )


def ask_me(port: int) -> bytes:
    """POST `{ me { username } }`, retrying while the service starts."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=b'{"query": "{ me { username } }"}',
        headers={"Content-Type": "application/json"},
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return bytes(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_schema_prints_every_sdl_file() -> None:
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    for type_name in ("type Query", "type Board", "type Card", "scalar DateTime"):
        assert type_name in result.stdout


def test_serve_without_credentials_starts_the_sandbox_and_says_so(unused_tcp_port: int) -> None:
    env = {
        "PATH": os.environ["PATH"],
        "TRELLOQL_PORT": str(unused_tcp_port),
        "TRELLOQL_HOST": "127.0.0.1",
    }
    with subprocess.Popen(
        [sys.executable, "-m", "trelloql", "serve"], stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        assert process.stderr is not None
        try:
            first_line = process.stderr.readline()
            assert "sandbox" in first_line
            assert "127.0.0.1" in first_line
            assert b'"ada"' in ask_me(unused_tcp_port)
        finally:
            process.send_signal(signal.SIGTERM)
            stderr = process.stderr.read()
        assert process.wait(timeout=20) == 0
    assert SANDBOX_API_KEY not in stderr
    assert next(iter(SANDBOX_TOKENS)) not in stderr
