"""What a child field takes from its parent's planned answer, and when it must read instead."""

from typing import Any, cast

import pytest

from trelloql.planner import MISSING, Planner
from trelloql.planner.compile import compile_plan
from trelloql.planner.selection import Selection
from trelloql.resolvers import GRAPH
from trelloql.resolvers.base import Fetch
from trelloql.trello.client import TrelloClient
from trelloql.trello.loader import TrelloLoader

PLANNER = Planner(GRAPH)
ABSENT = object()


def fetch(field: str) -> Fetch:
    mapping = GRAPH.by_field[field]
    assert isinstance(mapping, Fetch)
    return mapping


def handed_out(answer: dict[str, Any], *children: Selection) -> TrelloLoader:
    """A loader holding the nested answers a planned board GET handed to its children."""
    root = Selection("Query.board", "Board", {"id": "b"}, {"name"}, list(children))
    plan = compile_plan(root, "board", GRAPH.trello_fields)
    loader = TrelloLoader(cast(TrelloClient, None))
    PLANNER._hand_out(answer, plan.servings, loader)
    return loader


def board_with_members(*members: dict[str, Any]) -> tuple[dict[str, Any], TrelloLoader]:
    members_selection = Selection("Card.members", "Member", {}, {"fullName"}, [])
    cards = Selection(
        "Board.cards", "Card", {"filter": "OPEN"}, {"name", "members"}, [members_selection]
    )
    answer = {
        "id": "b",
        "cards": [{"id": "c1", "name": "x", "idMembers": [m["id"] for m in members]}],
        "members": list(members),
    }
    return answer, handed_out(answer, cards)


def test_a_child_takes_its_embedded_answer() -> None:
    ada = {"id": "m1", "fullName": "Ada"}
    answer, loader = board_with_members(ada)
    read = PLANNER.serving(fetch("Card.members"), {}, {"fullName"}, loader, ABSENT)
    assert read is not None
    assert read(answer["cards"][0]) == [ada]
    assert PLANNER.served(fetch("Card.members"), answer["cards"][0], {}, {"fullName"}, loader) == [
        ada
    ]


def test_one_read_serves_every_parent_and_tells_the_others_apart() -> None:
    lists = Selection("Board.lists", "List", {"filter": "OPEN"}, {"name"}, [])
    answer = {"id": "b", "lists": [{"id": "l1", "name": "Doing"}]}
    loader = handed_out(answer, lists)
    read = PLANNER.serving(fetch("Board.lists"), {"filter": "OPEN"}, {"name"}, loader, ABSENT)
    assert read is not None
    assert read(answer) is answer["lists"]
    assert read({"id": "b"}) is ABSENT  # an equal parent that is not the one served
    closed = PLANNER.serving(fetch("Board.lists"), {"filter": "CLOSED"}, {"name"}, loader)
    assert closed is not None
    assert closed(answer) is MISSING  # another filter: another answer


def test_an_answer_lacking_a_selected_field_is_not_taken() -> None:
    answer, loader = board_with_members({"id": "m1"}, {"id": "m2", "fullName": "Bo"})
    read = PLANNER.serving(fetch("Card.members"), {}, {"fullName"}, loader, ABSENT)
    assert read is not None
    assert read(answer["cards"][0]) is ABSENT
    only_ids = PLANNER.serving(fetch("Card.members"), {}, {"id"}, loader, ABSENT)
    assert only_ids is not None
    assert only_ids(answer["cards"][0]) == answer["members"]


def test_an_empty_answer_is_taken() -> None:
    answer, loader = board_with_members()
    read = PLANNER.serving(fetch("Card.members"), {}, {"fullName"}, loader, ABSENT)
    assert read is not None
    assert read(answer["cards"][0]) == []


def test_a_parent_without_the_ids_of_its_own_request_is_not_served() -> None:
    ada = {"id": "m1", "fullName": "Ada"}
    answer, loader = board_with_members(ada)
    card = answer["cards"][0]
    read = PLANNER.serving(fetch("Card.members"), {}, {"fullName"}, loader, ABSENT)
    assert read is not None
    card["id"] = None
    assert read(card) is ABSENT


@pytest.mark.parametrize("limit", [0, 100_000])
def test_bad_arguments_leave_the_field_to_its_resolver(limit: int) -> None:
    _, loader = board_with_members()
    actions = fetch("Member.actions")
    assert PLANNER.serving(actions, {"limit": limit}, {"type"}, loader) is None
    assert PLANNER.served(actions, {"id": "m1"}, {"limit": limit}, {"type"}, loader) is MISSING
    assert PLANNER.serving(actions, {"limit": 5}, {"type"}, loader) is not None
