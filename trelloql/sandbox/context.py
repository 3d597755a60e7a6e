"""Per-request context handed to route handlers: who asks, what they asked, and lookups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .access import can_read_board, can_read_org, can_write_board
from .errors import unauthorized
from .seed import Record
from .store import Store

if TYPE_CHECKING:
    from .auth import Identity
    from .state import SandboxState


@dataclass
class Ctx:
    """One (sub-)request. Lookups raise Trello's 400/401/404 errors."""

    state: SandboxState
    identity: Identity
    query: Mapping[str, str]
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def store(self) -> Store:
        """The sandbox data."""
        return self.state.store

    @property
    def viewer(self) -> str:
        """Id of the member the token belongs to."""
        return self.identity.member_id

    def arg(self, name: str) -> str | None:
        """A query parameter, or None when absent."""
        return self.query.get(name)

    def readable(self, board: Record) -> bool:
        """Whether the viewer may read ``board``."""
        return can_read_board(self.store, board, self.viewer)

    def check_write(self, board_id: str) -> None:
        """401 unless the viewer may change the board (and the things on it)."""
        if not can_write_board(self.store.data.boards[board_id], self.viewer):
            raise unauthorized()

    def writable_card(self, ref: str) -> Record:
        """A card by id or shortLink that the viewer may change."""
        card = self.card(ref)
        self.check_write(card["idBoard"])
        return card

    def writable_checklist(self, ref: str) -> Record:
        """A checklist that the viewer may change."""
        checklist = self.checklist(ref)
        self.check_write(checklist["idBoard"])
        return checklist

    def _check(self, board_id: str) -> None:
        if not self.readable(self.store.data.boards[board_id]):
            raise unauthorized()

    def board(self, ref: str) -> Record:
        """A readable board by id or shortLink."""
        board = self.store.board(ref)
        self._check(board["id"])
        return board

    def card(self, ref: str) -> Record:
        """A card by id or shortLink on a readable board."""
        card = self.store.card(ref)
        self._check(card["idBoard"])
        return card

    def list_(self, ref: str) -> Record:
        """A list on a readable board."""
        lst = self.store.list_(ref)
        self._check(lst["idBoard"])
        return lst

    def label(self, ref: str) -> Record:
        """A label on a readable board."""
        label = self.store.label(ref)
        self._check(label["idBoard"])
        return label

    def checklist(self, ref: str) -> Record:
        """A checklist on a readable board."""
        checklist = self.store.checklist(ref)
        self._check(checklist["idBoard"])
        return checklist

    def action(self, ref: str) -> Record:
        """An action whose board (if any) is readable."""
        action = self.store.action(ref)
        if "board" in action["data"]:
            self._check(action["data"]["board"]["id"])
        return action

    def member(self, ref: str) -> Record:
        """A member by id, username, or ``me``."""
        if ref == "me":
            return self.store.data.members[self.viewer]
        return self.store.member(ref)

    def organization(self, ref: str) -> Record:
        """A readable organization by id or name."""
        org = self.store.organization(ref)
        if not can_read_org(org, self.viewer):
            raise unauthorized()
        return org
