"""Enterprises: the entry point, its admins, and the edges from members and workspaces."""

from __future__ import annotations

from tests.conftest import Query
from tests.reads.helpers import as_member, data, error_codes, trello_calls
from trelloql.sandbox import SandboxServer


async def test_enterprise_and_its_edges(query: Query, sandbox: SandboxServer) -> None:
    (enterprise,) = sandbox.store.data.enterprises.values()
    result = await query(
        """query($id: ID!) {
          enterprise(id: $id) { name displayName enterpriseDomains admins { username } }
          me { idEnterprise enterprise { id } }
          organization(id: "analyticalengines") { enterprise { displayName } }
        }""",
        {"id": enterprise["id"]},
    )
    got = data(result)
    assert got["enterprise"]["name"] == "babbageandco"
    assert got["enterprise"]["admins"] == [{"username": "ada"}]
    assert got["me"] == {"idEnterprise": enterprise["id"], "enterprise": {"id": enterprise["id"]}}
    assert got["organization"]["enterprise"] == {"displayName": "Babbage & Co."}


async def test_no_enterprise_is_null_without_a_call(query: Query, sandbox: SandboxServer) -> None:
    sandbox.stats.reset()
    result = await query('{ organization(id: "compilerguild") { enterprise { id } } }')
    assert data(result) == {"organization": {"enterprise": None}}
    assert not any("/enterprises" in url for url in trello_calls(sandbox))


async def test_outsiders_may_not_see_an_enterprise(query: Query, sandbox: SandboxServer) -> None:
    (enterprise,) = sandbox.store.data.enterprises.values()
    text = "query($id: ID!) { enterprise(id: $id) { id } }"
    result = await query(text, {"id": enterprise["id"]}, headers=as_member("grace"))
    assert error_codes(result) == ["FORBIDDEN"]
    result = await query(text, {"id": "0123456789abcdef01234567"})
    assert error_codes(result) == ["NOT_FOUND"]
