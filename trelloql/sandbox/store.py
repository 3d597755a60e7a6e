"""In-memory store of the seeded records, with the lookups and indexes the routes need."""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from .config import SandboxConfig
from .errors import invalid_id, not_found
from .ids import is_object_id, is_short_link, object_id
from .seed import MAIN_USERNAME, Dataset, Record, build_dataset

_NAME_RE = re.compile(r"^[A-Za-z0-9_]{3,}$")
NEW_SERIALS = 0x800000
"""Serials of ids minted by writes start here, far above the seed's."""
Clock = Callable[[], float]


class Store:
    """The seeded Trello data. Records are plain dicts; ``reset()`` rebuilds the seed in place.

    Writes change the records in place, then call ``changed()`` to re-index them.
    """

    def __init__(self, config: SandboxConfig | None = None, clock: Clock = time.time) -> None:
        self._config = config
        self.clock = clock
        self.data = Dataset()
        self._serial = 0
        self.reset()

    def reset(self) -> None:
        """Restore the deterministic seed, dropping any change made to the records."""
        self.data = build_dataset(self._config)
        self._serial = 0
        self._index()

    def mint(self, kind: str) -> str:
        """A fresh id of ``kind`` created now, distinct from every seeded and minted one."""
        self._serial += 1
        return object_id(int(self.clock()), kind, NEW_SERIALS + self._serial)

    def changed(self) -> None:
        """Rebuild the indexes after records were added, changed or removed."""
        self._index()

    def _index(self) -> None:
        data = self.data
        self.by_username = {m["username"]: m for m in data.members.values()}
        self.org_by_name = {o["name"]: o for o in data.organizations.values()}
        self.board_by_link = {b["shortLink"]: b for b in data.boards.values()}
        self.card_by_link = {c["shortLink"]: c for c in data.cards.values()}
        self.label_uses = Counter(lid for c in data.cards.values() for lid in c["idLabels"])
        group: dict[str, defaultdict[str, list[Record]]] = {
            name: defaultdict(list)
            for name in ("lists", "labels", "list_cards", "card_checklists", "board_checklists",
                         "attachments", "board_actions", "card_actions", "member_boards",
                         "member_orgs", "org_boards", "member_cards")
        }  # fmt: skip
        for lst in sorted(data.lists.values(), key=lambda r: r["pos"]):
            group["lists"][lst["idBoard"]].append(lst)
        for label in data.labels.values():
            group["labels"][label["idBoard"]].append(label)
        for card in sorted(data.cards.values(), key=lambda r: r["pos"]):
            group["list_cards"][card["idList"]].append(card)
            for member in card["idMembers"]:
                group["member_cards"][member].append(card)
        for checklist in sorted(data.checklists.values(), key=lambda r: r["pos"]):
            group["card_checklists"][checklist["idCard"]].append(checklist)
            group["board_checklists"][checklist["idBoard"]].append(checklist)
        for attachment in data.attachments.values():
            group["attachments"][attachment["idCard"]].append(attachment)
        for action in sorted(
            data.actions.values(), key=lambda r: (r["date"], r["id"]), reverse=True
        ):
            for key, target in (("board", "board_actions"), ("card", "card_actions")):
                if key in action["data"]:
                    group[target][action["data"][key]["id"]].append(action)
        for board in data.boards.values():
            for membership in board["memberships"]:
                group["member_boards"][membership["idMember"]].append(board)
            if board["idOrganization"]:
                group["org_boards"][board["idOrganization"]].append(board)
        for org in data.organizations.values():
            for membership in org["memberships"]:
                group["member_orgs"][membership["idMember"]].append(org)
        self._groups = group

    def _group(self, name: str, key: str) -> list[Record]:
        return self._groups[name].get(key, [])

    # Relationship lookups (ordered the way Trello orders them).
    def lists_of(self, board_id: str) -> list[Record]:
        """A board's lists by position."""
        return self._group("lists", board_id)

    def cards_of_list(self, list_id: str) -> list[Record]:
        """A list's cards by position."""
        return self._group("list_cards", list_id)

    def cards_of_board(self, board_id: str) -> list[Record]:
        """A board's cards by list position, then card position."""
        return [card for lst in self.lists_of(board_id) for card in self.cards_of_list(lst["id"])]

    def labels_of(self, board_id: str) -> list[Record]:
        """A board's labels in creation order."""
        return self._group("labels", board_id)

    def checklists_of_card(self, card_id: str) -> list[Record]:
        """A card's checklists."""
        return self._group("card_checklists", card_id)

    def checklists_of_board(self, board_id: str) -> list[Record]:
        """All checklists on a board's cards."""
        return self._group("board_checklists", board_id)

    def attachments_of(self, card_id: str) -> list[Record]:
        """A card's attachments."""
        return self._group("attachments", card_id)

    def actions_of_board(self, board_id: str) -> list[Record]:
        """A board's actions, newest first."""
        return self._group("board_actions", board_id)

    def actions_of_card(self, card_id: str) -> list[Record]:
        """A card's actions, newest first."""
        return self._group("card_actions", card_id)

    def boards_of_member(self, member_id: str) -> list[Record]:
        """Boards the member belongs to, in creation order."""
        return self._group("member_boards", member_id)

    def orgs_of_member(self, member_id: str) -> list[Record]:
        """Organizations the member belongs to."""
        return self._group("member_orgs", member_id)

    def boards_of_org(self, org_id: str) -> list[Record]:
        """Boards in an organization."""
        return self._group("org_boards", org_id)

    def cards_of_member(self, member_id: str) -> list[Record]:
        """Cards the member is on."""
        return self._group("member_cards", member_id)

    # Path lookups: 400 for a malformed reference, 404 for an unknown one.
    def board(self, ref: str) -> Record:
        """A board by id or shortLink."""
        return _find(self.data.boards, ref, self.board_by_link)

    def card(self, ref: str) -> Record:
        """A card by id or shortLink."""
        return _find(self.data.cards, ref, self.card_by_link)

    def member(self, ref: str) -> Record:
        """A member by id or username."""
        return _find(self.data.members, ref, self.by_username, _NAME_RE)

    def organization(self, ref: str) -> Record:
        """An organization by id or name."""
        return _find(self.data.organizations, ref, self.org_by_name, _NAME_RE)

    def list_(self, ref: str) -> Record:
        """A list by id."""
        return _find(self.data.lists, ref)

    def label(self, ref: str) -> Record:
        """A label by id."""
        return _find(self.data.labels, ref)

    def checklist(self, ref: str) -> Record:
        """A checklist by id."""
        return _find(self.data.checklists, ref)

    def action(self, ref: str) -> Record:
        """An action by id."""
        return _find(self.data.actions, ref)

    # Conveniences for tests and tools.
    @property
    def main_member(self) -> Record:
        """The demo member (Ada Lovelace) the first sandbox token belongs to."""
        return self.by_username[MAIN_USERNAME]

    def board_by_name(self, name: str) -> Record:
        """The first board with this exact name (KeyError if none)."""
        return _by_name(self.data.boards, name)

    def card_by_name(self, name: str) -> Record:
        """The first card with this exact name (KeyError if none)."""
        return _by_name(self.data.cards, name)

    def list_by_name(self, board_id: str, name: str) -> Record:
        """A board's list with this exact name (KeyError if none)."""
        return _by_name({lst["id"]: lst for lst in self.lists_of(board_id)}, name)


def _find(
    table: dict[str, Record],
    ref: str,
    aliases: dict[str, Record] | None = None,
    alias_re: re.Pattern[str] | None = None,
) -> Record:
    if is_object_id(ref):
        record = table.get(ref.lower())
    elif aliases is not None and (is_short_link(ref) if alias_re is None else alias_re.match(ref)):
        record = aliases.get(ref)
    else:
        raise invalid_id()
    if record is None:
        raise not_found()
    return record


def _by_name(table: dict[str, Any], name: str) -> Record:
    for record in table.values():
        if record["name"] == name:
            return record
    raise KeyError(name)
