"""The parameters of a write, from wherever Trello accepts them: query, form or JSON body."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .errors import TrelloError

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def as_param(value: Any) -> str:
    """A JSON value as the string Trello reads from a query string (``true``, ``null``, ``a,b``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(as_param(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value)
    return str(value)


async def write_params(request: web.Request) -> dict[str, str]:
    """Query parameters overlaid with the body's, every value as a string.

    Trello reads a write's parameters from the query string, a form body or a JSON object
    body alike; a JSON value is read as its query-string spelling (see ``as_param``).
    """
    params = dict(request.query)
    if not request.can_read_body:
        return params
    if request.content_type == "application/json":
        try:
            body = json.loads(await request.text() or "{}")
        except ValueError:
            raise TrelloError(400, "invalid JSON body") from None
        if not isinstance(body, dict):
            raise TrelloError(400, "invalid JSON body")
        params.update({str(key): as_param(value) for key, value in body.items()})
    elif request.content_type in FORM_TYPES:
        form = await request.post()
        params.update({key: value for key, value in form.items() if isinstance(value, str)})
    return params
