"""The per-request context handed to every resolver."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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

    def __post_init__(self) -> None:
        self.loader = TrelloLoader(self.client)
