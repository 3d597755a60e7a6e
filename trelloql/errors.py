"""GraphQL-facing errors: every error a client sees carries `extensions.code`."""

from __future__ import annotations

import logging
from typing import Any

from trelloql.trello.errors import TrelloError

logger = logging.getLogger(__name__)


class UserInputError(Exception):
    """An argument is invalid; raised before any Trello call is made."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _validation_code(message: str) -> str:
    lowered = message.lower()
    if "syntax error" in lowered or "unexpected" in lowered:
        return "GRAPHQL_PARSE_FAILED"
    return "GRAPHQL_VALIDATION_FAILED"


async def coerce_error(exception: Exception, error: dict[str, Any]) -> dict[str, Any]:
    """Tartiflette's error coercer: add a code, keep Trello's words, hide internals."""
    original = getattr(exception, "original_error", None)
    extensions: dict[str, Any] = dict(error.get("extensions") or {})
    if isinstance(original, TrelloError):
        error["message"] = original.message
        extensions["code"] = original.code
        if original.status is not None:
            extensions["upstreamStatus"] = original.status
        if original.retry_after is not None:
            extensions["retryAfter"] = original.retry_after
    elif isinstance(original, UserInputError):
        error["message"] = original.message
        extensions["code"] = original.code
        if original.field:
            extensions["field"] = original.field
    elif original is not None and not _is_engine_error(original):
        logger.error(
            "unexpected error while resolving %s",
            error.get("path"),
            exc_info=(type(original), original, original.__traceback__),
        )
        error["message"] = "Internal server error."
        extensions["code"] = "INTERNAL_SERVER_ERROR"
    else:
        extensions.setdefault("code", _validation_code(str(error.get("message", ""))))
    error["extensions"] = extensions
    return error


def _is_engine_error(error: BaseException) -> bool:
    """Errors Tartiflette raises for bad queries or values, safe to show as they are."""
    return type(error).__module__.startswith("tartiflette.")
