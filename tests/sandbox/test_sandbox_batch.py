"""``GET /1/batch``."""

from __future__ import annotations

from multidict import MultiDict
from sandbox_testkit import GRACE, Api

from trelloql.sandbox import SandboxServer
from trelloql.sandbox.routes_batch import split_urls


async def test_batch_results_in_order_with_mixed_statuses(api: Api, server: SandboxServer) -> None:
    board = server.store.board_by_name("Bug Triage")
    private = server.store.board_by_name("Compiler Roadmap 2025")
    urls = [
        "/members/me?fields=username",
        f"/boards/{board['id']}/lists?fields=name",
        "/cards/nope",
        "/boards/0123456789abcdef01234567",
        f"/boards/{private['id']}",
        "/nowhere",
    ]
    reply = await api.get("/batch", urls=",".join(urls))
    assert reply.status == 200
    body = reply.json
    assert [next(iter(item)) for item in body] == ["200", "200", "400", "404", "401", "404"]
    assert body[0]["200"]["username"] == "ada"
    assert [lst["name"] for lst in body[1]["200"]] == [
        "Incoming",
        "Confirmed",
        "Fixing",
        "Verified",
    ]
    assert body[2]["400"] == "invalid id"
    assert body[4]["401"] == "unauthorized permission requested"
    assert body[5]["404"] == "Cannot GET /1/nowhere"


async def test_batch_uses_the_callers_token(api: Api, server: SandboxServer) -> None:
    private = server.store.board_by_name("Compiler Roadmap 2025")
    reply = await api.get("/batch", token=GRACE, urls=f"/members/me,/boards/{private['id']}")
    assert [next(iter(item)) for item in reply.json] == ["200", "200"]
    assert reply.json[0]["200"]["username"] == "grace"


async def test_batch_commas_inside_a_query_and_missing_slashes(
    api: Api, server: SandboxServer
) -> None:
    board = server.store.board_by_name("Personal")
    reply = await api.get("/batch", urls=f"/boards/{board['id']}?fields=name,closed,/members/me")
    assert reply.json[0]["200"] == {"id": board["id"], "name": "Personal", "closed": False}
    assert reply.json[1]["200"]["username"] == "ada"
    reply = await api.get("/batch", urls=f"members/me,boards/{board['shortLink']}")
    assert [item["200"]["id"] for item in reply.json] == [
        server.store.main_member["id"],
        board["id"],
    ]


async def test_batch_limits(api: Api, server: SandboxServer) -> None:
    reply = await api.get("/batch", urls=",".join(["/members/me"] * 11))
    assert reply.status == 400
    assert "10" in reply.text
    assert (await api.get("/batch", urls=",".join(["/members/me"] * 10))).status == 200
    assert (await api.get("/batch")).text == "invalid value for urls"
    nested = await api.get("/batch", urls="/batch?urls=/members/me,/members/me")
    assert next(iter(nested.json[0])) == "400"


async def test_batch_counts_once_per_request_and_once_per_url_in_units(
    api: Api, server: SandboxServer
) -> None:
    server.stats.reset()
    reply = await api.get("/batch", urls="/members/me,/members/grace,/members/alan")
    assert reply.headers["x-rate-limit-api-token-remaining"] == "97"
    await api.get("/members/me")
    assert server.stats.count() == 2
    assert server.stats.count("/1/batch") == 1
    assert server.stats.units() == 4
    assert server.stats.requests[0].batch_urls == ["/members/me", "/members/grace", "/members/alan"]
    assert server.stats.requests[1].batch_urls is None


def test_split_urls() -> None:
    query = MultiDict([("urls", "/a?fields=x,y,/b"), ("urls", "c,/d")])
    assert split_urls(query) == ["/a?fields=x,y", "/b", "/c", "/d"]
    assert split_urls({"urls": "members/me"}) == ["/members/me"]
    assert split_urls({}) == []
