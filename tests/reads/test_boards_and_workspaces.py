"""Board and workspace reads: memberships, stars, own prefs, Power-Ups, collections, exports."""

from __future__ import annotations

from tests.conftest import Query
from tests.reads.helpers import as_member, data
from trelloql.sandbox import SandboxServer


async def test_board_memberships_stars_prefs_and_creator(
    query: Query, sandbox: SandboxServer
) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    result = await query(
        """query($id: ID!) { board(id: $id) {
          idMemberCreator memberCreator { username }
          labelNames { green yellow purple pink }
          memberships { memberType unconfirmed deactivated member { username } }
          admins: memberships(filter: ADMINS) { idMember }
          boardStars { idBoard pos }
          myPrefs { showSidebar showSidebarActivity emailPosition idEmailList }
        } }""",
        {"id": board["id"]},
    )
    got = data(result)["board"]
    assert got["memberCreator"] == {"username": "ada"}
    assert got["labelNames"] == {
        "green": "Marketing",
        "yellow": "Design",
        "purple": "",
        "pink": "",
    }
    assert [(m["member"]["username"], m["memberType"]) for m in got["memberships"]] == [
        ("ada", "admin"),
        ("alan", "normal"),
        ("katherine", "normal"),
        ("margaret", "normal"),
    ]
    assert got["admins"] == [{"idMember": sandbox.store.main_member["id"]}]
    assert [s["idBoard"] for s in got["boardStars"]] == [board["id"]]
    assert got["myPrefs"]["emailPosition"] == "bottom"


async def test_board_power_ups(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Bug Triage")
    result = await query(
        """query($id: ID!) { board(id: $id) {
          plugins { name capabilities icon { url } }
          available: plugins(filter: AVAILABLE) { name }
          boardPlugins { idBoard plugin { name author public } }
          cards(filter: ALL) { name pluginData { scope value plugin { name } } }
        } }""",
        {"id": board["id"]},
    )
    got = data(result)["board"]
    assert [p["name"] for p in got["plugins"]] == ["Custom Fields", "GitHub"]
    assert [p["name"] for p in got["available"]] == ["Calendar", "Card Repeater"]
    assert [bp["plugin"]["name"] for bp in got["boardPlugins"]] == ["Custom Fields", "GitHub"]
    data_cards = [c for c in got["cards"] if c["pluginData"]]
    assert data_cards
    assert all(d["plugin"]["name"] == "GitHub" for c in data_cards for d in c["pluginData"])
    assert all("issues" in d["value"] for c in data_cards for d in c["pluginData"])


async def test_workspace_memberships_collections_exports_guests(
    query: Query, sandbox: SandboxServer
) -> None:
    store = sandbox.store
    org = store.org_by_name["compilerguild"]
    board = store.board_by_name("Product Launch")
    membership = org["memberships"][1]
    result = await query(
        """query($m: ID!, $board: ID!) {
          compilers: organization(id: "compilerguild") {
            idMemberCreator idBoards prefs { permissionLevel externalMembersDisabled }
            memberships { memberType member { username } }
            admins: memberships(filter: ADMIN) { idMember }
            membership(idMembership: $m) { id idMember member { username } }
            tags { name }
            newBillableGuests(idBoard: $board) { username }
          }
          engines: organization(id: "analyticalengines") {
            exports { status { finished stage } size exportUrl startedAt }
            pluginData { scope value }
            guests: newBillableGuests(idBoard: $board) { username }
          }
        }""",
        {"m": membership["id"], "board": board["id"]},
    )
    got = data(result)
    compilers = got["compilers"]
    assert compilers["prefs"]["permissionLevel"] == "public"
    assert [m["member"]["username"] for m in compilers["memberships"]] == [
        "grace",
        "ada",
        "alan",
    ]
    assert compilers["admins"] == [{"idMember": store.by_username["grace"]["id"]}]
    assert compilers["membership"]["member"]["username"] == "ada"
    assert compilers["tags"] == [{"name": "Releases"}]
    assert {m["username"] for m in compilers["newBillableGuests"]} == {"katherine", "margaret"}
    engines = got["engines"]
    assert engines["exports"][0]["status"] == {"finished": True, "stage": "Export_completed"}
    assert engines["pluginData"] == [{"scope": "organization", "value": '{"weekStart":1}'}]
    assert engines["guests"] == []


async def test_a_private_workspaces_extras_are_forbidden_to_outsiders(query: Query) -> None:
    result = await query(
        '{ organization(id: "analyticalengines") { tags { id } } }', headers=as_member("grace")
    )
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
