"""``/webhooks``: read, create, update, delete; webhooks belong to the token that made them."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .context import Ctx
from .errors import TrelloError, invalid_value, unauthorized
from .inputs import boolean, object_id, text, web_url
from .records import find, public
from .routing import Router
from .seed import Record


def webhook(ctx: Ctx, ref: str) -> Record:
    """A webhook made with the request's token (401 for another token's)."""
    found = find(ctx.store.data.webhooks, ref)
    if found["token"] != ctx.identity.token:
        raise unauthorized()
    return found


def render(hook: Record) -> Record:
    """A webhook as Trello sends it (without the owning token)."""
    return public(hook, "token")


def of_token(ctx: Ctx, token: str) -> list[Record]:
    """The webhooks made with ``token``."""
    return [render(h) for h in ctx.store.data.webhooks.values() if h["token"] == token]


def get_webhook(ctx: Ctx) -> dict[str, Any]:
    """``GET /webhooks/{id}``."""
    return render(webhook(ctx, ctx.params["webhook"]))


def _model(ctx: Ctx, ref: str) -> str:
    """The id of a model the token can read: a board, card, list, member or workspace."""
    data = ctx.store.data
    key = ref.lower()
    lookups = (
        (data.boards, ctx.board), (data.cards, ctx.card), (data.lists, ctx.list_),
        (data.members, ctx.member), (data.organizations, ctx.organization),
    )  # fmt: skip
    for table, lookup in lookups:
        if key in table:
            return str(lookup(key)["id"])
    raise invalid_value("idModel")


def _callback(ctx: Ctx, required: bool) -> str | None:
    """A callback URL; Trello's HEAD check fails for hosts under ``.invalid``."""
    url = web_url(ctx, "callbackURL")
    if url is None and required:
        raise invalid_value("callbackURL")
    if url is not None and (urlsplit(url).hostname or "").endswith(".invalid"):
        raise TrelloError(400, "URL (" + url + ") did not return 200 status code, got 404")
    return url


def create_webhook(ctx: Ctx) -> dict[str, Any]:
    """``POST /webhooks/`` with ``idModel``, ``callbackURL``, ``description``, ``active``."""
    model = _model(ctx, object_id(ctx, "idModel") or "")
    callback = _callback(ctx, required=True)
    description = text(ctx, "description") or ""
    active = boolean(ctx, "active")
    store = ctx.store
    hooks = store.data.webhooks.values()
    token = ctx.identity.token
    if any((h["token"], h["idModel"], h["callbackURL"]) == (token, model, callback) for h in hooks):
        raise TrelloError(400, "A webhook with that callback, model, and token already exists")
    hook: Record = {
        "id": store.mint("webhook"), "description": description, "idModel": model,
        "callbackURL": callback, "active": True if active is None else active,
        "consecutiveFailures": 0, "firstConsecutiveFailDate": None, "token": token,
    }  # fmt: skip
    store.data.webhooks[hook["id"]] = hook
    return render(hook)


def update_webhook(ctx: Ctx) -> dict[str, Any]:
    """``PUT /webhooks/{id}``: any of ``idModel``, ``callbackURL``, ``description``, ``active``."""
    hook = webhook(ctx, ctx.params["webhook"])
    if "idModel" in ctx.query:
        hook["idModel"] = _model(ctx, object_id(ctx, "idModel") or "")
    callback = _callback(ctx, required=False)
    if callback is not None:
        hook["callbackURL"] = callback
    description = text(ctx, "description")
    if description is not None:
        hook["description"] = description
    active = boolean(ctx, "active")
    if active is not None:
        hook["active"] = active
        if active:
            hook["consecutiveFailures"], hook["firstConsecutiveFailDate"] = 0, None
    return render(hook)


def delete_webhook(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /webhooks/{id}``."""
    hook = webhook(ctx, ctx.params["webhook"])
    del ctx.store.data.webhooks[hook["id"]]
    return {"_value": None}


def register(router: Router) -> None:
    """Add the webhook routes."""
    router.add("/webhooks/{webhook}", get_webhook)
    router.add("/webhooks", create_webhook, method="POST")
    router.add("/webhooks/{webhook}", update_webhook, method="PUT")
    router.add("/webhooks/{webhook}", delete_webhook, method="DELETE")
