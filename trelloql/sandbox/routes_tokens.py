"""``/tokens/{token}``: a token's grant, member and webhooks; ``/members/{id}/tokens``."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .errors import not_found, unauthorized
from .fields import project
from .nested import fields_of
from .params import flag
from .records import find, own_member, owned, public
from .routes_webhooks import of_token, render
from .routing import Router
from .seed import Record
from .views import member_view


def _grant(ctx: Ctx) -> Record:
    """The token record named in the path; only its own member may read it."""
    secret = ctx.params["token"]
    for grant in ctx.store.data.tokens.values():
        if grant["secret"] == secret:
            if grant["idMember"] != ctx.viewer:
                raise unauthorized()
            return grant
    raise not_found()


def _render(ctx: Ctx, grant: Record, fields: tuple[str, ...], webhooks: bool) -> Record:
    out = project(public(grant, "secret"), fields)
    if webhooks:
        out["webhooks"] = of_token(ctx, grant["secret"])
    return out


def get_token(ctx: Ctx) -> dict[str, Any]:
    """``GET /tokens/{token}`` with ``fields`` and ``webhooks``."""
    grant = _grant(ctx)
    return _render(ctx, grant, fields_of(ctx, "fields", "token"), flag(ctx, "webhooks"))


def get_token_member(ctx: Ctx) -> dict[str, Any]:
    """``GET /tokens/{token}/member``."""
    member = ctx.store.data.members[_grant(ctx)["idMember"]]
    return project(member_view(ctx.store, member, ctx.viewer), fields_of(ctx, "fields", "member"))


def get_token_webhooks(ctx: Ctx) -> list[Record]:
    """``GET /tokens/{token}/webhooks``."""
    return of_token(ctx, _grant(ctx)["secret"])


def get_token_webhook(ctx: Ctx) -> dict[str, Any]:
    """``GET /tokens/{token}/webhooks/{idWebhook}``."""
    grant = _grant(ctx)
    hook = find(ctx.store.data.webhooks, ctx.params["webhook"])
    if hook["token"] != grant["secret"]:
        raise not_found()
    return render(hook)


def get_member_tokens(ctx: Ctx) -> list[Record]:
    """``GET /members/{id}/tokens`` with ``webhooks``."""
    member = own_member(ctx)
    webhooks = flag(ctx, "webhooks")
    fields = fields_of(ctx, "fields", "token")
    return [_render(ctx, g, fields, webhooks) for g in owned(ctx.store.data.tokens, member["id"])]


def register(router: Router) -> None:
    """Add the token routes."""
    router.add("/tokens/{token}", get_token)
    router.add("/tokens/{token}/member", get_token_member)
    router.add("/tokens/{token}/webhooks", get_token_webhooks)
    router.add("/tokens/{token}/webhooks/{webhook}", get_token_webhook)
    router.add("/members/{member}/tokens", get_member_tokens)
