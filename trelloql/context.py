"""The per-request context handed to every resolver."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from trelloql.selection import selected_names
from trelloql.trello.client import TrelloClient
from trelloql.trello.loader import TrelloLoader

if TYPE_CHECKING:
    from trelloql.planner import Planner


@dataclass
class RequestContext:
    """What one GraphQL request shares between its resolvers."""

    client: TrelloClient
    request_id: str
    planner: Planner | None = None
    loader: TrelloLoader = field(init=False)
    plans: dict[Hashable, Any] = field(init=False, default_factory=dict)
    """The planner's work on a field's selection, for the rest of the request."""
    _selections: dict[tuple[int, ...], frozenset[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.loader = TrelloLoader(self.client)

    def selected(self, info: Any) -> frozenset[str]:
        """The names selected under a field; the items of a list share one answer.

        Keyed by the identity of the field's AST nodes, which live as long as the request.
        """
        key = tuple(map(id, info.field_nodes))
        names = self._selections.get(key)
        if names is None:
            names = frozenset(selected_names(info.field_nodes, info.fragments))
            self._selections[key] = names
        return names
