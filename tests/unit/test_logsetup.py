"""Log lines: JSON with the request fields, and no credential survives formatting."""

import json
import logging
import sys

import pytest

from trelloql.logsetup import REDACTED, RedactingFormatter, Redactor, formatter
from trelloql.settings import LogFormat

KEY, TOKEN = "0123456789abcdef" * 2, "fedcba9876543210" * 4


@pytest.mark.parametrize(
    "text",
    [
        f'Authorization: OAuth oauth_consumer_key="{KEY}", oauth_token="{TOKEN}"',
        f"GET /1/boards/x?key={KEY}&token={TOKEN}",
        f"Authorization: Bearer {TOKEN}",
        f"a token {TOKEN} in a sentence",
        "ATTA" + "x1" * 40,
    ],
)
def test_credential_shapes_are_redacted(text: str) -> None:
    redacted = Redactor()(text)
    assert KEY not in redacted
    assert TOKEN not in redacted
    assert "ATTAx1" not in redacted
    assert REDACTED in redacted


def test_known_secrets_are_redacted_anywhere() -> None:
    redact = Redactor(["s3cr3t-value", "short"])
    assert redact("x=s3cr3t-value/short") == f"x={REDACTED}/short"


def test_ids_and_request_ids_survive() -> None:
    text = "board 5f0c0c0c0c0c0c0c0c0c0c0c request 0123456789abcdef0123456789abcdef"
    assert Redactor()(text) == text


def record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    entry = logging.LogRecord("trelloql.access", logging.INFO, __file__, 1, message, args, None)
    entry.__dict__.update(extra)
    return entry


def test_json_lines_carry_extras_and_are_redacted() -> None:
    line = RedactingFormatter(formatter(LogFormat.JSON), Redactor([TOKEN])).format(
        record("answered %s", "q", request_id="r1", upstream_calls=3, note=f"token {TOKEN}")
    )
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "answered q"
    assert data["level"] == "INFO"
    assert data["logger"] == "trelloql.access"
    assert data["request_id"] == "r1"
    assert data["upstream_calls"] == 3
    assert TOKEN not in line


def test_tracebacks_are_redacted() -> None:
    try:
        raise RuntimeError(f"failed with token={TOKEN}")
    except RuntimeError:
        entry = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    line = RedactingFormatter(formatter(LogFormat.TEXT), Redactor()).format(entry)
    assert "RuntimeError" in line
    assert TOKEN not in line
