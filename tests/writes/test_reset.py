"""Writes last for the sandbox's lifetime; `store.reset()` brings the seed back."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import run
from trelloql.sandbox import SandboxServer

STATE = """{
  me { savedSearches { name } boardStars { idBoard } }
  token { webhooks { id } }
  organization(id: "analyticalengines") { tags { name } }
}"""


async def test_changes_persist_until_reset(query: Query, sandbox: SandboxServer) -> None:
    seed = await run(query, STATE)
    board = sandbox.store.board_by_name("Bug Triage")
    await run(
        query,
        """mutation($b: ID!) {
          createSavedSearch(input: {name: "Mine", query: "@me"}) { id }
          starBoard(input: {idBoard: $b}) { id }
          createWebhook(input: {idModel: $b, callbackURL: "https://hooks.example.com/t"}) { id }
          createOrganizationTag(input: {idOrganization: "analyticalengines", name: "New"}) { id }
        }""",
        b=board["id"],
    )
    changed = await run(query, STATE)
    assert changed != seed
    assert await run(query, STATE) == changed
    sandbox.store.reset()
    assert await run(query, STATE) == seed
