"""Every root field and edge of the core graph, answered from the sandbox over HTTP."""

from typing import Any

from tests.conftest import Query
from trelloql.sandbox import SandboxServer


def names(items: list[dict[str, Any]]) -> list[str]:
    return [item["name"] for item in items]


async def test_me_and_member_by_username_and_id(query: Query, sandbox: SandboxServer) -> None:
    ada = sandbox.store.main_member
    grace = sandbox.store.by_username["grace"]
    result = await query(
        """query($id: ID!) {
          me { id username fullName initials idBoards idOrganizations }
          grace: member(id: "grace") { id fullName }
          byId: member(id: $id) { username }
        }""",
        {"id": grace["id"]},
    )
    assert "errors" not in result
    data = result["data"]
    assert data["me"]["id"] == ada["id"]
    assert data["me"]["fullName"] == "Ada Lovelace"
    assert set(data["me"]["idBoards"]) == {
        b["id"] for b in sandbox.store.boards_of_member(ada["id"])
    }
    assert data["grace"] == {"id": grace["id"], "fullName": grace["fullName"]}
    assert data["byId"] == {"username": "grace"}


async def test_member_boards_organizations_cards(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    ada = store.main_member
    result = await query(
        """{ me {
          all: boards { name closed }
          open: boards(filter: OPEN) { name }
          starred: boards(filter: STARRED) { name }
          organizations { name displayName }
          cards(filter: ALL) { id }
        } }"""
    )
    assert "errors" not in result
    me = result["data"]["me"]
    all_boards = store.boards_of_member(ada["id"])
    assert names(me["all"]) == names(all_boards)
    assert names(me["open"]) == [b["name"] for b in all_boards if not b["closed"]]
    assert set(names(me["starred"])) == {"Product Launch", "Personal"}
    assert names(me["organizations"]) == names(store.orgs_of_member(ada["id"]))
    assert {c["id"] for c in me["cards"]} == {c["id"] for c in store.cards_of_member(ada["id"])}


async def test_board_by_id_and_short_link(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    result = await query(
        """query($id: ID!, $link: ID!) {
          a: board(id: $id) { id name desc closed url shortUrl shortLink starred idOrganization
                              dateLastActivity prefs { permissionLevel background } }
          b: board(id: $link) { id }
        }""",
        {"id": board["id"], "link": board["shortLink"]},
    )
    assert "errors" not in result
    a = result["data"]["a"]
    assert a["id"] == result["data"]["b"]["id"] == board["id"]
    assert a["name"] == "Product Launch"
    assert a["shortLink"] == board["shortLink"]
    assert a["prefs"]["permissionLevel"] == "org"


async def test_board_edges(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Product Launch")
    result = await query(
        """query($id: ID!) { board(id: $id) {
          lists { name }
          allLists: lists(filter: ALL) { name closed }
          cards { id idList }
          members { username }
          labels { name color }
          checklists { name idCard }
          organization { name displayName }
          actions(limit: 5) { id type date memberCreator { username } }
          comments: actions(filter: ["commentCard"], limit: 3) { type data }
        } }""",
        {"id": board["id"]},
    )
    assert "errors" not in result
    got = result["data"]["board"]
    lists = store.lists_of(board["id"])
    assert names(got["lists"]) == [x["name"] for x in lists if not x["closed"]]
    assert "Ideas" in names(got["allLists"])
    assert [c["id"] for c in got["cards"]] == [
        c["id"] for c in store.cards_of_board(board["id"]) if not c["closed"]
    ]
    assert {m["username"] for m in got["members"]} == {"ada", "alan", "katherine", "margaret"}
    labels = store.labels_of(board["id"])
    assert [lab["color"] for lab in got["labels"]] == [
        lab["color"].upper() if lab["color"] else None for lab in labels
    ]
    assert len(got["checklists"]) == len(store.checklists_of_board(board["id"]))
    assert got["organization"]["displayName"] == "Analytical Engines"
    assert len(got["actions"]) == 5
    assert all(a["memberCreator"]["username"] for a in got["actions"])
    assert {a["type"] for a in got["comments"]} == {"commentCard"}
    assert all("text" in a["data"] for a in got["comments"])


async def test_list_and_its_edges(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    board = store.board_by_name("Bug Triage")
    lst = store.lists_of(board["id"])[0]
    result = await query(
        """query($id: ID!) { list(id: $id) {
          id name closed pos idBoard board { name } cards { name idList }
        } }""",
        {"id": lst["id"]},
    )
    assert "errors" not in result
    got = result["data"]["list"]
    assert got["name"] == lst["name"]
    assert got["board"] == {"name": "Bug Triage"}
    assert names(got["cards"]) == [
        c["name"] for c in store.cards_of_list(lst["id"]) if not c["closed"]
    ]
    assert {c["idList"] for c in got["cards"]} == {lst["id"]}


async def test_card_by_short_link_with_every_edge(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    card = store.card_by_name("Pricing FAQ")
    result = await query(
        """query($id: ID!) { card(id: $id) {
          id name desc due dueComplete start pos url shortLink idBoard idList idMembers idLabels
          badges { comments attachments checkItems checkItemsChecked }
          board { name } list { name }
          members { username } labels { id color }
          checklists { name checkItems { name state pos } card { name } }
          attachments { name url mimeType bytes date }
          comments { type data memberCreator { fullName } }
        } }""",
        {"id": card["shortLink"]},
    )
    assert "errors" not in result
    got = result["data"]["card"]
    assert got["id"] == card["id"]
    assert got["board"]["name"] == store.board(card["idBoard"])["name"]
    assert got["list"]["name"] == store.list_(card["idList"])["name"]
    assert [m["username"] for m in got["members"]] == [
        store.member(m)["username"] for m in card["idMembers"]
    ]
    assert [lab["id"] for lab in got["labels"]] == card["idLabels"]
    checklists = store.checklists_of_card(card["id"])
    assert names(got["checklists"]) == names(checklists)
    states = {i["state"] for c in got["checklists"] for i in c["checkItems"]}
    assert states <= {"COMPLETE", "INCOMPLETE"}
    assert all(c["card"]["name"] == "Pricing FAQ" for c in got["checklists"])
    assert names(got["attachments"]) == names(store.attachments_of(card["id"]))
    comments = [a for a in store.actions_of_card(card["id"]) if a["type"] == "commentCard"]
    assert len(got["comments"]) == len(comments)
    assert got["badges"]["comments"] == len(comments)


async def test_organization_label_checklist_action(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    org = store.org_by_name["compilerguild"]
    board = store.board_by_name("Bug Triage")
    label = store.labels_of(board["id"])[0]
    checklist = store.checklists_of_board(board["id"])[0]
    action = store.actions_of_board(board["id"])[0]
    result = await query(
        """query($org: ID!, $label: ID!, $checklist: ID!, $action: ID!) {
          byName: organization(id: "compilerguild") { id }
          organization(id: $org) { name displayName desc url website
                                   boards { name } members { username } }
          label(id: $label) { id name color idBoard }
          checklist(id: $checklist) { id name idCard checkItems { name } card { id } }
          action(id: $action) { id type idMemberCreator memberCreator { id } }
        }""",
        {
            "org": org["id"],
            "label": label["id"],
            "checklist": checklist["id"],
            "action": action["id"],
        },
    )
    assert "errors" not in result
    data = result["data"]
    assert data["byName"]["id"] == org["id"]
    assert names(data["organization"]["boards"]) == names(store.boards_of_org(org["id"]))
    assert data["label"]["idBoard"] == board["id"]
    assert data["checklist"]["card"]["id"] == checklist["idCard"]
    assert data["action"]["memberCreator"]["id"] == action["idMemberCreator"]
