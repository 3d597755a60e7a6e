"""A member's private and personal reads: stars, searches, settings, tokens, assets."""

from __future__ import annotations

from tests.conftest import Query
from tests.reads.helpers import as_member, data
from trelloql.sandbox import SandboxServer


async def test_own_member_details(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    ada = store.main_member
    star = ada["boardStars"][0]
    search = next(s for s in store.data.saved_searches.values() if s["idMember"] == ada["id"])
    result = await query(
        """query($star: ID!, $search: ID!) { me {
          email prefs { locale timezone colorBlind }
          boardStars { id idBoard pos board { name } }
          boardStar(idStar: $star) { id board { id } }
          savedSearches { name query pos }
          savedSearch(idSearch: $search) { id name query }
          notificationChannelSettings { channel blockedKeys idMember }
          notificationChannelSetting(channel: EMAIL) { channel }
          tokens { identifier dateExpires permissions { modelType idModel read write }
                   member { username } webhooks { description } }
        } }""",
        {"star": star["id"], "search": search["id"]},
    )
    me = data(result)["me"]
    assert me["email"] == "ada@example.com"
    assert me["prefs"]["locale"] == "en-GB"
    assert [s["idBoard"] for s in me["boardStars"]] == [s["idBoard"] for s in ada["boardStars"]]
    assert me["boardStars"][0]["board"]["name"] == "Product Launch"
    assert me["boardStar"] == {"id": star["id"], "board": {"id": star["idBoard"]}}
    assert [s["name"] for s in me["savedSearches"]] == ["My cards", "Due this week"]
    assert me["savedSearch"] == {
        "id": search["id"],
        "name": search["name"],
        "query": search["query"],
    }
    assert me["notificationChannelSettings"] == [
        {"channel": "email", "blockedKeys": [], "idMember": ada["id"]}
    ]
    assert me["notificationChannelSetting"] == {"channel": "email"}
    assert {t["identifier"] for t in me["tokens"]} == {"trelloql sandbox", "Butler automation"}
    sandbox_token = next(t for t in me["tokens"] if t["identifier"] == "trelloql sandbox")
    assert sandbox_token["member"] == {"username": "ada"}
    assert {w["description"] for w in sandbox_token["webhooks"]} == {
        "Launch board to chat",
        "Card watcher",
    }


async def test_backgrounds_emoji_and_stickers(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    ada = store.main_member["id"]
    custom = next(b for b in store.data.backgrounds.values() if b["idMember"] == ada)
    emoji = next(e for e in store.data.custom_emoji.values() if e["name"] == "shipit")
    sticker = next(iter(store.data.custom_stickers.values()))
    result = await query(
        """query($bg: ID!, $emoji: ID!, $sticker: ID!) { me {
          all: boardBackgrounds { id type }
          defaults: boardBackgrounds(filter: DEFAULT) { id brightness }
          custom: boardBackgrounds(filter: CUSTOM) { id fullSizeUrl scaled { width height url } }
          boardBackground(idBackground: $bg) { id tile }
          customBoardBackgrounds { id }
          customBoardBackground(idBackground: $bg) { id type }
          customEmoji { name url }
          customEmojiById(idEmoji: $emoji) { name }
          customStickers { id url }
          customSticker(idSticker: $sticker) { id scaled { width } }
        } }""",
        {"bg": custom["id"], "emoji": emoji["id"], "sticker": sticker["id"]},
    )
    me = data(result)["me"]
    assert {b["type"] for b in me["all"]} == {"default", "custom", "premium"}
    assert len(me["defaults"]) == 9
    assert me["custom"] == [
        {"id": custom["id"], "fullSizeUrl": custom["fullSizeUrl"], "scaled": custom["scaled"]}
    ]
    assert me["boardBackground"] == {"id": custom["id"], "tile": False}
    assert me["customBoardBackgrounds"] == [{"id": custom["id"]}]
    assert me["customBoardBackground"] == {"id": custom["id"], "type": "custom"}
    assert [e["name"] for e in me["customEmoji"]] == ["parrot", "shipit"]
    assert me["customEmojiById"] == {"name": "shipit"}
    assert me["customStickers"] == [{"id": sticker["id"], "url": sticker["url"]}]
    assert me["customSticker"] == {"id": sticker["id"], "scaled": [{"width": 64}]}


async def test_invitations_are_listed_for_the_invited_member(query: Query) -> None:
    margaret = data(await query("{ me { boardsInvited { name } } }", headers=as_member("margaret")))
    katherine = data(
        await query(
            "{ me { organizationsInvited { name displayName } } }",
            headers=as_member("katherine"),
        )
    )
    assert margaret["me"]["boardsInvited"] == [{"name": "Bug Triage"}]
    assert katherine["me"]["organizationsInvited"] == [
        {"name": "compilerguild", "displayName": "Compiler Guild"}
    ]


async def test_another_members_private_lists_are_forbidden(query: Query) -> None:
    fields = ("savedSearches", "tokens", "notifications", "customEmoji", "boardStars")
    aliases = " ".join(f'{f}: member(id: "grace") {{ {f} {{ id }} }}' for f in fields)
    result = await query(f"{{ {aliases} }}")
    assert result["data"]["boardStars"] == {"boardStars": []}
    forbidden = {e["path"][0] for e in result["errors"] if e["extensions"]["code"] == "FORBIDDEN"}
    assert forbidden == set(fields) - {"boardStars"}


async def test_unknown_and_malformed_sub_resource_ids(query: Query) -> None:
    result = await query(
        """{ me {
          missing: savedSearch(idSearch: "5f0c1a2b3c4d5e6f7a8b9c0d") { id }
          malformed: boardStar(idStar: "not-a-star") { id }
        } }"""
    )
    codes = {e["path"][-1]: e["extensions"]["code"] for e in result["errors"]}
    assert codes == {"missing": "NOT_FOUND", "malformed": "BAD_REQUEST"}
