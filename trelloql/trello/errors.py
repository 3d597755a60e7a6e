"""Errors of the Trello client, and the one function that maps responses to them.

TrelloError
├── TrelloBadRequest        400            BAD_REQUEST
├── TrelloUnauthenticated   401            UNAUTHENTICATED
├── TrelloForbidden         403, or 401 "unauthorized permission requested"   FORBIDDEN
├── TrelloNotFound          404            NOT_FOUND
├── TrelloConflict          409            CONFLICT
├── TrelloRateLimited       429            RATE_LIMITED
├── TrelloUpstreamError     5xx, other statuses, connection errors, bad bodies   UPSTREAM_ERROR
└── TrelloTimeout           no answer in time   UPSTREAM_TIMEOUT
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

import orjson

MAX_MESSAGE_LENGTH = 300


class TrelloError(Exception):
    """A Trello call failed; `code` is the GraphQL `extensions.code` clients see."""

    code: ClassVar[str] = "UPSTREAM_ERROR"

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after


class TrelloBadRequest(TrelloError):
    """Trello rejected the request as malformed (400)."""

    code = "BAD_REQUEST"


class TrelloUnauthenticated(TrelloError):
    """Missing, unknown or revoked key or token (401)."""

    code = "UNAUTHENTICATED"


class TrelloForbidden(TrelloError):
    """The token may not see or change this object."""

    code = "FORBIDDEN"


class TrelloNotFound(TrelloError):
    """No such object or route (404)."""

    code = "NOT_FOUND"


class TrelloConflict(TrelloError):
    """The change conflicts with Trello's state (409)."""

    code = "CONFLICT"


class TrelloRateLimited(TrelloError):
    """Trello's rate limit was hit (429)."""

    code = "RATE_LIMITED"


class TrelloUpstreamError(TrelloError):
    """Trello failed, or could not be reached."""

    code = "UPSTREAM_ERROR"


class TrelloTimeout(TrelloError):
    """Trello did not answer in time."""

    code = "UPSTREAM_TIMEOUT"


_BY_STATUS: dict[int, type[TrelloError]] = {
    400: TrelloBadRequest,
    401: TrelloUnauthenticated,
    403: TrelloForbidden,
    404: TrelloNotFound,
    409: TrelloConflict,
    429: TrelloRateLimited,
}

_PERMISSION_MESSAGES = ("unauthorized permission requested", "unauthorized card permission")


def error_message(body: Any) -> str:
    """Trello's own words from an error body: plain text or JSON {message|error}."""
    if isinstance(body, dict):
        text = body.get("message") or body.get("error") or json.dumps(body)
    elif isinstance(body, str):
        text = body
    else:
        text = json.dumps(body)
    text = " ".join(str(text).split())
    return text[:MAX_MESSAGE_LENGTH] or "no message"


def error_for_status(status: int, body: Any, retry_after: float | None = None) -> TrelloError:
    """The TrelloError for a non-2xx status and its decoded body."""
    message = error_message(body)
    cls = _BY_STATUS.get(status, TrelloUpstreamError)
    if status == 401 and message.lower() in _PERMISSION_MESSAGES:
        cls = TrelloForbidden
    if cls is TrelloUpstreamError:
        message = f"Trello answered {status}: {message}"
    return cls(message, status=status, retry_after=retry_after)


def decode_body(raw: bytes, content_type: str, charset: str | None = None) -> Any:
    """Decode a response body by its content type: JSON, or the text itself.

    JSON goes through orjson straight from the bytes (several times faster on a big
    board's answer); what orjson refuses (say, an integer over 64 bits, NaN, or another
    encoding than UTF-8) through the standard library."""
    if "json" in content_type:
        try:
            return orjson.loads(raw)
        except ValueError:
            pass
        text = _text(raw, charset)
        try:
            return json.loads(text)
        except ValueError:
            return text
    return _text(raw, charset)


def _text(raw: bytes, charset: str | None) -> str:
    """The body as text in its declared charset (UTF-8 when none or unknown)."""
    try:
        return raw.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")
