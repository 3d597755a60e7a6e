"""Webhook and notification mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from tests.reads.helpers import as_member
from trelloql.sandbox import SandboxServer

HOOKS = "{ token { webhooks { id idModel callbackURL description active } } }"


async def test_create_update_delete_webhook(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Personal")
    created = await run(
        query,
        """mutation($b: ID!) { createWebhook(input: {
          idModel: $b, callbackURL: "https://hooks.example.com/personal", description: "Mine"
        }) { id idModel callbackURL description active consecutiveFailures } }""",
        b=board["id"],
    )
    hook = created["createWebhook"]
    assert hook["active"] is True
    assert hook["consecutiveFailures"] == 0
    listed = (await run(query, HOOKS))["token"]["webhooks"]
    assert {k: v for k, v in hook.items() if k != "consecutiveFailures"} in listed
    updated = await run(
        query,
        """mutation($id: ID!) {
          updateWebhook(input: {id: $id, active: false, description: "Paused"}) {
            active description
          }
        }""",
        id=hook["id"],
    )
    assert updated["updateWebhook"] == {"active": False, "description": "Paused"}
    deleted = await run(
        query,
        "mutation($id: ID!) { deleteWebhook(input: {id: $id}) { id deleted } }",
        id=hook["id"],
    )
    assert deleted["deleteWebhook"] == {"id": hook["id"], "deleted": True}
    assert hook["id"] not in {h["id"] for h in (await run(query, HOOKS))["token"]["webhooks"]}


async def test_webhook_errors(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Personal")
    sandbox.stats.reset()
    for mutation, field in (
        (f'createWebhook(input: {{idModel: "{board["id"]}", callbackURL: "hooks"}}) {{ id }}',
         "input.callbackURL"),
        ('createWebhook(input: {idModel: "Personal", callbackURL: "https://a.example"}) { id }',
         "input.idModel"),
    ):  # fmt: skip
        (error,) = errors_of(await query(f"mutation {{ {mutation} }}"))
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert sandbox.stats.count() == 0
    failing = """mutation($b: ID!) {
      createWebhook(input: {idModel: $b, callbackURL: "https://down.invalid/hook"}) { id }
    }"""
    (error,) = errors_of(await query(failing, {"b": board["id"]}))
    assert error["extensions"]["code"] == "BAD_REQUEST"
    ada_hook = next(iter(sandbox.store.data.webhooks.values()))
    delete = "mutation($id: ID!) { deleteWebhook(input: {id: $id}) { id } }"
    (error,) = errors_of(await query(delete, {"id": ada_hook["id"]}, headers=as_member("grace")))
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert ada_hook["id"] in sandbox.store.data.webhooks


async def test_mark_notifications_read_and_unread(query: Query, sandbox: SandboxServer) -> None:
    unread = "{ me { notifications(readFilter: UNREAD, limit: 100) { id } } }"
    before = [n["id"] for n in (await run(query, unread))["me"]["notifications"]]
    assert len(before) == 5
    got = await run(
        query,
        """mutation($a: ID!, $b: ID!) {
          read: markNotificationRead(input: {id: $a}) { id unread dateRead }
          again: markNotificationUnread(input: {id: $b}) { id unread dateRead }
        }""",
        a=before[0],
        b=before[1],
    )
    assert got["read"]["unread"] is False
    assert got["read"]["dateRead"]
    assert got["again"] == {"id": before[1], "unread": True, "dateRead": None}
    after = [n["id"] for n in (await run(query, unread))["me"]["notifications"]]
    assert after == before[1:]
    some = await run(
        query,
        """mutation($ids: [ID!]) { markAllNotificationsRead(input: {ids: $ids}) {
          notifications(readFilter: UNREAD) { id }
        } }""",
        ids=after[:2],
    )
    assert [n["id"] for n in some["markAllNotificationsRead"]["notifications"]] == after[2:]
    everything = await run(
        query,
        """mutation {
          markAllNotificationsRead(input: {}) { notifications(readFilter: UNREAD) { id } }
        }""",
    )
    assert everything["markAllNotificationsRead"]["notifications"] == []


async def test_mark_a_cards_notifications_read(query: Query, sandbox: SandboxServer) -> None:
    ada = sandbox.store.main_member["id"]
    item = next(
        n
        for n in sandbox.store.data.notifications.values()
        if n["idMember"] == ada and n["unread"] and "card" in n["data"]
    )
    card = item["data"]["card"]["id"]
    got = await run(
        query,
        "mutation($c: ID!) { markCardNotificationsRead(input: {idCard: $c}) { id name } }",
        c=card,
    )
    assert got["markCardNotificationsRead"]["id"] == card
    about = [
        n for n in sandbox.store.data.notifications.values()
        if n["idMember"] == ada and n["data"].get("card", {}).get("id") == card
    ]  # fmt: skip
    assert about
    assert not any(n["unread"] for n in about)


async def test_notification_errors(query: Query, sandbox: SandboxServer) -> None:
    grace = sandbox.store.by_username["grace"]["id"]
    theirs = next(n for n in sandbox.store.data.notifications.values() if n["idMember"] == grace)
    mark = "mutation($id: ID!) { markNotificationRead(input: {id: $id}) { id } }"
    (error,) = errors_of(await query(mark, {"id": theirs["id"]}))
    assert error["extensions"]["code"] == "FORBIDDEN"
    sandbox.stats.reset()
    (error,) = errors_of(await query(mark, {"id": "not-an-id"}))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.id"}
    (error,) = errors_of(
        await query('mutation { markAllNotificationsRead(input: {ids: ["x"]}) { id } }')
    )
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.ids[0]"}
    assert sandbox.stats.count() == 0
