"""Upstream calls are batched and de-duplicated: counted exactly at the sandbox."""

import pytest

from tests.conftest import Query
from trelloql.sandbox import SandboxConfig, SandboxServer


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(latency_ms=20, extra_boards=10)


async def test_ten_boards_lists_share_round_trips(query: Query, sandbox: SandboxServer) -> None:
    boards = sandbox.store.boards_of_member(sandbox.store.main_member["id"])[-10:]
    fields = " ".join(
        f'b{n}: board(id: "{b["id"]}") {{ name lists {{ name }} }}' for n, b in enumerate(boards)
    )
    sandbox.stats.reset()
    result = await query(f"{{ {fields} }}")
    assert "errors" not in result
    for n, board in enumerate(boards):
        assert result["data"][f"b{n}"]["name"] == board["name"]
    assert sandbox.stats.count() == 1
    assert sandbox.stats.units() == 10


async def test_the_same_object_is_fetched_once(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    sandbox.stats.reset()
    result = await query(
        """query($id: ID!) {
          board(id: $id) { cards { name list { name } board { name } } }
          again: board(id: $id) { cards { name list { name } } }
        }""",
        {"id": board["id"]},
    )
    assert "errors" not in result
    assert sandbox.stats.count() == 1
    cards = result["data"]["board"]["cards"]
    assert {c["board"]["name"] for c in cards} == {"Product Launch"}
    lists = {x["id"]: x["name"] for x in sandbox.store.lists_of(board["id"])}
    expected = [
        lists[c["idList"]] for c in sandbox.store.cards_of_board(board["id"]) if not c["closed"]
    ]
    assert [c["list"]["name"] for c in cards] == expected


async def test_cards_of_many_lists_are_fetched_once_each(
    query: Query, sandbox: SandboxServer
) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    cards = [c for c in sandbox.store.cards_of_board(board["id"]) if not c["closed"]][:12]
    fields = " ".join(
        f'c{n}: card(id: "{c["id"]}") {{ list {{ name }} }}' for n, c in enumerate(cards)
    )
    sandbox.stats.reset()
    result = await query(f"{{ {fields} }}")
    assert "errors" not in result
    distinct_lists = {c["idList"] for c in cards}
    assert sandbox.stats.units() == len(cards)
    assert sandbox.stats.count() == 2
    assert len(distinct_lists) < len(cards)
