"""Liveness and readiness endpoints."""

from __future__ import annotations

from aiohttp import web

from trelloql.keys import LIFECYCLE, SESSION


async def healthz(_request: web.Request) -> web.Response:
    """Alive: the process answers."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Ready: engine cooked, upstream session open, not draining."""
    app = request.app
    lifecycle = app[LIFECYCLE]
    session = app.get(SESSION)
    checks = {
        "engine": bool(getattr(app["ttftt_engine"], "_cooked", False)),
        "session": session is not None and not session.closed,
        "draining": lifecycle.draining,
    }
    ready = checks["engine"] and checks["session"] and lifecycle.serving and not lifecycle.draining
    return web.json_response(
        {"status": "ready" if ready else "unready", "checks": checks}, status=200 if ready else 503
    )


def add_health_routes(app: web.Application) -> None:
    """Mount /healthz and /readyz."""
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
