"""Builds the deterministic sandbox dataset from the tables in ``seed_data``/``seed_boards``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from random import Random

from .config import SandboxConfig
from .ids import iso, object_id, parse_iso, short_link
from .seed_bench import add_big_board, add_extra_boards
from .seed_boards import BOARDS
from .seed_cards import POS, CardMaker, Record, board_ref, list_ref
from .seed_data import MEMBERS, ORGS, BoardSpec
from .seed_extras import add_extras

SEED = 1815
MAIN_USERNAME = "ada"


@dataclass
class Dataset:
    """Raw records by id, each dict in creation order."""

    members: dict[str, Record] = field(default_factory=dict)
    organizations: dict[str, Record] = field(default_factory=dict)
    boards: dict[str, Record] = field(default_factory=dict)
    lists: dict[str, Record] = field(default_factory=dict)
    cards: dict[str, Record] = field(default_factory=dict)
    labels: dict[str, Record] = field(default_factory=dict)
    checklists: dict[str, Record] = field(default_factory=dict)
    attachments: dict[str, Record] = field(default_factory=dict)
    actions: dict[str, Record] = field(default_factory=dict)
    custom_fields: dict[str, Record] = field(default_factory=dict)
    custom_field_items: dict[str, Record] = field(default_factory=dict)
    plugins: dict[str, Record] = field(default_factory=dict)
    board_plugins: dict[str, Record] = field(default_factory=dict)
    plugin_data: dict[str, Record] = field(default_factory=dict)
    reactions: dict[str, Record] = field(default_factory=dict)
    saved_searches: dict[str, Record] = field(default_factory=dict)
    backgrounds: dict[str, Record] = field(default_factory=dict)
    custom_emoji: dict[str, Record] = field(default_factory=dict)
    custom_stickers: dict[str, Record] = field(default_factory=dict)
    channel_settings: dict[str, Record] = field(default_factory=dict)
    invitations: dict[str, Record] = field(default_factory=dict)
    tokens: dict[str, Record] = field(default_factory=dict)
    webhooks: dict[str, Record] = field(default_factory=dict)
    notifications: dict[str, Record] = field(default_factory=dict)
    tags: dict[str, Record] = field(default_factory=dict)
    exports: dict[str, Record] = field(default_factory=dict)
    enterprises: dict[str, Record] = field(default_factory=dict)


def timestamp(text: str) -> int:
    """Unix time of a UTC ``YYYY-MM-DDTHH:MM`` table date."""
    parsed = parse_iso(text)
    if parsed is None:
        raise ValueError(f"bad seed date {text!r}")
    return parsed


def action_record(
    aid: str, type_: str, date: str, creator: str, data: Record, member: str | None
) -> Record:
    """An action as Trello shows it (``member`` is whom it concerns)."""
    action: Record = {
        "id": aid, "idMemberCreator": creator, "data": data, "appCreator": None,
        "type": type_, "date": date, "limits": {},
    }  # fmt: skip
    if member is not None:
        action["idMember"] = member
    return action


def member_id(index: int) -> str:
    """Id of the ``index``-th seeded member (0 is the main demo member)."""
    return object_id(timestamp(MEMBERS[index].created), "member", index + 1)


class Builder:
    """Mints ids and records; one instance builds one dataset."""

    def __init__(self) -> None:
        self.data = Dataset()
        self.serials: Counter[str] = Counter()
        self.by_username: dict[str, str] = {}
        self.org_by_name: dict[str, str] = {}

    def mint(self, kind: str, at: int) -> str:
        """A fresh id of ``kind`` created at unix time ``at``."""
        self.serials[kind] += 1
        return object_id(at, kind, self.serials[kind])

    def action(
        self, type_: str, at: int, creator: str, data: Record, member: str | None = None
    ) -> int:
        """Record an action; returns its time for activity tracking."""
        aid = self.mint("action", at)
        self.data.actions[aid] = action_record(aid, type_, iso(at), creator, data, member)
        return at

    def membership(self, member: str, member_type: str, at: int) -> Record:
        """A board or organization membership entry."""
        return {
            "id": self.mint("membership", at), "idMember": member, "memberType": member_type,
            "unconfirmed": False, "deactivated": False,
        }  # fmt: skip

    def add_people(self) -> None:
        """Seed members and organizations."""
        for index, spec in enumerate(MEMBERS):
            mid = member_id(index)
            self.by_username[spec.username] = mid
            self.data.members[mid] = {
                "id": mid, "username": spec.username, "fullName": spec.full_name,
                "initials": "".join(word[0] for word in spec.full_name.split()), "bio": spec.bio,
                "email": f"{spec.username}@example.com", "created": timestamp(spec.created),
                "boardStars": [],
            }  # fmt: skip
        self.serials["member"] = len(MEMBERS)
        for org in ORGS:
            at = timestamp(org.created)
            oid = self.mint("organization", at)
            self.org_by_name[org.name] = oid
            self.data.organizations[oid] = {
                "id": oid, "name": org.name, "displayName": org.display_name,
                "desc": org.desc, "website": org.website, "permissionLevel": org.permission,
                "idMemberCreator": self.by_username[org.members[0][0]], "created": at,
                "memberships": [
                    self.membership(self.by_username[user], kind, at) for user, kind in org.members
                ],
            }  # fmt: skip

    def add_board(self, spec: BoardSpec, rng: Random, step: tuple[int, int]) -> Record:
        """Seed one board with its labels, lists, cards and their history.

        ``step`` is the range of seconds between two card creations.
        """
        at = timestamp(spec.created)
        members = [self.by_username[user] for user, _ in spec.members]
        bid = self.mint("board", at)
        board: Record = {
            "id": bid, "name": spec.name, "desc": spec.desc, "closed": False, "dateClosed": None,
            "idOrganization": self.org_by_name.get(spec.org or ""), "permissionLevel":
            spec.permission, "background": spec.background, "shortLink": short_link(bid),
            "pinned": False, "idMemberCreator": members[0], "created": at,
            "memberships": [
                self.membership(self.by_username[user], kind, at) for user, kind in spec.members
            ],
        }  # fmt: skip
        self.data.boards[bid] = board
        ref = board_ref(board)
        last = self.action("createBoard", at, members[0], {"board": ref})
        for user in spec.starred_by:
            stars = self.data.members[self.by_username[user]]["boardStars"]
            star_id = self.mint("boardStar", at)
            stars.append({"id": star_id, "idBoard": bid, "pos": POS * (len(stars) + 1)})
        for offset, (user, kind) in enumerate(spec.members[1:], start=1):
            added = self.by_username[user]
            data = {"board": ref, "idMemberAdded": added, "memberType": kind}
            last = self.action("addMemberToBoard", at + 600 * offset, members[0], data, added)
        for color, name in spec.labels:
            lid = self.mint("label", at)
            self.data.labels[lid] = {"id": lid, "idBoard": bid, "name": name, "color": color}
        lists = []
        for index, (raw, _) in enumerate(spec.lists):
            created = at + 60 * (index + 1)
            lst: Record = {
                "id": self.mint("list", created), "idBoard": bid, "name": raw.lstrip("~"),
                "closed": raw.startswith("~"), "pos": POS * (index + 1), "created": created,
            }  # fmt: skip
            self.data.lists[lst["id"]] = lst
            lists.append(lst)
            self.action("createList", created, members[0], {"board": ref, "list": list_ref(lst)})
        maker = CardMaker(self, spec, board, lists, rng)
        last = max(last, maker.add_all(at + 86400, step))
        if spec.closed:
            last += 86400
            board["closed"], board["dateClosed"] = True, iso(last)
            data = {"board": {**ref, "closed": True}, "old": {"closed": False}}
            self.action("updateBoard", last, members[0], data)
        board["dateLastActivity"] = iso(last)
        return board


def build_dataset(config: SandboxConfig | None = None) -> Dataset:
    """Build the seed; ``config`` may add the benchmark boards after the fixed ones."""
    builder = Builder()
    builder.add_people()
    rng = Random(SEED)
    for spec in BOARDS:
        builder.add_board(spec, rng, (2 * 3600, 26 * 3600))
    add_extras(builder)
    if config is not None and config.big_board_cards > 0:
        add_big_board(builder, config.big_board_cards)
    if config is not None and config.extra_boards > 0:
        add_extra_boards(builder, config.extra_boards)
    return builder.data
