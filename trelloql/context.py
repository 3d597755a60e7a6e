"""The per-request context handed to every resolver."""

from __future__ import annotations

from dataclasses import dataclass, field

from trelloql.trello.client import TrelloClient
from trelloql.trello.loader import TrelloLoader


@dataclass
class RequestContext:
    """What one GraphQL request shares between its resolvers."""

    client: TrelloClient
    request_id: str
    loader: TrelloLoader = field(init=False)

    def __post_init__(self) -> None:
        self.loader = TrelloLoader(self.client)
