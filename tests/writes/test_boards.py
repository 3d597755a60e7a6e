"""Board mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from tests.reads.helpers import as_member
from trelloql.sandbox import SandboxServer

BOARD = """query($id: ID!) { board(id: $id) {
  id name desc closed idOrganization prefs { permissionLevel voting comments cardAging hideVotes }
  labelNames { green red sky } lists { name } labels { color name }
  memberships { idMember memberType unconfirmed member { username fullName } }
} }"""


async def test_create_update_close_reopen_delete(query: Query, sandbox: SandboxServer) -> None:
    prefs = {"permissionLevel": "PRIVATE", "voting": "MEMBERS", "cardAging": "PIRATE"}
    new = {"name": "Roadmap 2027", "desc": "Next year", "idOrganization": "analyticalengines"}
    created = await run(
        query,
        """mutation($input: CreateBoardInput!) { createBoard(input: $input) {
          id name desc idOrganization prefs { permissionLevel voting cardAging }
          lists { name } labels { color } memberships { memberType member { username } }
        } }""",
        input={**new, "prefs": prefs},
    )
    board = created["createBoard"]
    assert board["prefs"] == {
        "permissionLevel": "private",
        "voting": "members",
        "cardAging": "pirate",
    }
    assert [lst["name"] for lst in board["lists"]] == ["To Do", "Doing", "Done"]
    assert [label["color"] for label in board["labels"]] == [
        "GREEN", "YELLOW", "ORANGE", "RED", "PURPLE", "BLUE",
    ]  # fmt: skip
    assert board["memberships"] == [{"memberType": "admin", "member": {"username": "ada"}}]
    assert board["idOrganization"] == sandbox.store.org_by_name["analyticalengines"]["id"]

    changes = {
        "id": board["id"], "name": "Roadmap 2027 (draft)", "desc": "",
        "prefs": {"comments": "DISABLED", "hideVotes": True, "calendarFeedEnabled": True},
        "labelNames": {"green": "Done", "sky": "Later"},
    }  # fmt: skip
    updated = await run(
        query,
        """mutation($input: UpdateBoardInput!) { updateBoard(input: $input) {
          name desc prefs { comments hideVotes calendarFeedEnabled } labelNames { green sky }
        } }""",
        input=changes,
    )
    assert updated["updateBoard"] == {
        "name": "Roadmap 2027 (draft)", "desc": "",
        "prefs": {"comments": "disabled", "hideVotes": True, "calendarFeedEnabled": True},
        "labelNames": {"green": "Done", "sky": "Later"},
    }  # fmt: skip
    read = (await run(query, BOARD, id=board["id"]))["board"]
    assert {"color": "SKY", "name": "Later"} in read["labels"]

    closed = await run(
        query, "mutation($id: ID!) { closeBoard(input: {id: $id}) { closed } }", id=board["id"]
    )
    assert closed["closeBoard"] == {"closed": True}
    reopened = await run(
        query, "mutation($id: ID!) { reopenBoard(input: {id: $id}) { closed } }", id=board["id"]
    )
    assert reopened["reopenBoard"] == {"closed": False}

    deleted = await run(
        query, "mutation($id: ID!) { deleteBoard(input: {id: $id}) { id deleted } }", id=board["id"]
    )
    assert deleted["deleteBoard"] == {"id": board["id"], "deleted": True}
    (error,) = errors_of(await query(BOARD, {"id": board["id"]}))
    assert error["extensions"]["code"] == "NOT_FOUND"


async def test_copy_a_board_with_its_cards(query: Query, sandbox: SandboxServer) -> None:
    source = sandbox.store.board_by_name("Personal")
    created = await run(
        query,
        """mutation($src: ID!) {
          createBoard(input: {name: "Personal copy", idBoardSource: $src, keepFromSource: CARDS}) {
            id lists(filter: ALL) { name } cards(filter: ALL) { name }
          }
        }""",
        src=source["id"],
    )
    copy = created["createBoard"]
    store = sandbox.store
    assert [x["name"] for x in copy["lists"]] == [x["name"] for x in store.lists_of(source["id"])]
    assert sorted(c["name"] for c in copy["cards"]) == sorted(
        c["name"] for c in store.cards_of_board(source["id"])
    )


async def test_members_and_roles(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    grace = sandbox.store.by_username["grace"]["id"]
    added = await run(
        query,
        """mutation($b: ID!, $m: ID!) {
          addMemberToBoard(input: {idBoard: $b, idMember: $m, type: OBSERVER}) {
            memberships { id idMember memberType }
          }
        }""",
        b=board["id"],
        m=grace,
    )
    membership = next(m for m in added["addMemberToBoard"]["memberships"] if m["idMember"] == grace)
    assert membership["memberType"] == "observer"
    changed = await run(
        query,
        """mutation($b: ID!, $ms: ID!) {
          updateBoardMembership(input: {idBoard: $b, idMembership: $ms, type: ADMIN}) {
            id memberType member { username }
          }
        }""",
        b=board["id"],
        ms=membership["id"],
    )
    assert changed["updateBoardMembership"] == {
        "id": membership["id"], "memberType": "admin", "member": {"username": "grace"},
    }  # fmt: skip
    invited = await run(
        query,
        """mutation($b: ID!) {
          inviteMemberToBoard(
            input: {idBoard: $b, email: "ida@example.org", fullName: "Ida Rhodes"}
          ) {
            memberships { unconfirmed memberType member { fullName } }
          }
        }""",
        b=board["id"],
    )
    assert {"unconfirmed": True, "memberType": "normal", "member": {"fullName": "Ida Rhodes"}} in (
        invited["inviteMemberToBoard"]["memberships"]
    )
    removed = await run(
        query,
        """mutation($b: ID!, $m: ID!) {
          removeMemberFromBoard(input: {idBoard: $b, idMember: $m}) { members { username } }
        }""",
        b=board["id"],
        m=grace,
    )
    assert "grace" not in {m["username"] for m in removed["removeMemberFromBoard"]["members"]}


async def test_own_settings_views_collections_and_power_ups(
    query: Query, sandbox: SandboxServer
) -> None:
    store = sandbox.store
    board = store.board_by_name("Product Launch")
    tag = next(t for t in store.data.tags.values() if t["name"] == "Launches")
    calendar = next(p for p in store.data.plugins.values() if p["name"] == "Calendar")
    github = next(p for p in store.data.plugins.values() if p["name"] == "GitHub")
    lst = store.lists_of(board["id"])[1]
    got = await run(
        query,
        """mutation($b: ID!, $tag: ID!, $cal: ID!, $gh: ID!, $list: ID!) {
          prefs: updateMyBoardPrefs(input: {idBoard: $b, showSidebar: false}) { showSidebar }
          email: updateMyBoardPrefs(input: {idBoard: $b, idEmailList: $list}) { idEmailList }
          viewed: markBoardAsViewed(input: {id: $b}) { dateLastView }
          collected: addBoardToCollection(input: {idBoard: $b, idTag: $tag}) { idTags }
          enabled: enableBoardPlugin(input: {idBoard: $b, idPlugin: $gh}) { plugin { name } }
          disabled: disableBoardPlugin(input: {idBoard: $b, idPlugin: $cal}) { plugins { name } }
          calendar: generateBoardCalendarKey(input: {id: $b}) { id }
          emailKey: generateBoardEmailKey(input: {id: $b}) { id }
        }""",
        b=board["id"], tag=tag["id"], cal=calendar["id"], gh=github["id"], list=lst["id"],
    )  # fmt: skip
    assert got["prefs"] == {"showSidebar": False}
    assert got["email"] == {"idEmailList": lst["id"]}
    assert got["viewed"]["dateLastView"] > board["dateLastActivity"]
    assert got["collected"] == {"idTags": [tag["id"]]}
    assert got["enabled"] == {"plugin": {"name": "GitHub"}}
    assert [p["name"] for p in got["disabled"]["plugins"]] == ["Custom Fields", "GitHub"]
    assert board["calendarKey"]
    assert board["emailKey"]
    read = await run(
        query,
        "query($b: ID!) { board(id: $b) { myPrefs { showSidebar idEmailList } } }",
        b=board["id"],
    )
    assert read["board"]["myPrefs"] == {"showSidebar": False, "idEmailList": lst["id"]}


async def test_input_errors_make_no_call(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    cases = [
        ('createBoard(input: {name: ""}) { id }', "input.name"),
        ('createBoard(input: {name: "x", prefs: {hideVotes: true}}) { id }',
         "input.prefs.hideVotes"),
        (f'updateBoard(input: {{id: "{board["id"]}", prefs: {{background: ""}}}}) {{ id }}',
         "input.prefs.background"),
        (f'updateMyBoardPrefs(input: {{idBoard: "{board["id"]}"}}) {{ showSidebar }}', "input"),
        (f'updateMyBoardPrefs(input: {{idBoard: "{board["id"]}", showSidebar: true, '
         'showSidebarMembers: true}) { showSidebar }', "input"),
        (f'inviteMemberToBoard(input: {{idBoard: "{board["id"]}", email: "nobody"}}) {{ id }}',
         "input.email"),
        ('addMemberToBoard(input: {idBoard: "not a board", idMember: "x"}) { id }',
         "input.idBoard"),
    ]  # fmt: skip
    sandbox.stats.reset()
    for mutation, field in cases:
        (error,) = errors_of(await query(f"mutation {{ {mutation} }}"))
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, mutation
    assert sandbox.stats.count() == 0


async def test_trellos_own_errors(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    rename = 'mutation($id: ID!) { updateBoard(input: {id: $id, name: "Mine now"}) { name } }'
    (error,) = errors_of(await query(rename, {"id": "0" * 24}))
    assert error["extensions"]["code"] == "NOT_FOUND"
    (error,) = errors_of(await query(rename, {"id": board["id"]}, headers=as_member("alan")))
    assert error["extensions"]["code"] == "FORBIDDEN"
    ada = sandbox.store.main_member["id"]
    remove = """mutation($b: ID!, $m: ID!) {
      removeMemberFromBoard(input: {idBoard: $b, idMember: $m}) { id }
    }"""
    (error,) = errors_of(await query(remove, {"b": board["id"], "m": ada}))
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert sandbox.store.board(board["id"])["name"] == "Product Launch"


async def test_a_board_whose_answer_is_lost_is_created_once(
    query: Query, sandbox: SandboxServer
) -> None:
    sandbox.config.drop_write_responses = True
    (error,) = errors_of(await query('mutation { createBoard(input: {name: "Only once"}) { id } }'))
    assert error["extensions"]["code"] == "UPSTREAM_ERROR"
    assert len(sandbox.stats.writes()) == 1
    assert [b["name"] for b in sandbox.store.data.boards.values()].count("Only once") == 1
