"""Logging set-up: one line per record on stderr, JSON by default, secrets redacted.

The service never logs a key or token on purpose; the redacting formatter is
defence in depth. It masks the configured key and token wherever they appear,
and anything shaped like a credential: OAuth header parameters, Bearer tokens,
`key=`/`token=` query parameters and Trello-token-like strings.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

from pythonjsonlogger.json import JsonFormatter

from trelloql.settings import LogFormat

REDACTED = "[REDACTED]"
_MIN_SECRET_LENGTH = 8
_PATTERNS = (
    (re.compile(r'(oauth_[a-z_]+=")[^"]*(")', re.IGNORECASE), rf"\g<1>{REDACTED}\g<2>"),
    (re.compile(r"(\bBearer\s+)[^\s\"',]+", re.IGNORECASE), rf"\g<1>{REDACTED}"),
    (
        re.compile(r"(\b(?:key|token|api_?key|access_token)=)[^&\s\"',;]+", re.IGNORECASE),
        rf"\g<1>{REDACTED}",
    ),
    (re.compile(r"\bATTA[A-Za-z0-9]{20,}"), REDACTED),
    (re.compile(r"\b[0-9a-fA-F]{64,}\b"), REDACTED),
)


class Redactor:
    """Masks known secrets and credential-shaped text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        known = {s for s in secrets if s and len(s) >= _MIN_SECRET_LENGTH}
        self._secrets = sorted(known, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


class RedactingFormatter(logging.Formatter):
    """Formats with `inner`, then redacts the whole line (message, extras, traceback)."""

    def __init__(self, inner: logging.Formatter, redactor: Redactor) -> None:
        super().__init__()
        self._inner = inner
        self._redact = redactor

    def format(self, record: logging.LogRecord) -> str:
        """The redacted line."""
        return self._redact(self._inner.format(record))


def formatter(log_format: LogFormat) -> logging.Formatter:
    """The un-redacted formatter for `log_format`."""
    if log_format is LogFormat.JSON:
        return JsonFormatter(
            "{levelname}{name}{message}",
            style="{",
            timestamp="time",
            rename_fields={"levelname": "level", "name": "logger"},
        )
    return logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")


def setup_logging(
    level: str, log_format: LogFormat = LogFormat.JSON, secrets: Iterable[str] = ()
) -> None:
    """Send the service's logs to stderr at `level`; keep aiohttp's access log quiet."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(formatter(log_format), Redactor(secrets)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
