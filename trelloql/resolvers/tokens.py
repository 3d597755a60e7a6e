"""The token of this request (`/tokens/{token}...`), and tokens listed on a member.

Trello names the token in the path of these routes. So that the secret never shows up as a
path that observers, metrics or logs see, each of these reads is sent as the one URL of a
`/batch` call (observers see `/batch`), and any error message is scrubbed of the token.
Tokens listed by `Member.tokens` carry no secret: their member and webhooks come from
`/members/{idMember}`, the webhooks Trello embeds, and `/webhooks/{id}`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from trelloql.context import RequestContext
from trelloql.resolvers.base import Args, Graph, checked_id
from trelloql.resolvers.lookups import Lookup, lookup_resolver
from trelloql.selection import selected_names
from trelloql.trello.client import encode_url
from trelloql.trello.errors import TrelloError

OWN = "__own_token"
"""Marks the token object of this request (a key no GraphQL field can have)."""


@dataclass(frozen=True)
class TokenRead(Lookup):
    """A read of `/tokens/{token}...` for the request's own token.

    `other` answers the field on a token that is not the request's (listed on a member):
    a Lookup to follow, or None to read the field from the token object itself.
    """

    other: Lookup | None = None
    local: tuple[str, ...] = ("token",)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.other is not None and not self.is_root:
            extra = tuple(n for n in self.other.requires if n not in self.requires)
            object.__setattr__(self, "requires", (*self.requires, *extra))


def request_token(ctx: RequestContext) -> str:
    """The Trello token this request runs with (the caller's Bearer token or the default)."""
    return ctx.client.token


async def read_own(ctx: RequestContext, path: str, params: dict[str, str]) -> Any:
    """GET a `/tokens/{token}` path as the one URL of a `/batch` call."""
    token = request_token(ctx)
    url = encode_url(path.format(token=quote(token, safe="")), params)
    try:
        (result,) = await ctx.client.batch([url])
    except TrelloError as error:
        raise _scrubbed(error, token) from None
    if isinstance(result, TrelloError):
        raise _scrubbed(result, token)
    return result


def _scrubbed(error: TrelloError, token: str) -> TrelloError:
    """The error with the token taken out of its message."""
    error.message = error.message.replace(token, "<token>")
    error.args = (error.message,)
    return error


def token_resolver(graph: Graph, mapping: TokenRead) -> Callable[..., Any]:
    """The resolver of a TokenRead: own token through /batch, others through `other`."""
    other = lookup_resolver(graph, mapping.other) if mapping.other is not None else None

    async def resolve(parent: Any, args: dict[str, Any], ctx: RequestContext, info: Any) -> Any:
        if not mapping.is_root and not (isinstance(parent, dict) and parent.get(OWN)):
            if other is not None:
                return await other(parent, args, ctx, info)
            return parent.get(info.field_nodes[0].name.value) or []
        values = {name: checked_id(str(args[name]), name) for name in mapping.from_args}
        path = mapping.path.replace("{token}", "{{token}}").format(**values)
        params = dict(mapping.params(args))
        if mapping.fields_param is not None:
            selected = selected_names(info.field_nodes, info.fragments)
            fields = graph.trello_fields(mapping.type_name, selected)
            params[mapping.fields_param] = ",".join(sorted(fields))
        reply = await read_own(ctx, path, params)
        return mapping.answer(reply, args, parent)

    return resolve


def _mark_own(reply: Any, _args: Args, _parent: Any) -> Any:
    return {**reply, OWN: True} if isinstance(reply, dict) else reply


MAPPINGS = [
    TokenRead("Query.token", "/tokens/{token}", "Token", answer=_mark_own),
    TokenRead(
        "Token.member",
        "/tokens/{token}/member",
        "Member",
        other=Lookup("Token.member", "/members/{idMember}", "Member"),
    ),
    TokenRead("Token.webhooks", "/tokens/{token}/webhooks", "Webhook", fields_param=None),
    TokenRead(
        "Token.webhook",
        "/tokens/{token}/webhooks/{idWebhook}",
        "Webhook",
        from_args=("idWebhook",),
        fields_param=None,
        other=Lookup(
            "Token.webhook",
            "/webhooks/{idWebhook}",
            "Webhook",
            from_args=("idWebhook",),
            fields_param=None,
        ),
    ),
]
