"""The seed: ids, shape, determinism, benchmark boards and reset."""

from __future__ import annotations

import json
import re
from dataclasses import asdict

from trelloql.sandbox import SANDBOX_TOKENS, SandboxConfig, Store
from trelloql.sandbox.ids import id_time, is_object_id, iso, object_id, parse_iso, short_link
from trelloql.sandbox.seed_bench import BIG_BOARD_NAME

LABEL_COLORS = {
    "green",
    "yellow",
    "orange",
    "red",
    "purple",
    "blue",
    "sky",
    "lime",
    "pink",
    "black",
}


def _snapshot(store: Store) -> str:
    return json.dumps(asdict(store.data), sort_keys=True)


def test_object_ids_carry_their_creation_time() -> None:
    oid = object_id(1704704400, "card", 7)
    assert is_object_id(oid)
    assert id_time(oid) == 1704704400
    assert oid.endswith("000007")
    assert object_id(1704704400, "list", 7) != oid


def test_short_links_are_eight_base62_characters() -> None:
    link = short_link("659bb9909ea5e97d2f000001")
    assert re.fullmatch(r"[0-9A-Za-z]{8}", link)
    assert link == short_link("659bb9909ea5e97d2f000001")


def test_iso_round_trip() -> None:
    assert iso(1704704400) == "2024-01-08T09:00:00.000Z"
    assert parse_iso("2024-01-08T09:00:00.000Z") == 1704704400
    assert parse_iso("2024-01-08") == 1704704400 - 9 * 3600
    assert parse_iso("yesterday") is None


def test_every_id_is_unique_and_dated() -> None:
    store = Store()
    ids = [oid for table in asdict(store.data).values() for oid in table]
    assert len(ids) == len(set(ids))
    for action in store.data.actions.values():
        assert id_time(action["id"]) == parse_iso(action["date"])
    for card in store.data.cards.values():
        assert id_time(card["id"]) == card["created"]


def test_two_stores_are_identical() -> None:
    assert _snapshot(Store()) == _snapshot(Store())


def test_tokens_belong_to_seeded_members() -> None:
    store = Store()
    assert all(re.fullmatch(r"[0-9a-f]{64}", token) for token in SANDBOX_TOKENS)
    assert next(iter(SANDBOX_TOKENS.values())) == store.main_member["id"]
    assert set(SANDBOX_TOKENS.values()) == set(store.data.members)
    assert len(store.data.members) >= 4
    assert store.main_member["fullName"] == "Ada Lovelace"


def test_main_member_boards_have_the_promised_variety() -> None:
    store = Store()
    ada = store.main_member["id"]
    boards = store.boards_of_member(ada)
    assert len(boards) >= 4
    assert any(b["closed"] for b in boards)
    starred = {s["idBoard"] for s in store.main_member["boardStars"]}
    assert starred & {b["id"] for b in boards}
    orgs = {o["id"] for o in store.data.organizations.values()}
    assert len(orgs) == 2
    assert {b["idOrganization"] for b in boards} >= orgs
    assert any(lst["closed"] for b in boards for lst in store.lists_of(b["id"]))
    for board in boards:
        lists = store.lists_of(board["id"])
        assert 3 <= len(lists) <= 5
        assert all(4 <= len(store.cards_of_list(lst["id"])) <= 8 for lst in lists)
        labels = store.labels_of(board["id"])
        assert len(labels) == 6
        assert any(not label["name"] for label in labels)
        assert {label["color"] for label in labels} <= LABEL_COLORS


def test_cards_have_varied_realistic_content() -> None:
    store = Store()
    cards = list(store.data.cards.values())
    assert any(c["closed"] for c in cards)
    assert any(c["due"] for c in cards)
    assert any(c["start"] for c in cards)
    assert any(c["dueComplete"] for c in cards)
    assert any(c["desc"] for c in cards)
    assert any(len(c["idLabels"]) == 3 for c in cards)
    assert any(c["idMembers"] for c in cards)
    assert not any(re.fullmatch(r"Card \d+", c["name"]) for c in cards)
    states = {i["state"] for cl in store.data.checklists.values() for i in cl["checkItems"]}
    assert states == {"complete", "incomplete"}
    assert store.data.attachments
    types = {a["type"] for a in store.data.actions.values()}
    assert {"commentCard", "createCard", "updateCard", "createList", "createBoard"} <= types


def test_private_board_of_another_member_and_org_visible_boards() -> None:
    store = Store()
    ada, grace = store.main_member["id"], store.by_username["grace"]["id"]
    roadmap = store.board_by_name("Compiler Roadmap 2025")
    assert roadmap["permissionLevel"] == "private"
    assert [m["idMember"] for m in roadmap["memberships"]] == [grace]
    assert ada not in [m["idMember"] for m in roadmap["memberships"]]
    assert store.board_by_name("Engine Hiring Plan")["permissionLevel"] == "org"


def test_ordering_by_position() -> None:
    store = Store()
    board = store.board_by_name("Product Launch")
    lists = store.lists_of(board["id"])
    assert [lst["pos"] for lst in lists] == sorted(lst["pos"] for lst in lists)
    cards = store.cards_of_board(board["id"])
    keys = [(store.data.lists[c["idList"]]["pos"], c["pos"]) for c in cards]
    assert keys == sorted(keys)
    actions = store.actions_of_board(board["id"])
    assert [a["date"] for a in actions] == sorted((a["date"] for a in actions), reverse=True)


def test_benchmark_boards_leave_the_base_seed_alone() -> None:
    base = Store()
    big = Store(SandboxConfig(big_board_cards=250, extra_boards=3))
    for name in ("members", "boards", "cards", "actions"):
        assert set(getattr(base.data, name)) <= set(getattr(big.data, name))
    board = big.board_by_name(BIG_BOARD_NAME)
    assert len(big.lists_of(board["id"])) == 10
    assert len(big.cards_of_board(board["id"])) == 250
    ada = big.main_member["id"]
    extra = [b for b in big.boards_of_member(ada) if b["id"] not in base.data.boards]
    assert len(extra) == 4


def test_reset_restores_the_seed() -> None:
    store = Store()
    before = _snapshot(store)
    card = store.card_by_name("Pricing FAQ")
    card["name"] = "changed"
    store.data.boards.clear()
    store.reset()
    assert _snapshot(store) == before
    assert store.card_by_name("Pricing FAQ")["id"] == card["id"]
