"""The benchmark's queries, the sandbox they run against, and the fewest Trello calls each needs.

Each query's minimum is worked out from Trello's nesting rules (as the sandbox implements
them): one round for everything a single Trello request can nest, one more round for each
level it cannot, that round's reads sent in `/batch` calls of up to ten URLs. A `/batch`
call costs one rate-limit unit per URL inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from trelloql.sandbox import SandboxConfig, Store
from trelloql.sandbox.seed_bench import BIG_BOARD_NAME

BATCH = 10
# Ada, the demo member, belongs to 4 seeded boards; 46 more make the 50-board member.
SANDBOX = SandboxConfig(latency_ms=30, rate_limits=False, big_board_cards=1000, extra_boards=46)
LARGE_BOARD = "large_board"


@dataclass(frozen=True)
class Minimum:
    """The fewest upstream calls, rate-limit units and rounds a query can be answered in."""

    calls: int
    units: int
    rounds: int
    how: str


@dataclass(frozen=True)
class SuiteQuery:
    """One benchmark query."""

    name: str
    text: str
    variables: Callable[[Store], dict[str, Any]]
    minimum: Callable[[Store], Minimum]
    needs: str | None = None
    """A Query field that must exist in the schema for the query to run."""


def sandbox_config(latency_ms: float = SANDBOX.latency_ms) -> SandboxConfig:
    """The benchmark sandbox, with the given simulated latency."""
    return SandboxConfig(
        latency_ms=latency_ms,
        rate_limits=SANDBOX.rate_limits,
        big_board_cards=SANDBOX.big_board_cards,
        extra_boards=SANDBOX.extra_boards,
    )


def one_call(how: str) -> Callable[[Store], Minimum]:
    """A query Trello answers in a single request."""
    return lambda _store: Minimum(1, 1, 1, how)


def batches(reads: int) -> int:
    """Calls needed for `reads` reads sent together."""
    return 1 if reads == 1 else -(-reads // BATCH)


def open_boards_of_ada(store: Store) -> int:
    """How many open boards the demo member belongs to."""
    return sum(1 for b in store.boards_of_member(store.main_member["id"]) if not b["closed"])


def deep_minimum(store: Store) -> Minimum:
    """Boards (with their lists) nest under the member, but not the boards' cards."""
    boards = open_boards_of_ada(store)
    return Minimum(
        1 + batches(boards),
        1 + boards,
        2,
        "GET /members/me?boards=open&board_lists=open, then per board "
        "/boards/{id}?cards=open&card_members=true&card_checklists=all in /batch",
    )


def ids(store: Store) -> dict[str, str]:
    """Ids of the objects the suite's queries name."""
    return {
        "launch": store.board_by_name("Product Launch")["id"],
        "triage": store.board_by_name("Bug Triage")["id"],
        "big": store.board_by_name(BIG_BOARD_NAME)["id"],
        "card": store.card_by_name("Warning flood with -Wall on system headers")["id"],
    }


SUITE = [
    SuiteQuery(
        "member_dashboard",
        """{ me { fullName username avatarUrl
          boards(filter: OPEN) { name shortUrl starred dateLastActivity prefs { backgroundColor } }
          organizations { name displayName }
          cards(filter: VISIBLE) { name due dueComplete idBoard } } }""",
        lambda _store: {},
        one_call("GET /members/me?boards=open&organizations=all&cards=visible (+ *_fields)"),
    ),
    SuiteQuery(
        "kanban_board",
        """query Kanban($board: ID!) { board(id: $board) { name desc prefs { backgroundColor }
          labels { name color }
          members { fullName initials avatarUrl }
          lists { name pos cards { name pos due dueComplete
            labels { name color } members { initials fullName }
            badges { comments attachments checkItems checkItemsChecked } } } } }""",
        lambda store: {"board": ids(store)["launch"]},
        one_call(
            "GET /boards/{id}?labels=all&members=all&lists=open&cards=open&card_members=true"
            " (cards joined to lists by idList)"
        ),
    ),
    SuiteQuery(
        "card_detail",
        """query Card($card: ID!) { card(id: $card) { name desc due dueComplete
          labels { name color } members { fullName avatarUrl }
          list { name } board { name }
          checklists { name checkItems { name state } }
          attachments { name url mimeType bytes }
          comments { date data memberCreator { fullName } } } }""",
        lambda store: {"card": ids(store)["card"]},
        one_call(
            "GET /cards/{id}?members=true&list=true&board=true&checklists=all&attachments=true"
            "&actions=commentCard&action_memberCreator_fields=fullName"
        ),
    ),
    SuiteQuery(
        "organization_overview",
        """{ organization(id: "analyticalengines") { displayName desc website url
          members { fullName username }
          boards(filter: OPEN) { name shortUrl dateLastActivity } } }""",
        lambda _store: {},
        one_call("GET /organizations/{id}?members=all&boards=open (+ *_fields)"),
    ),
    SuiteQuery(
        "search",
        """{ search(query: "release") { cards { name idBoard } boards { name } } }""",
        lambda _store: {},
        one_call("GET /search?query=...&modelTypes=cards,boards (+ *_fields)"),
        needs="search",
    ),
    SuiteQuery(
        "multi_root_aliases",
        """query Roots($launch: ID!, $triage: ID!, $card: ID!) {
          me { fullName }
          launch: board(id: $launch) { name lists { name } }
          triage: board(id: $triage) { name labels { name color } }
          focus: card(id: $card) { name list { name } }
          guild: organization(id: "compilerguild") { displayName } }""",
        lambda store: {key: ids(store)[key] for key in ("launch", "triage", "card")},
        lambda _store: Minimum(
            1, 5, 1, "one /batch of the five root reads, each with its nested resources"
        ),
    ),
    SuiteQuery(
        LARGE_BOARD,
        """query Big($board: ID!) { board(id: $board) { name
          cards { id name desc closed due dueComplete pos url shortUrl idList } } }""",
        lambda store: {"board": ids(store)["big"]},
        one_call("GET /boards/{id}?cards=open&card_fields=... (1,000 cards)"),
    ),
    SuiteQuery(
        "deep",
        """{ me { boards(filter: OPEN) { name lists { name cards { name
          labels { color } members { fullName }
          checklists { name checkItems { name state } } } } } } }""",
        lambda _store: {},
        deep_minimum,
    ),
]

BY_NAME = {query.name: query for query in SUITE}
