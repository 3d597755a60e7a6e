"""What one upstream call costs against Trello's rate limits, and what Trello says is used.

Trello counts per token (100 / 10 s), per key (300 / 10 s) and, per token, on the
non-nested member route `/1/members/{id}` (100 / 900 s); every URL inside a
`/batch` counts. Buckets are named by a digest of the key or token, never the
secret itself, so limiter state (in memory or in Redis) holds no credentials.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote

WINDOW_SECONDS = 10.0
MEMBER_WINDOW_SECONDS = 900.0
TRELLO_MEMBER_MAX = 100
_MAX_HEADER_COUNT = 100_000

# Response headers Trello sends: x-rate-limit-<prefix>-{max,remaining}.
_HEADER_PREFIXES = {"token": "api-token", "key": "api-key", "member": "member"}


@dataclass(frozen=True)
class Limits:
    """Our own budgets, kept a little under Trello's so that clock skew never trips them."""

    token: int = 90
    key: int = 270
    member: int = 90
    max_wait: float = 2.0
    """Longest a call waits for budget before failing with RATE_LIMITED."""


@dataclass(frozen=True)
class Budget:
    """`units` to take from one bucket that allows `limit` units per `window` seconds."""

    bucket: str
    kind: str
    limit: int
    window: float
    units: int


@dataclass(frozen=True)
class Floor:
    """Trello reports `used` units spent in a bucket: ours must not count fewer."""

    bucket: str
    window: float
    used: int


def digest(secret: str) -> str:
    """A short, stable, one-way name for a key or token."""
    return hashlib.sha256(secret.encode()).hexdigest()[:20]


def bucket_names(key: str, token: str) -> dict[str, str]:
    """The bucket of each kind for one pair of credentials."""
    token_id = digest(token)
    return {
        "token": f"token:{token_id}",
        "key": f"key:{digest(key)}",
        "member": f"member:{token_id}",
    }


def is_member_route(path: str) -> bool:
    """Whether `path` (without `/1`) is the non-nested member route `/members/{id}`."""
    segments = path.split("?", 1)[0].strip("/").split("/")
    return len(segments) == 2 and segments[0] == "members" and segments[1] != ""


def member_units(path: str, params: Mapping[str, str] | None) -> int:
    """How many member-route requests a call makes (each `/batch` URL counts)."""
    if path == "/batch":
        urls = (params or {}).get("urls", "")
        paths = (url.partition("?")[0] for url in urls.split(",") if url)
        return sum(is_member_route(unquote(path)) for path in paths)
    return int(is_member_route(path))


def budgets_for(names: Mapping[str, str], limits: Limits, units: int, member: int) -> list[Budget]:
    """The budgets one call of `units` requests (`member` of them on the member route) takes."""
    budgets = [
        Budget(names["token"], "token", limits.token, WINDOW_SECONDS, units),
        Budget(names["key"], "key", limits.key, WINDOW_SECONDS, units),
    ]
    if member:
        budgets.append(
            Budget(names["member"], "member", limits.member, MEMBER_WINDOW_SECONDS, member)
        )
    return budgets


def floors_from_headers(
    names: Mapping[str, str], limits: Limits, headers: Mapping[str, str]
) -> list[Floor]:
    """What Trello's `x-rate-limit-*` headers say is already used, per bucket.

    Trello's count is scaled to our own limit (`used / max` of it, rounded up), so
    that we never believe we have more room than Trello says, even when our limit
    is set above Trello's.
    """
    floors = []
    for kind, prefix in _HEADER_PREFIXES.items():
        remaining = _count(headers.get(f"x-rate-limit-{prefix}-remaining"))
        if remaining is None:
            continue
        default_max = TRELLO_MEMBER_MAX if kind == "member" else None
        maximum = _count(headers.get(f"x-rate-limit-{prefix}-max")) or default_max
        if not maximum:
            continue
        ours = getattr(limits, kind)
        used = min(math.ceil(max(maximum - remaining, 0) * ours / maximum), ours)
        window = MEMBER_WINDOW_SECONDS if kind == "member" else WINDOW_SECONDS
        if used > 0:
            floors.append(Floor(names[kind], window, used))
    return floors


def _count(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return number if 0 <= number <= _MAX_HEADER_COUNT else None
