"""Nested resources as query parameters and as URL paths."""

from __future__ import annotations

from sandbox_testkit import Api

from trelloql.sandbox import SandboxServer


async def test_board_with_lists_cards_and_card_subresources(
    api: Api, server: SandboxServer
) -> None:
    store = server.store
    board = store.board_by_name("Product Launch")
    body = await api.ok(
        f"/boards/{board['id']}", fields="name", lists="all", list_fields="name,closed",
        cards="visible", card_fields="name,idList,pos", card_members="true",
        card_member_fields="username", card_attachments="true", card_attachment_fields="name",
        card_checklists="all", card_checklist_fields="name",
    )  # fmt: skip
    assert [lst["name"] for lst in body["lists"]] == [
        "Ideas", "Backlog", "In Progress", "Review", "Launched",
    ]  # fmt: skip
    assert set(body["lists"][0]) == {"id", "name", "closed"}
    assert body["lists"][0]["closed"] is True
    closed_list = body["lists"][0]["id"]
    assert all(card["idList"] != closed_list for card in body["cards"])
    expected = [
        c["id"] for c in store.cards_of_board(board["id"])
        if not c["closed"] and c["idList"] != closed_list
    ]  # fmt: skip
    assert [card["id"] for card in body["cards"]] == expected
    sample = body["cards"][0]
    assert set(sample) == {"id", "name", "idList", "pos", "members", "attachments", "checklists"}
    with_members = [c for c in body["cards"] if c["members"]]
    assert with_members
    assert all(set(m) == {"id", "username"} for m in with_members[0]["members"])
    with_files = [c for c in body["cards"] if c["attachments"]]
    assert with_files
    assert set(with_files[0]["attachments"][0]) == {"id", "name"}
    with_checklists = [c for c in body["cards"] if c["checklists"]]
    assert with_checklists
    checklist = with_checklists[0]["checklists"][0]
    assert set(checklist) == {"id", "name", "checkItems"}
    assert {"id", "idChecklist", "name", "state", "pos"} <= set(checklist["checkItems"][0])


async def test_board_card_filters(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Product Launch")
    counts = {}
    for value in ("all", "open", "closed", "visible"):
        counts[value] = len(await api.ok(f"/boards/{board['id']}/cards/{value}", fields="name"))
    assert counts["all"] == counts["open"] + counts["closed"]
    assert counts["visible"] < counts["open"]
    assert counts["closed"] >= 1
    assert len(await api.ok(f"/boards/{board['id']}/cards")) == counts["visible"]
    reply = await api.get(f"/boards/{board['id']}/cards/sideways")
    assert (reply.status, reply.text) == (400, "invalid value for filter")


async def test_board_members_labels_checklists_org_actions(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Bug Triage")
    body = await api.ok(
        f"/boards/{board['id']}", fields="name", members="admins", labels="all",
        label_fields="name,color", labels_limit="4", checklists="all", organization="true",
        actions="commentCard,createCard", actions_limit="5", action_fields="type,data,date",
        action_memberCreator_fields="username", memberships="all", memberships_member="true",
        boardStars="mine", myPrefs="true",
    )  # fmt: skip
    assert [m["username"] for m in body["members"]] == ["grace"]
    assert set(body["members"][0]) == {"id", "avatarHash", "fullName", "initials", "username"}
    assert len(body["labels"]) == 4
    assert set(body["labels"][0]) == {"id", "name", "color"}
    assert all("checkItems" in cl for cl in body["checklists"])
    assert body["organization"]["name"] == "compilerguild"
    assert set(body["organization"]) == {"id", "name", "displayName"}
    assert len(body["actions"]) == 5
    assert {a["type"] for a in body["actions"]} <= {"commentCard", "createCard"}
    assert set(body["actions"][0]) == {"id", "type", "data", "date", "memberCreator"}
    assert set(body["actions"][0]["memberCreator"]) == {"id", "username"}
    dates = [a["date"] for a in body["actions"]]
    assert dates == sorted(dates, reverse=True)
    assert {m["member"]["username"] for m in body["memberships"]} == {"grace", "ada", "alan"}
    assert body["boardStars"] == []
    assert "showSidebar" in body["myPrefs"]


async def test_board_collections_by_path(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Personal")
    lists = await api.ok(f"/boards/{board['shortLink']}/lists", cards="open", card_fields="name")
    assert [lst["name"] for lst in lists] == ["To Do", "Doing", "Done"]
    assert all(set(card) == {"id", "name"} for lst in lists for card in lst["cards"])
    members = await api.ok(f"/boards/{board['id']}/members")
    assert members == [{"id": server.store.main_member["id"], "fullName": "Ada Lovelace",
                        "username": "ada"}]  # fmt: skip
    assert len(await api.ok(f"/boards/{board['id']}/labels")) == 6
    assert await api.ok(f"/boards/{board['id']}/checklists")
    stars = await api.ok(f"/boards/{board['id']}/boardStars")
    assert [s["idBoard"] for s in stars] == [board["id"]]


async def test_board_actions_paging_and_bounds(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Product Launch")
    path = f"/boards/{board['id']}/actions"
    first = await api.ok(path, limit="10")
    second = await api.ok(path, limit="10", page="1")
    assert len(first) == len(second) == 10
    assert first[-1]["date"] >= second[0]["date"]
    older = await api.ok(path, before=first[4]["id"], limit="3")
    assert [a["id"] for a in older] == [a["id"] for a in first[5:8]]
    since = await api.ok(path, since=first[3]["date"], limit="50")
    assert {a["id"] for a in since} <= {a["id"] for a in first[:3]}
    moves = await api.ok(path, filter="updateCard:idList", limit="1000")
    assert moves
    assert all("listAfter" in a["data"] for a in moves)
    assert (await api.get(path, limit="1001")).status == 400
    assert (await api.get(path, filter="eatCard")).status == 400


async def test_card_nested_params(api: Api, server: SandboxServer) -> None:
    store = server.store
    card = next(
        c for c in store.data.cards.values()
        if c["idMembers"] and store.checklists_of_card(c["id"]) and store.attachments_of(c["id"])
        and any(a["type"] == "commentCard" for a in store.actions_of_card(c["id"]))
    )  # fmt: skip
    body = await api.ok(
        f"/cards/{card['shortLink']}", fields="name,badges", members="true",
        member_fields="fullName", checklists="all", checklist_fields="name",
        attachments="true", attachment_fields="name,url,mimeType,bytes,date",
        actions="commentCard", actions_limit="2", action_memberCreator_fields="username",
        board="true", board_fields="name", list="true", list_fields="name",
        stickers="true", checkItemStates="true",
    )  # fmt: skip
    assert body["id"] == card["id"]
    assert [m["id"] for m in body["members"]] == card["idMembers"]
    assert set(body["members"][0]) == {"id", "fullName"}
    assert body["checklists"][0]["checkItems"]
    assert body["badges"]["checkItems"] == sum(len(cl["checkItems"]) for cl in body["checklists"])
    assert body["badges"]["attachments"] == len(body["attachments"])
    assert all(a["type"] == "commentCard" and "text" in a["data"] for a in body["actions"])
    assert body["actions"][0]["memberCreator"].keys() == {"id", "username"}
    assert body["board"] == {
        "id": card["idBoard"],
        "name": store.data.boards[card["idBoard"]]["name"],
    }
    assert body["list"]["id"] == card["idList"]
    assert body["stickers"] == [] or "image" in body["stickers"][0]
    assert isinstance(body["checkItemStates"], list)


async def test_card_collections_by_path(api: Api, server: SandboxServer) -> None:
    store = server.store
    card = next(c for c in store.data.cards.values() if store.attachments_of(c["id"]))
    cid = card["id"]
    assert len(await api.ok(f"/cards/{cid}/attachments")) == len(store.attachments_of(cid))
    assert (await api.ok(f"/cards/{cid}/board"))["id"] == card["idBoard"]
    assert (await api.ok(f"/cards/{cid}/list", fields="name"))["id"] == card["idList"]
    assert [m["id"] for m in await api.ok(f"/cards/{cid}/members")] == card["idMembers"]
    checklists = await api.ok(f"/cards/{cid}/checklists", checkItems="none")
    assert all("checkItems" not in cl for cl in checklists)
    actions = await api.ok(f"/cards/{cid}/actions")
    assert all(a["type"] in ("commentCard", "updateCard") for a in actions)
    every = await api.ok(f"/cards/{cid}/actions", filter="all")
    assert "createCard" in {a["type"] for a in every}


async def test_card_labels_are_embedded(api: Api, server: SandboxServer) -> None:
    card = next(c for c in server.store.data.cards.values() if len(c["idLabels"]) >= 2)
    body = await api.ok(f"/cards/{card['id']}", fields="labels,idLabels")
    assert [label["id"] for label in body["labels"]] == card["idLabels"]
    assert set(body["labels"][0]) == {"id", "idBoard", "name", "color", "uses"}


async def test_member_nested_params(api: Api, server: SandboxServer) -> None:
    body = await api.ok(
        "/members/ada", fields="username", boards="open", board_fields="name,closed",
        board_lists="open", organizations="all", organization_fields="name",
        cards="open", card_fields="name,idMembers",
    )  # fmt: skip
    assert body["username"] == "ada"
    names = {b["name"] for b in body["boards"]}
    assert names == {"Product Launch", "Bug Triage", "Personal"}
    assert all(b["lists"] and not any(lst["closed"] for lst in b["lists"]) for b in body["boards"])
    assert {o["name"] for o in body["organizations"]} == {"analyticalengines", "compilerguild"}
    ada = server.store.main_member["id"]
    assert body["cards"]
    assert all(ada in c["idMembers"] for c in body["cards"])


async def test_member_boards_filters(api: Api, server: SandboxServer) -> None:
    async def names(value: str) -> set[str]:
        return {b["name"] for b in await api.ok("/members/me/boards", filter=value, fields="name")}

    assert await names("closed") == {"Conference Talk 2023"}
    assert await names("starred") == {"Product Launch", "Personal"}
    assert await names("organization") == {"Product Launch", "Bug Triage"}
    assert await names("members") == {"Personal", "Conference Talk 2023"}
    assert len(await names("all")) == 4
    boards = await api.ok("/members/me/boards", lists="all", organization="true", fields="name")
    assert all("lists" in b and "organization" in b for b in boards)
    assert (await api.get("/members/me/boards", filter="weird")).status == 400


async def test_member_organizations_and_cards(api: Api, server: SandboxServer) -> None:
    orgs = await api.ok("/members/me/organizations", fields="name,displayName")
    assert [o["displayName"] for o in orgs] == ["Analytical Engines", "Compiler Guild"]
    public = await api.ok("/members/me/organizations", filter="public", fields="name")
    assert [o["name"] for o in public] == ["compilerguild"]
    cards = await api.ok("/members/me/cards", filter="all", fields="idMembers")
    ada = server.store.main_member["id"]
    assert cards
    assert all(ada in c["idMembers"] for c in cards)


async def test_list_nested_params(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Product Launch")
    lst = server.store.list_by_name(board["id"], "Launched")
    body = await api.ok(
        f"/lists/{lst['id']}", board="true", board_fields="name", cards="all", card_fields="name"
    )
    assert body["board"] == {"id": board["id"], "name": "Product Launch"}
    assert len(body["cards"]) == 5
    open_cards = await api.ok(f"/lists/{lst['id']}/cards", fields="closed")
    assert len(open_cards) == 4
    assert not any(c["closed"] for c in open_cards)
    assert (await api.ok(f"/lists/{lst['id']}/board", fields="name"))["name"] == "Product Launch"


async def test_organization_nested_params(api: Api, server: SandboxServer) -> None:
    org = server.store.org_by_name["analyticalengines"]
    body = await api.ok(
        f"/organizations/{org['id']}", fields="displayName", boards="open",
        board_fields="name", members="all", member_fields="username",
    )  # fmt: skip
    assert body["displayName"] == "Analytical Engines"
    assert {b["name"] for b in body["boards"]} == {"Product Launch", "Engine Hiring Plan"}
    assert {m["username"] for m in body["members"]} == {"ada", "alan", "katherine", "margaret"}
    boards = await api.ok("/organizations/analyticalengines/boards", filter="all", fields="name")
    assert len(boards) == 2
    members = await api.ok("/organizations/analyticalengines/members", filter="admins")
    assert [m["username"] for m in members] == ["ada"]


async def test_checklist_label_action_routes(api: Api, server: SandboxServer) -> None:
    store = server.store
    checklist = next(iter(store.data.checklists.values()))
    body = await api.ok(
        f"/checklists/{checklist['id']}", checkItem_fields="name,state", cards="all",
        card_fields="name",
    )  # fmt: skip
    assert set(body["checkItems"][0]) == {"id", "idChecklist", "name", "state"}
    assert body["cards"][0]["id"] == checklist["idCard"]
    items = await api.ok(f"/checklists/{checklist['id']}/checkItems", fields="state")
    assert {i["state"] for i in items} <= {"complete", "incomplete"}
    label = store.labels_of(checklist["idBoard"])[0]
    assert (await api.ok(f"/labels/{label['id']}"))["color"] == label["color"]
    comment = next(a for a in store.data.actions.values() if a["type"] == "commentCard")
    action = await api.ok(f"/actions/{comment['id']}", memberCreator_fields="fullName")
    assert action["data"]["text"] == comment["data"]["text"]
    assert set(action["memberCreator"]) == {"id", "fullName"}
    creator = await api.ok(f"/actions/{comment['id']}/memberCreator", fields="username")
    assert creator["id"] == comment["idMemberCreator"]
    added = next(a for a in store.data.actions.values() if a["type"] == "addMemberToCard")
    assert (await api.ok(f"/actions/{added['id']}"))["member"]["id"] == added["idMember"]
