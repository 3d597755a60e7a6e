"""Workspace mutations through GraphQL over HTTP, read back through GraphQL."""

from __future__ import annotations

from tests.conftest import Query
from tests.mutations.conftest import errors_of, run
from tests.reads.helpers import as_member
from trelloql.sandbox import SandboxServer


async def test_create_update_delete(query: Query, sandbox: SandboxServer) -> None:
    created = await run(
        query,
        """mutation { createOrganization(input: {
          displayName: "Difference Engines", desc: "Gears", website: "https://engines.example.com"
        }) { id name displayName desc website memberships { memberType member { username } } } }""",
    )
    org = created["createOrganization"]
    assert org["name"] == "differenceengines"
    assert org["memberships"] == [{"memberType": "admin", "member": {"username": "ada"}}]
    prefs = {
        "permissionLevel": "PUBLIC", "externalMembersDisabled": True,
        "associatedDomain": "engines.example.com", "orgInviteRestrict": "example.com",
        "boardVisibilityRestrict": {"public": "ADMIN"},
    }  # fmt: skip
    updated = await run(
        query,
        """mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
          name displayName prefs { permissionLevel externalMembersDisabled associatedDomain
                                   orgInviteRestrict boardVisibilityRestrict }
        } }""",
        input={
            "id": org["id"],
            "name": "diffengines",
            "displayName": "Difference Engines Ltd",
            "prefs": prefs,
        },
    )
    got = updated["updateOrganization"]
    assert (got["name"], got["displayName"]) == ("diffengines", "Difference Engines Ltd")
    assert got["prefs"]["permissionLevel"] == "public"
    assert got["prefs"]["orgInviteRestrict"] == ["example.com"]
    assert got["prefs"]["boardVisibilityRestrict"]["public"] == "admin"
    cleared = await run(
        query,
        """mutation($id: ID!) {
          domain: removeOrganizationAssociatedDomain(input: {id: $id}) {
            prefs { associatedDomain }
          }
          restrict: removeOrganizationInviteRestriction(input: {id: $id}) {
            prefs { orgInviteRestrict }
          }
          logo: removeOrganizationLogo(input: {id: $id}) { id }
        }""",
        id=org["id"],
    )
    assert cleared["domain"] == {"prefs": {"associatedDomain": None}}
    assert cleared["restrict"] == {"prefs": {"orgInviteRestrict": []}}
    deleted = await run(
        query,
        "mutation($id: ID!) { deleteOrganization(input: {id: $id}) { id deleted } }",
        id=org["id"],
    )
    assert deleted["deleteOrganization"] == {"id": org["id"], "deleted": True}
    (error,) = errors_of(await query('{ organization(id: "diffengines") { id } }'))
    assert error["extensions"]["code"] == "NOT_FOUND"


async def test_members_roles_and_deactivation(query: Query, sandbox: SandboxServer) -> None:
    store = sandbox.store
    grace = store.by_username["grace"]["id"]
    alan = store.by_username["alan"]["id"]
    members = "memberships { idMember memberType deactivated }"
    got = await run(
        query,
        f"""mutation($grace: ID!, $alan: ID!) {{
          added: addMemberToOrganization(
            input: {{idOrganization: "analyticalengines", idMember: $grace, type: ADMIN}}
          ) {{ {members} }}
          off: setOrganizationMemberDeactivated(
            input: {{idOrganization: "analyticalengines", idMember: $alan, deactivated: true}}
          ) {{ {members} }}
          invited: inviteMemberToOrganization(input: {{
            idOrganization: "analyticalengines", email: "mary@example.com",
            fullName: "Mary Somerville"
          }}) {{ members {{ fullName }} }}
        }}""",
        grace=grace,
        alan=alan,
    )
    assert {"idMember": grace, "memberType": "admin", "deactivated": False} in got["added"][
        "memberships"
    ]
    assert {"idMember": alan, "memberType": "normal", "deactivated": True} in got["off"][
        "memberships"
    ]
    assert "Mary Somerville" in {m["fullName"] for m in got["invited"]["members"]}
    launch = store.board_by_name("Product Launch")
    katherine = store.by_username["katherine"]["id"]
    removed = await run(
        query,
        """mutation($alan: ID!, $kat: ID!) {
          one: removeMemberFromOrganization(
            input: {idOrganization: "analyticalengines", idMember: $alan}
          ) {
            members { username }
          }
          all: removeMemberFromOrganizationAndBoards(
            input: {idOrganization: "analyticalengines", idMember: $kat}
          ) { members { username } }
        }""",
        alan=alan,
        kat=katherine,
    )
    assert "alan" not in {m["username"] for m in removed["one"]["members"]}
    assert "katherine" not in {m["username"] for m in removed["all"]["members"]}
    board_members = {m["idMember"] for m in store.board(launch["id"])["memberships"]}
    assert alan in board_members
    assert katherine not in board_members


async def test_collections_and_exports(query: Query, sandbox: SandboxServer) -> None:
    board = sandbox.store.board_by_name("Product Launch")
    got = await run(
        query,
        """mutation {
          createOrganizationTag(input: {idOrganization: "analyticalengines", name: "2027"}) {
          id name
        } exportOrganization(input: {id: "analyticalengines", attachments: false}) {
          id status { finished stage }
        } }""",
    )
    tag = got["createOrganizationTag"]
    assert tag["name"] == "2027"
    assert got["exportOrganization"]["status"] == {"finished": False, "stage": "Export_queued"}
    await run(
        query,
        """mutation($b: ID!, $t: ID!) {
          addBoardToCollection(input: {idBoard: $b, idTag: $t}) { id }
        }""",
        b=board["id"],
        t=tag["id"],
    )
    deleted = await run(
        query,
        """mutation($t: ID!) {
          deleteOrganizationTag(input: {idOrganization: "analyticalengines", idTag: $t}) {
            id deleted
          }
        }""",
        t=tag["id"],
    )
    assert deleted["deleteOrganizationTag"] == {"id": tag["id"], "deleted": True}
    read = await run(
        query,
        """query($b: ID!) {
          organization(id: "analyticalengines") { tags { name } exports { status { stage } } }
          board(id: $b) { idTags }
        }""",
        b=board["id"],
    )
    assert {t["name"] for t in read["organization"]["tags"]} == {"Launches", "Hiring"}
    assert len(read["organization"]["exports"]) == 2
    assert read["board"]["idTags"] == []


async def test_workspace_input_and_trello_errors(query: Query, sandbox: SandboxServer) -> None:
    sandbox.stats.reset()
    for mutation, field in (
        ('createOrganization(input: {displayName: ""}) { id }', "input.displayName"),
        ('createOrganization(input: {displayName: "A", name: "No Caps"}) { id }', "input.name"),
        ('createOrganization(input: {displayName: "A", website: "ftp://x"}) { id }',
         "input.website"),
        ('inviteMemberToOrganization(input: {idOrganization: "x", email: "x@", fullName: "X"})'
         ' { id }',
         "input.email"),
    ):  # fmt: skip
        (error,) = errors_of(await query(f"mutation {{ {mutation} }}"))
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert sandbox.stats.count() == 0
    taken = (
        'mutation { createOrganization(input: {displayName: "X", name: "compilerguild"}) { id } }'
    )
    (error,) = errors_of(await query(taken))
    assert error["extensions"]["code"] == "BAD_REQUEST"
    rename = 'mutation { updateOrganization(input: {id: "compilerguild", desc: "mine"}) { id } }'
    (error,) = errors_of(await query(rename))
    assert error["extensions"]["code"] == "FORBIDDEN"
    (error,) = errors_of(await query(rename, headers=as_member("margaret")))
    assert error["extensions"]["code"] == "FORBIDDEN"
