"""The token of the request and its webhooks; webhooks by id."""

from __future__ import annotations

from tests.conftest import DEMO_TOKEN, Query
from tests.reads.helpers import as_member, data, error_codes
from trelloql.sandbox import SandboxServer


async def test_own_token_member_and_webhooks(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    hooks = [h for h in store.data.webhooks.values() if h["token"] == DEMO_TOKEN]
    sandbox.stats.reset()
    result = await query(
        """query($hook: ID!) { token {
          id identifier idMember dateExpires permissions { modelType idModel read write }
          member { username }
          webhooks { id description idModel callbackURL active consecutiveFailures }
          webhook(idWebhook: $hook) { id description firstConsecutiveFailDate }
        } }""",
        {"hook": hooks[1]["id"]},
    )
    token = data(result)["token"]
    assert token["identifier"] == "trelloql sandbox"
    assert token["idMember"] == store.main_member["id"]
    assert {p["modelType"] for p in token["permissions"]} == {"board", "organization", "member"}
    assert token["member"] == {"username": "ada"}
    assert [w["id"] for w in token["webhooks"]] == [h["id"] for h in hooks]
    assert token["webhook"]["id"] == hooks[1]["id"]
    assert token["webhook"]["firstConsecutiveFailDate"] == hooks[1]["firstConsecutiveFailDate"]


async def test_the_token_never_appears_in_a_request_path(
    query: Query, sandbox: SandboxServer
) -> None:
    sandbox.stats.reset()
    data(await query("{ token { identifier member { id } webhooks { id } } }"))
    assert sandbox.stats.count() == 3
    assert {r.path for r in sandbox.stats.requests} == {"/1/batch"}
    assert all(DEMO_TOKEN not in r.path for r in sandbox.stats.requests)


async def test_errors_about_the_token_do_not_repeat_it(query: Query) -> None:
    result = await query('{ token { webhook(idWebhook: "5f0c1a2b3c4d5e6f7a8b9c0d") { id } } }')
    assert error_codes(result) == ["NOT_FOUND"]
    assert DEMO_TOKEN not in str(result)


async def test_another_members_token_is_its_own(query: Query) -> None:
    result = await query("{ token { identifier member { username } } }", headers=as_member("grace"))
    assert data(result) == {
        "token": {"identifier": "trelloql sandbox", "member": {"username": "grace"}}
    }


async def test_webhook_by_id_belongs_to_its_token(query: Query, sandbox: SandboxServer) -> None:
    ada_hook = next(h for h in sandbox.store.data.webhooks.values() if h["token"] == DEMO_TOKEN)
    mine = await query(
        "query($id: ID!) { webhook(id: $id) { id idModel callbackURL active } }",
        {"id": ada_hook["id"]},
    )
    assert data(mine)["webhook"]["callbackURL"] == ada_hook["callbackURL"]
    theirs = await query(
        "query($id: ID!) { webhook(id: $id) { id } }",
        {"id": ada_hook["id"]},
        headers=as_member("grace"),
    )
    assert error_codes(theirs) == ["FORBIDDEN"]
