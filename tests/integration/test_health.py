"""Liveness and readiness."""

from aiohttp.test_utils import TestClient

from trelloql.keys import LIFECYCLE


async def test_healthz(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_readyz_flips_when_draining(client: TestClient) -> None:
    ready = await client.get("/readyz")
    assert ready.status == 200
    assert (await ready.json())["status"] == "ready"
    client.app[LIFECYCLE].draining = True
    draining = await client.get("/readyz")
    assert draining.status == 503
    assert (await draining.json())["checks"]["draining"] is True
