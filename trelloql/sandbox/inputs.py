"""Reading a write's parameters the way Trello checks them: 400 ``invalid value for X``."""

from __future__ import annotations

import math
from urllib.parse import urlsplit

from .context import Ctx
from .errors import invalid_value
from .ids import is_object_id, is_short_link, iso, parse_iso
from .seed import Record
from .seed_cards import POS

MAX_TEXT = 16384
NULL = ("null", "")


def text(
    ctx: Ctx, name: str, *, required: bool = False, low: int = 0, high: int = MAX_TEXT
) -> str | None:
    """A string of ``low`` to ``high`` characters; None when absent and not required."""
    value = ctx.arg(name)
    if value is None:
        if required:
            raise invalid_value(name)
        return None
    if not low <= len(value) <= high:
        raise invalid_value(name)
    return value


def boolean(ctx: Ctx, name: str) -> bool | None:
    """``true`` or ``false``; None when absent."""
    value = ctx.arg(name)
    if value is None:
        return None
    if value not in ("true", "false"):
        raise invalid_value(name)
    return value == "true"


def date(ctx: Ctx, name: str) -> str | None:
    """An ISO 8601 date in Trello's form, or None for ``null`` (which clears it)."""
    value = ctx.arg(name) or ""
    if value in NULL:
        return None
    when = parse_iso(value)
    if when is None:
        raise invalid_value(name)
    return iso(when)


def object_id(ctx: Ctx, name: str, *, required: bool = True) -> str | None:
    """A 24-hex id (lower case); None when absent and not required."""
    value = ctx.arg(name)
    if value is None and not required:
        return None
    if value is None or not is_object_id(value):
        raise invalid_value(name)
    return value.lower()


def linkable_id(ctx: Ctx, name: str) -> str:
    """A required card or board reference: a 24-hex id or an 8-character short link."""
    value = ctx.arg(name)
    if value is None or not (is_object_id(value) or is_short_link(value)):
        raise invalid_value(name)
    return value


def id_list(ctx: Ctx, name: str) -> list[str] | None:
    """A comma list of 24-hex ids (empty for ``null`` or nothing); None when absent."""
    value = ctx.arg(name)
    if value is None:
        return None
    if value in NULL:
        return []
    ids = [item.strip() for item in value.split(",")]
    if not all(is_object_id(item) for item in ids):
        raise invalid_value(name)
    return list(dict.fromkeys(item.lower() for item in ids))


def number(ctx: Ctx, name: str, low: float, high: float, default: float | None = None) -> float:
    """A number within ``low..high``; ``default`` when absent (required when there is none)."""
    value = ctx.arg(name)
    if value is None and default is not None:
        return default
    try:
        parsed = float(value or "")
    except ValueError:
        raise invalid_value(name) from None
    if not math.isfinite(parsed) or not low <= parsed <= high:
        raise invalid_value(name)
    return parsed


def position(ctx: Ctx, name: str, siblings: list[Record], default: str = "bottom") -> float:
    """``top``, ``bottom`` or a positive number, as a position among ``siblings``."""
    value = ctx.arg(name) or default
    places = sorted(s["pos"] for s in siblings)
    if value == "top":
        parsed = places[0] / 2 if places else POS
    elif value == "bottom":
        parsed = places[-1] + POS if places else POS
    else:
        try:
            parsed = float(value)
        except ValueError:
            raise invalid_value(name) from None
        if not math.isfinite(parsed) or parsed <= 0:
            raise invalid_value(name)
    return int(parsed) if float(parsed).is_integer() else parsed


def web_url(ctx: Ctx, name: str) -> str | None:
    """An ``http://`` or ``https://`` URL; None when absent."""
    value = ctx.arg(name)
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(value) > MAX_TEXT:
        raise invalid_value(name)
    return value


def one_of(ctx: Ctx, name: str, allowed: tuple[str, ...]) -> str | None:
    """A value from ``allowed``; None when absent."""
    value = ctx.arg(name)
    if value is not None and value not in allowed:
        raise invalid_value(name)
    return value
