"""GraphiQL in headless Debian chromium, against the service backed by the sandbox Trello.

Run by `make browser-test` (TRELLOQL_BROWSER_TEST=1), not by the quick `make test`. The
browser reaches nothing but the service on 127.0.0.1: other hosts do not resolve, and any
request off that origin is aborted and fails the test. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Page, Request, Route, async_playwright

from tests.clients.service import running_service
from trelloql.graphiql import VENDOR_DIR, vendor_assets_present
from trelloql.sandbox import SANDBOX_TOKENS

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
TYPED_QUERY = "{ me { fullName boards { name } } }"
TIMEOUT_MS = 30_000

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("TRELLOQL_BROWSER_TEST") != "1",
        reason="browser test: run it with `make browser-test`",
    ),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is absent (Debian: apt-get install chromium)",
    ),
    pytest.mark.skipif(
        not vendor_assets_present(VENDOR_DIR),
        reason="GraphiQL assets are absent: `make graphiql-assets` needs npm",
    ),
]

# Records Content-Security-Policy violations, so that the test can show there are none.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
EDITOR_VALUE = "selector => document.querySelector(selector).CodeMirror.getValue()"


@pytest.fixture
async def service() -> AsyncIterator[TestServer]:
    """The service on 127.0.0.1 with GraphiQL on, backed by the sandbox."""
    async with running_service(graphiql=True) as server:
        yield server


async def _answer(service: TestServer, query: str, token: str | None = None) -> dict[str, Any]:
    """The service's own answer to `query`, to compare with what GraphiQL shows."""
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(service.make_url("/graphql"), json={"query": query}, headers=headers) as r,
    ):
        body = await r.json()
    assert "errors" not in body, body
    return body


async def _run_and_read(page: Page) -> dict[str, Any]:
    """Press GraphiQL's run button and return the JSON in the result pane."""
    result = page.locator(".result-window .CodeMirror")
    before = await page.evaluate(EDITOR_VALUE, ".result-window .CodeMirror")
    await page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    await page.wait_for_function(
        f"value => ({EDITOR_VALUE})('.result-window .CodeMirror') !== value && "
        f"({EDITOR_VALUE})('.result-window .CodeMirror') !== ''",
        arg=before,
        timeout=TIMEOUT_MS,
    )
    await result.wait_for()
    return json.loads(await page.evaluate(EDITOR_VALUE, ".result-window .CodeMirror"))


async def test_graphiql_explores_the_sandbox(service: TestServer, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    origin = str(service.make_url("/")).rstrip("/")
    off_origin: list[str] = []
    errors: list[str] = []

    async def only_the_service(route: Route, request: Request) -> None:
        if request.url.startswith(f"{origin}/") or request.url.startswith("data:"):
            await route.continue_()
        else:
            off_origin.append(request.url)
            await route.abort()

    async with async_playwright() as playwright:
        context = await playwright.chromium.launch_persistent_context(
            tmp_path / "profile",
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1600, "height": 1000},
        )
        try:
            await context.route("**/*", only_the_service)
            await context.add_init_script(RECORD_CSP_VIOLATIONS)
            page = context.pages[0] if context.pages else await context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))

            await page.goto(f"{origin}/graphiql")
            editor = page.locator(".graphiql-query-editor .CodeMirror")
            await editor.wait_for()

            # The default query, as loaded, runs against the sandbox.
            default_query = await page.evaluate(EDITOR_VALUE, ".graphiql-query-editor .CodeMirror")
            assert "fullName" in default_query
            assert await _run_and_read(page) == await _answer(service, default_query)

            # A query typed into the editor shows the sandbox's data in the result pane.
            await editor.click()
            await page.keyboard.press("Control+A")
            await page.keyboard.press("Delete")
            await page.keyboard.insert_text(TYPED_QUERY)
            typed = await page.evaluate(EDITOR_VALUE, ".graphiql-query-editor .CodeMirror")
            assert typed == TYPED_QUERY
            shown = await _run_and_read(page)
            assert shown == await _answer(service, TYPED_QUERY)
            assert shown["data"]["me"]["fullName"] == "Ada Lovelace"
            await page.get_by_text('"Ada Lovelace"').first.wait_for()
            await page.screenshot(path=ARTIFACTS / "graphiql-query.png")

            # The headers editor sends `Authorization: Bearer <token>` with the request.
            other_token = list(SANDBOX_TOKENS)[1]
            await page.get_by_role("button", name="Headers").click()
            headers_editor = page.locator(".graphiql-editor-tool .CodeMirror").last
            await headers_editor.click()
            await page.keyboard.insert_text(json.dumps({"Authorization": f"Bearer {other_token}"}))
            as_other = await _run_and_read(page)
            assert as_other == await _answer(service, TYPED_QUERY, token=other_token)
            assert as_other["data"]["me"]["fullName"] != "Ada Lovelace"
            await headers_editor.click()
            await page.keyboard.press("Control+A")
            await page.keyboard.press("Delete")
            assert await _run_and_read(page) == shown

            # The docs explorer opens on Query and shows the descriptions.
            await page.get_by_role("button", name="Show Documentation Explorer").click()
            explorer = page.locator(".graphiql-doc-explorer")
            await explorer.locator("a.graphiql-doc-explorer-type-name", has_text="Query").click()
            title = explorer.locator(".graphiql-doc-explorer-title")
            await title.get_by_text("Query", exact=True).wait_for()
            await explorer.get_by_text("The entry points of the Trello graph.").wait_for()
            await explorer.get_by_text("The member that owns the Trello token").wait_for()
            await page.screenshot(path=ARTIFACTS / "graphiql.png")

            assert errors == [], errors
            assert await page.evaluate("window.__cspViolations") == []

            # The page's CSP is in force: an inline script does not run, and is reported.
            ran = await page.evaluate(
                """() => {
                  const script = document.createElement("script");
                  script.textContent = "window.__inlineRan = true";
                  document.body.append(script);
                  return window.__inlineRan === true;
                }"""
            )
            assert ran is False
            await page.wait_for_function("window.__cspViolations.length > 0")
            violations = await page.evaluate("window.__cspViolations")
            assert violations == ["script-src-elem inline"], violations
        finally:
            await context.close()

    assert off_origin == [], "GraphiQL tried to load from outside the service's origin"
