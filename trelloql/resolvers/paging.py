"""The one pagination model of the graph: Trello's own `limit`, `page`, `before` and `since`.

Every paged list field takes the same arguments, checked here before any Trello call:
`limit` (the page size, 1 to the route's cap), `page` (0-based, up to the route's cap) and,
where Trello pages by creation time, `before`/`since` (an object id or an ISO 8601 instant).
See docs/pagination.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args

_OBJECT_ID = re.compile(r"^[0-9a-fA-F]{24}$")
_ACTION_FILTER = re.compile(r"^[A-Za-z]+(:[A-Za-z]+)?$")


@dataclass(frozen=True)
class Paging:
    """The page-size and page caps of one Trello route, and the names it reads them under."""

    max_limit: int
    max_page: int | None
    cursors: bool
    cursor_ids_only: bool = False
    limit_param: str = "limit"
    page_param: str = "page"

    def params(self, args: Args) -> dict[str, str]:
        """Trello's paging params from the field's arguments; BAD_USER_INPUT when out of range."""
        limit = args.get("limit")
        if limit is None or not 1 <= limit <= self.max_limit:
            raise UserInputError(f"`limit` must be between 1 and {self.max_limit}", "limit")
        params = {self.limit_param: str(limit)}
        page = args.get("page") or 0
        if self.max_page is not None:
            if not 0 <= page <= self.max_page:
                raise UserInputError(f"`page` must be between 0 and {self.max_page}", "page")
            if page:
                params[self.page_param] = str(page)
        if self.cursors:
            for name in ("before", "since"):
                value = args.get(name)
                if value is not None:
                    params[name] = self._cursor(name, str(value))
        return params

    def _cursor(self, name: str, value: str) -> str:
        if _OBJECT_ID.match(value):
            return value
        if not self.cursor_ids_only and _is_instant(value):
            return value
        kind = "an id" if self.cursor_ids_only else "an id or an ISO 8601 instant"
        raise UserInputError(f"`{name}` must be {kind}", name)


def _is_instant(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value or len(value) == 10


ACTIONS = Paging(max_limit=1000, max_page=19, cursors=True)
"""Action lists: 1-1000 per page, pages 0-19, keyset by action id or date."""
NOTIFICATIONS = Paging(max_limit=1000, max_page=100, cursors=True, cursor_ids_only=True)
"""A member's notifications: 1-1000 per page, pages 0-100, keyset by notification id."""
SEARCH = Paging(max_limit=1000, max_page=100, cursors=False)
"""`/search`: 1-1000 results of each kind, card pages 0-100."""
SEARCH_MEMBERS = Paging(max_limit=20, max_page=None, cursors=False)
"""`/search/members`: 1-20 members, no pages."""


def action_filter(args: Args) -> dict[str, str]:
    """Trello's action-type `filter` (`type` or `type:field` items); `all` when absent."""
    wanted = args.get("filter")
    if not wanted:
        return {"filter": "all"}
    for item in wanted:
        if not _ACTION_FILTER.match(item):
            raise UserInputError(
                f"`filter` item {item!r} is not an action type or `type:field`", "filter"
            )
    return {"filter": ",".join(wanted)}


def action_params(args: Args) -> dict[str, str]:
    """Every action list's params: its type filter and the ACTIONS paging."""
    return {**action_filter(args), **ACTIONS.params(args)}
