"""Deterministic Trello-style identifiers: 24-hex ObjectIds and 8-character shortLinks."""

from __future__ import annotations

import hashlib
import re
import time
from datetime import UTC, datetime
from functools import cache

OBJECT_ID_RE = re.compile(r"^[0-9a-fA-F]{24}$")
SHORT_LINK_RE = re.compile(r"^[0-9A-Za-z]{8}$")
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def object_id(created: int, kind: str, serial: int) -> str:
    """Return an ObjectId-like id: creation unix time, a per-kind "machine" part, a serial."""
    return f"{created:08x}{_machine(kind)}{serial:06x}"


@cache
def _machine(kind: str) -> str:
    return hashlib.sha1(kind.encode()).hexdigest()[:10]


def short_link(oid: str) -> str:
    """Return the 8-character base62 shortLink derived from an object id."""
    number = int.from_bytes(hashlib.sha256(oid.encode()).digest()[:8], "big")
    chars = []
    for _ in range(8):
        number, digit = divmod(number, 62)
        chars.append(_BASE62[digit])
    return "".join(chars)


def is_object_id(value: str) -> bool:
    """Whether ``value`` is a well-formed 24-hex id."""
    return bool(OBJECT_ID_RE.match(value))


def is_short_link(value: str) -> bool:
    """Whether ``value`` has the shape of a shortLink."""
    return bool(SHORT_LINK_RE.match(value))


def id_time(oid: str) -> int:
    """The creation unix time embedded in an object id."""
    return int(oid[:8], 16)


def iso(ts: int) -> str:
    """Format a unix time the way Trello does: ``2024-01-08T09:00:00.000Z``."""
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(ts))


def parse_iso(value: str) -> int | None:
    """Parse an ISO date or date-time into a unix time, or None when malformed."""
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp())
