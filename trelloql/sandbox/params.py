"""Query-parameter parsing and Trello's filter values for lists, cards, boards and members."""

from __future__ import annotations

from .context import Ctx
from .errors import invalid_value
from .seed import Record
from .store import Store

LIST_FILTERS = ("all", "closed", "none", "open")
CARD_FILTERS = ("all", "closed", "none", "open", "visible")
BOARD_FILTERS = (
    "all", "closed", "members", "none", "open", "organization", "pinned", "public", "starred",
    "unpinned",
)  # fmt: skip
MEMBER_FILTERS = ("admins", "all", "none", "normal", "owners")
ORG_FILTERS = ("all", "members", "none", "public")
ALL_NONE = ("all", "none")


def choice(ctx: Ctx, name: str, allowed: tuple[str, ...], default: str) -> str:
    """A parameter that must be one of ``allowed``."""
    value = ctx.arg(name)
    if value is None:
        return default
    if value not in allowed:
        raise invalid_value(name)
    return value


def path_choice(ctx: Ctx, name: str, allowed: tuple[str, ...], default: str) -> str:
    """A value given as a path parameter or, failing that, as a query parameter."""
    value = ctx.params.get(name)
    if value is None:
        return choice(ctx, name, allowed, default)
    if value not in allowed:
        raise invalid_value(name)
    return value


def flag(ctx: Ctx, name: str, default: bool = False) -> bool:
    """A ``true``/``false`` parameter."""
    return choice(ctx, name, ("true", "false"), "true" if default else "false") == "true"


def number(ctx: Ctx, name: str, default: int, low: int, high: int) -> int:
    """An integer parameter within ``low..high``."""
    value = ctx.arg(name)
    if value is None:
        return default
    if not value.strip().isdigit() or not low <= int(value) <= high:
        raise invalid_value(name)
    return int(value)


def choices(ctx: Ctx, name: str, allowed: tuple[str, ...], default: str) -> set[str]:
    """A comma list of values from ``allowed``."""
    value = ctx.arg(name)
    wanted = {v.strip() for v in (default if value is None else value).split(",") if v.strip()}
    if not wanted or not wanted <= set(allowed):
        raise invalid_value(name)
    return wanted


def filter_lists(lists: list[Record], value: str) -> list[Record]:
    """Apply a list filter: ``open``, ``closed``, ``all`` or ``none``."""
    if value == "none":
        return []
    return [lst for lst in lists if value == "all" or lst["closed"] == (value == "closed")]


def filter_cards(store: Store, cards: list[Record], value: str) -> list[Record]:
    """Apply a card filter; ``visible`` means open cards in open lists."""
    if value == "none":
        return []
    if value == "all":
        return list(cards)
    if value == "visible":
        return [c for c in cards if not c["closed"] and not store.data.lists[c["idList"]]["closed"]]
    return [c for c in cards if c["closed"] == (value == "closed")]


def filter_boards(
    store: Store, boards: list[Record], wanted: set[str], member: str
) -> list[Record]:
    """Boards matching any of the filter values; ``starred`` uses ``member``'s stars."""
    if "all" in wanted:
        return list(boards)
    stars = {s["idBoard"] for s in store.data.members[member]["boardStars"]}
    tests = {
        "open": lambda b: not b["closed"],
        "closed": lambda b: b["closed"],
        "members": lambda b: b["permissionLevel"] == "private",
        "organization": lambda b: b["permissionLevel"] == "org",
        "public": lambda b: b["permissionLevel"] == "public",
        "starred": lambda b: b["id"] in stars,
        "pinned": lambda b: b["pinned"],
        "unpinned": lambda b: not b["pinned"],
    }
    return [b for b in boards if any(tests[name](b) for name in wanted if name in tests)]


def filter_memberships(memberships: list[Record], value: str) -> list[Record]:
    """Memberships matching ``all``, ``normal``, ``admins``/``owners`` or ``none``."""
    if value == "none":
        return []
    if value == "all":
        return list(memberships)
    kind = "normal" if value == "normal" else "admin"
    return [m for m in memberships if m["memberType"] == kind]
