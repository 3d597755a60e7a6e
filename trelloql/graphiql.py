"""GraphiQL at /graphiql, served from the service's own origin under a strict CSP.

The page loads GraphiQL 4 and React 18 from `static/graphiql/vendor/`, which
`scripts/fetch-graphiql` fills from the npm registry at build time. Without those files the
route serves tartiflette-aiohttp's own page (GraphiQL 0.14 from a public CDN) and logs a warning.
Every URL in the page is relative, so it also works behind a proxy that adds a path prefix.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from string import Template

from aiohttp import web
from tartiflette_aiohttp._graphiql import graphiql_handler as tartiflette_graphiql_handler

from trelloql.graphql_http import GRAPHQL_PATH
from trelloql.settings import Settings

logger = logging.getLogger(__name__)

GRAPHIQL_PATH = "/graphiql"
ASSETS_DIR = Path(__file__).resolve().parent / "static" / "graphiql"
VENDOR_DIR = ASSETS_DIR / "vendor"
VENDOR_FILES = (
    "graphiql.min.css",
    "graphiql.min.js",
    "react.production.min.js",
    "react-dom.production.min.js",
)
OWN_FILES = ("bootstrap.js", "page.css")


def content_security_policy(nonce: str) -> str:
    """Only this origin: scripts and styles from files, plus styles tagged with `nonce`.

    GraphiQL's stylesheet embeds its fonts and two small images as data: URIs, which load
    nothing from the network.
    """
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            f"style-src 'self' 'nonce-{nonce}'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def vendor_assets_present(vendor_dir: Path) -> bool:
    """True when every GraphiQL/React file the page loads is in `vendor_dir`."""
    return all((vendor_dir / name).is_file() for name in VENDOR_FILES)


def _json_for_html(value: object) -> str:
    """JSON that cannot end the <script> element it is embedded in."""
    text = json.dumps(value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page_handler(default_query: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    """The GraphiQL page; each response gets a fresh CSP nonce."""
    config = {"endpoint": GRAPHQL_PATH.lstrip("/"), "defaultQuery": default_query}
    template = Template((ASSETS_DIR / "index.html").read_text("utf-8"))
    values = {"config": _json_for_html(config), "endpoint": html.escape(GRAPHQL_PATH)}

    async def page(_request: web.Request) -> web.Response:
        nonce = secrets.token_urlsafe(18)
        return web.Response(
            text=template.substitute(values, nonce=nonce),
            content_type="text/html",
            headers={
                "Content-Security-Policy": content_security_policy(nonce),
                "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
            },
        )

    return page


async def _file(path: Path, _request: web.Request) -> web.FileResponse:
    return web.FileResponse(
        path,
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )


def _add_bundled(app: web.Application, default_query: str, vendor_dir: Path) -> None:
    app.router.add_get(GRAPHIQL_PATH, _page_handler(default_query))
    for name in OWN_FILES:
        app.router.add_get(f"{GRAPHIQL_PATH}/{name}", partial(_file, ASSETS_DIR / name))
    for name in VENDOR_FILES:
        app.router.add_get(f"{GRAPHIQL_PATH}/vendor/{name}", partial(_file, vendor_dir / name))


def _add_fallback(app: web.Application, default_query: str) -> None:
    options = {
        "endpoint": GRAPHQL_PATH,
        "is_subscription_enabled": "false",
        "subscription_ws_endpoint": "",
        "query": default_query,
        "variables": "",
        "headers": "{}",
        "http_method": "POST",
    }
    handler = partial(tartiflette_graphiql_handler, graphiql_options=options)
    app.router.add_get(GRAPHIQL_PATH, handler)


def add_graphiql_routes(
    app: web.Application,
    settings: Settings,
    default_query: str = "",
    vendor_dir: Path = VENDOR_DIR,
) -> None:
    """Serve GraphiQL at /graphiql unless TRELLOQL_GRAPHIQL=false."""
    if not settings.graphiql:
        return
    if vendor_assets_present(vendor_dir):
        _add_bundled(app, default_query, vendor_dir)
        return
    logger.warning(
        "GraphiQL assets not found in %s (run `make graphiql-assets`, which needs npm): "
        "%s serves tartiflette-aiohttp's GraphiQL 0.14 page, which loads from a public CDN",
        vendor_dir,
        GRAPHIQL_PATH,
    )
    _add_fallback(app, default_query)
