"""Member and reaction mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from trelloql.sandbox import SandboxServer


async def test_update_your_own_member(query: Query, sandbox: SandboxServer) -> None:
    got = await run(
        query,
        """mutation { updateMember(input: {
          id: "me", fullName: "Augusta Ada King", initials: "AAK", bio: "Countess.",
          avatarSource: NONE, prefs: {colorBlind: true, locale: "fr-FR", minutesBetweenSummaries: 1}
        }) {
          fullName initials bio avatarSource
          prefs { colorBlind locale minutesBetweenSummaries }
        } }""",
    )
    assert got["updateMember"] == {
        "fullName": "Augusta Ada King", "initials": "AAK", "bio": "Countess.",
        "avatarSource": "none",
        "prefs": {"colorBlind": True, "locale": "fr-FR", "minutesBetweenSummaries": 1},
    }  # fmt: skip
    read = await run(query, "{ me { fullName } }")
    assert read["me"] == {"fullName": "Augusta Ada King"}
    (error,) = errors_of(
        await query('mutation { updateMember(input: {id: "grace", bio: "x"}) { id } }')
    )
    assert error["extensions"]["code"] == "FORBIDDEN"
    sandbox.stats.reset()
    for mutation, field in (
        ('updateMember(input: {id: "me", fullName: " Ada"}) { id }', "input.fullName"),
        ('updateMember(input: {id: "me", username: "Ada!"}) { id }', "input.username"),
        ('updateMember(input: {id: "me", prefs: {minutesBetweenSummaries: 5}}) { id }',
         "input.prefs.minutesBetweenSummaries"),
    ):  # fmt: skip
        (error,) = errors_of(await query(f"mutation {{ {mutation} }}"))
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert sandbox.stats.count() == 0


async def test_board_stars(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Bug Triage")
    starred = await run(
        query,
        """mutation($b: ID!) {
          starBoard(input: {idBoard: $b, pos: "top"}) { id idBoard pos board { name } }
        }""",
        b=board["id"],
    )
    star = starred["starBoard"]
    assert star["board"] == {"name": "Bug Triage"}
    read = await run(query, "{ me { boardStars { id } } }")
    assert read["me"]["boardStars"][0] == {"id": star["id"]}
    moved = await run(
        query,
        'mutation($s: ID!) { moveBoardStar(input: {id: $s, pos: "bottom"}) { id pos } }',
        s=star["id"],
    )
    assert moved["moveBoardStar"]["pos"] > star["pos"]
    gone = await run(
        query, "mutation($s: ID!) { unstarBoard(input: {id: $s}) { id deleted } }", s=star["id"]
    )
    assert gone["unstarBoard"] == {"id": star["id"], "deleted": True}
    again = await run(query, "{ me { boardStars { idBoard } } }")
    assert board["id"] not in {s["idBoard"] for s in again["me"]["boardStars"]}


async def test_saved_searches(query: Query) -> None:
    created = await run(
        query,
        """mutation {
          createSavedSearch(input: {name: "Crashes", query: "crash is:open"}) { id name query }
        }""",
    )
    search = created["createSavedSearch"]
    updated = await run(
        query,
        'mutation($id: ID!) { updateSavedSearch(input: {id: $id, query: "crash"}) { query } }',
        id=search["id"],
    )
    assert updated["updateSavedSearch"] == {"query": "crash"}
    listed = await run(query, "{ me { savedSearches { name } } }")
    assert [s["name"] for s in listed["me"]["savedSearches"]] == [
        "My cards",
        "Due this week",
        "Crashes",
    ]
    await run(
        query, "mutation($id: ID!) { deleteSavedSearch(input: {id: $id}) { id } }", id=search["id"]
    )
    listed = await run(query, "{ me { savedSearches { name } } }")
    assert "Crashes" not in {s["name"] for s in listed["me"]["savedSearches"]}


async def test_backgrounds_stickers_messages_and_channel_settings(
    query: Query, sandbox: SandboxServer
) -> None:
    store = sandbox.store
    ada = store.main_member["id"]
    custom = next(b for b in store.data.backgrounds.values() if b["idMember"] == ada)
    default = next(b for b in store.data.backgrounds.values() if b["type"] == "default")
    sticker = next(iter(store.data.custom_stickers.values()))
    got = await run(
        query,
        """mutation($bg: ID!, $st: ID!) {
          bg: updateBoardBackground(input: {id: $bg, brightness: DARK}) { id brightness }
          custom: updateCustomBoardBackground(input: {id: $bg, tile: true}) { tile }
          sticker: deleteCustomSticker(input: {id: $st}) { id deleted }
          dismissed: dismissOneTimeMessage(input: {message: "close-menu-tip"}) {
            oneTimeMessagesDismissed
          }
          channel: updateNotificationChannelSettings(input: {
            channel: EMAIL, blockedKeys: [NOTIFICATION_CARD_DUE_SOON, NOTIFICATION_MOVED_CARD]
          }) { channel blockedKeys }
        }""",
        bg=custom["id"],
        st=sticker["id"],
    )
    assert got["bg"] == {"id": custom["id"], "brightness": "dark"}
    assert got["custom"] == {"tile": True}
    assert got["sticker"]["deleted"] is True
    assert got["dismissed"] == {"oneTimeMessagesDismissed": ["close-menu-tip"]}
    assert got["channel"] == {
        "channel": "email",
        "blockedKeys": ["notification_card_due_soon", "notification_moved_card"],
    }
    deleted = await run(
        query,
        "mutation($bg: ID!) { deleteCustomBoardBackground(input: {id: $bg}) { id } }",
        bg=custom["id"],
    )
    assert deleted["deleteCustomBoardBackground"] == {"id": custom["id"]}
    read = await run(query, "{ me { customBoardBackgrounds { id } customStickers { id } } }")
    assert read["me"] == {"customBoardBackgrounds": [], "customStickers": []}
    trellos = "mutation($bg: ID!) { deleteBoardBackground(input: {id: $bg}) { id } }"
    (error,) = errors_of(await query(trellos, {"bg": default["id"]}))
    assert error["extensions"]["code"] == "FORBIDDEN"


async def test_reactions(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Product Launch")
    comment = next(a for a in store.actions_of_board(board["id"]) if a["type"] == "commentCard")
    added = await run(
        query,
        """mutation($a: ID!) { addReaction(input: {idAction: $a, shortName: "tada"}) {
          id idEmoji emoji { native shortName } member { username }
        } }""",
        a=comment["id"],
    )
    reaction = added["addReaction"]
    assert reaction["emoji"] == {"native": "🎉", "shortName": "tada"}
    assert reaction["member"] == {"username": "ada"}
    read = await run(
        query, "query($a: ID!) { action(id: $a) { reactions { id } } }", a=comment["id"]
    )
    assert {"id": reaction["id"]} in read["action"]["reactions"]
    taken = await run(
        query,
        """mutation($a: ID!, $r: ID!) {
          deleteReaction(input: {idAction: $a, id: $r}) { id deleted }
        }""",
        a=comment["id"],
        r=reaction["id"],
    )
    assert taken["deleteReaction"] == {"id": reaction["id"], "deleted": True}
    (error,) = errors_of(
        await query(
            'mutation($a: ID!) { addReaction(input: {idAction: $a, shortName: "no-such"}) { id } }',
            {"a": comment["id"]},
        )
    )
    assert error["extensions"]["code"] == "BAD_REQUEST"
    sandbox.stats.reset()
    (error,) = errors_of(
        await query(
            "mutation($a: ID!) { addReaction(input: {idAction: $a}) { id } }", {"a": comment["id"]}
        )
    )
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input"}
    assert sandbox.stats.count() == 0
    theirs = next(
        r for r in store.data.reactions.values() if r["idMember"] != store.main_member["id"]
    )
    (error,) = errors_of(
        await query(
            "mutation($a: ID!, $r: ID!) { deleteReaction(input: {idAction: $a, id: $r}) { id } }",
            {"a": theirs["idModel"], "r": theirs["id"]},
        )
    )
    assert error["extensions"]["code"] == "FORBIDDEN"
