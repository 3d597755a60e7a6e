"""``/webhooks/{id}``: webhooks belong to the token that made them."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .errors import unauthorized
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


def register(router: Router) -> None:
    """Add the webhook routes."""
    router.add("/webhooks/{webhook}", get_webhook)
