"""A pytest plugin that watches every log record and every metrics registry of the run
for the sandbox's key and tokens (or any other secret a test registers).

Loaded from the root conftest, so it covers the whole suite: records are formatted
without the service's redaction (the point is that secrets are never logged at all),
and each app's metrics are scraped at the end of the session.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from trelloql import metrics as metrics_module
from trelloql.logsetup import formatter
from trelloql.sandbox import SANDBOX_API_KEY, SANDBOX_TOKENS
from trelloql.settings import LogFormat


@dataclass
class LeakWatch:
    """Everything captured so far, and the secrets to look for."""

    secrets: set[str] = field(default_factory=lambda: {SANDBOX_API_KEY, *SANDBOX_TOKENS})
    lines: list[str] = field(default_factory=list)
    registries: list[metrics_module.Metrics] = field(default_factory=list)

    def texts(self) -> Iterator[str]:
        """Every captured log line, then every registry's exposition."""
        yield from self.lines
        for registry in self.registries:
            yield registry.exposition().decode()

    def leaks(self) -> list[str]:
        """Captured texts holding a secret (shortened, with the secret masked)."""
        found = []
        for text in self.texts():
            for secret in self.secrets:
                if secret in text:
                    found.append(text.replace(secret, "<SECRET>")[:300])
        return found


WATCH = LeakWatch()


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(formatter(LogFormat.JSON))

    def emit(self, record: logging.LogRecord) -> None:
        WATCH.lines.append(self.format(record))


@pytest.fixture(scope="session", autouse=True)
def leak_watch() -> Iterator[LeakWatch]:
    """Capture logs at INFO and up and every Metrics created; fail the run on a leak."""
    handler = _Capture()
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(min(previous_level or logging.INFO, logging.INFO))
    original_init = metrics_module.Metrics.__init__

    def recording_init(self: metrics_module.Metrics) -> None:
        original_init(self)
        WATCH.registries.append(self)

    metrics_module.Metrics.__init__ = recording_init  # type: ignore[method-assign]
    try:
        yield WATCH
    finally:
        metrics_module.Metrics.__init__ = original_init  # type: ignore[method-assign]
        root.removeHandler(handler)
        root.setLevel(previous_level)
    leaks = WATCH.leaks()
    assert not leaks, f"{len(leaks)} log lines or metrics hold a key or token: {leaks[:3]}"
