"""Checks of mutation inputs against Trello's rules, made before any Trello call.

Each rule takes a value and the path of the input field it came from (`input.pos`) and
returns the value to send to Trello, or raises UserInputError naming that path. `checked`
applies rules to a mutation's `input` argument and builds the Trello parameters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from trelloql.errors import UserInputError

Rule = Callable[[Any, str], Any]

MAX_TEXT = 16384
MAX_ATTACHMENT_TEXT = 256
POSITIONS = ("top", "bottom")
OBJECT_ID = re.compile(r"^[0-9a-fA-F]{24}$")
SHORT_LINK = re.compile(r"^[0-9A-Za-z]{8}$")
INPUT = "input"


def checked(
    args: Mapping[str, Any],
    rules: Mapping[str, Rule],
    required: Iterable[str] = (),
    argument: str = INPUT,
) -> dict[str, Any]:
    """The Trello parameters for the fields of `args[argument]` that have a rule.

    Every required field must be present and not null; every present field is checked
    by its rule (fields without a rule are left out, for the caller to handle).
    """
    given = args.get(argument) or {}
    for name in required:
        if given.get(name) is None:
            raise UserInputError(f"`{argument}.{name}` is required", f"{argument}.{name}")
    return {
        name: rules[name](value, f"{argument}.{name}")
        for name, value in given.items()
        if name in rules
    }


def _fail(field: str, message: str) -> UserInputError:
    return UserInputError(f"`{field}` {message}", field)


def _not_null(value: Any, field: str) -> None:
    if value is None:
        raise _fail(field, "cannot be null")


def text(low: int = 0, high: int = MAX_TEXT) -> Rule:
    """A string of `low` to `high` characters."""

    def rule(value: Any, field: str) -> str:
        _not_null(value, field)
        if not isinstance(value, str) or not low <= len(value) <= high:
            raise _fail(field, f"must be {low} to {high} characters long")
        return value

    return rule


name = text(1)
"""A name: 1 to 16384 characters."""

description = text(0)
"""A description: up to 16384 characters."""


def nullable(inner: Rule) -> Rule:
    """`inner`, but null passes through (Trello clears the field)."""

    def rule(value: Any, field: str) -> Any:
        return None if value is None else inner(value, field)

    return rule


def boolean(value: Any, field: str) -> bool:
    """True or false."""
    _not_null(value, field)
    if not isinstance(value, bool):
        raise _fail(field, "must be true or false")
    return value


def number(low: float, high: float) -> Rule:
    """A finite number within `low..high`."""

    def rule(value: Any, field: str) -> float:
        _not_null(value, field)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(field, "must be a number")
        if not math.isfinite(value) or not low <= value <= high:
            raise _fail(field, f"must be between {low:g} and {high:g}")
        return value

    return rule


def position(value: Any, field: str) -> str | float:
    """`top`, `bottom` or a positive number (sent as Trello reads it)."""
    _not_null(value, field)
    if isinstance(value, str) and value.lower() in POSITIONS:
        return value.lower()
    parsed = value
    if isinstance(value, str):
        try:
            parsed = float(value)
        except ValueError:
            parsed = None
    if (
        isinstance(parsed, bool)
        or not isinstance(parsed, int | float)
        or not math.isfinite(parsed)
        or parsed <= 0
    ):
        raise _fail(field, "must be `top`, `bottom` or a positive number")
    return parsed


def datetime_iso(value: Any, field: str) -> str:
    """An ISO 8601 date or date-time, sent as Trello writes them (UTC, `Z`)."""
    _not_null(value, field)
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise _fail(field, "must be an ISO 8601 date-time, e.g. 2026-11-27T09:30:00Z") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def enum_lower(value: Any, field: str) -> str:
    """A GraphQL enum value sent in Trello's lower case (e.g. a LabelColor)."""
    _not_null(value, field)
    return str(value).lower()


label_color = nullable(enum_lower)
"""A LabelColor in lower case; null makes the label colorless."""


def object_id(value: Any, field: str) -> str:
    """A Trello id: 24 hexadecimal digits."""
    _not_null(value, field)
    if not isinstance(value, str) or not OBJECT_ID.match(value):
        raise _fail(field, "must be a Trello id (24 hexadecimal digits)")
    return value


def linkable_id(value: Any, field: str) -> str:
    """A card's or board's id, or its 8-character short link."""
    _not_null(value, field)
    if not isinstance(value, str) or not (OBJECT_ID.match(value) or SHORT_LINK.match(value)):
        raise _fail(
            field, "must be a Trello id (24 hexadecimal digits) or an 8-character short link"
        )
    return value


card_id = linkable_id
board_id = linkable_id


def id_list(value: Any, field: str) -> str:
    """A list of Trello ids, sent as Trello's comma list."""
    _not_null(value, field)
    return ",".join(object_id(item, f"{field}[{index}]") for index, item in enumerate(value))


def url(value: Any, field: str) -> str:
    """An absolute `http://` or `https://` URL."""
    _not_null(value, field)
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise _fail(field, "must be an http:// or https:// URL")
    if len(value) > MAX_TEXT:
        raise _fail(field, f"must be at most {MAX_TEXT} characters long")
    return value


def path_values(params: dict[str, Any], *names: str) -> dict[str, str]:
    """Move the path's ids (already checked) out of the parameters."""
    return {name: str(params.pop(name)) for name in names}
