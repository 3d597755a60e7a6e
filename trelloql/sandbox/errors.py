"""Trello-shaped error responses."""

from __future__ import annotations

from typing import Any

from aiohttp import web

NOT_FOUND = "The requested resource was not found."
UNAUTHORIZED = "unauthorized permission requested"


class TrelloError(Exception):
    """An error response: plain text like Trello's, or a JSON body when ``body`` is not a str."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(f"{status} {body}")
        self.status = status
        self.body = body

    def response(self) -> web.Response:
        """Render as an aiohttp response."""
        if isinstance(self.body, str):
            return web.Response(status=self.status, text=self.body)
        return web.json_response(self.body, status=self.status)


def invalid_id() -> TrelloError:
    """400 for a malformed id in a path."""
    return TrelloError(400, "invalid id")


def not_found() -> TrelloError:
    """404 for a well-formed id that names nothing."""
    return TrelloError(404, NOT_FOUND)


def unauthorized() -> TrelloError:
    """401 for a resource the token's member may not read."""
    return TrelloError(401, UNAUTHORIZED)


def invalid_value(param: str) -> TrelloError:
    """400 for a query parameter with a value Trello does not accept."""
    return TrelloError(400, f"invalid value for {param}")


def no_route(method: str, path: str) -> TrelloError:
    """404 for a path no route matches, worded like Trello's Express stack."""
    return TrelloError(404, f"Cannot {method} {path}")
