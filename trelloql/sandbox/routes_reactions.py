"""``/actions/{id}/reactions``, one reaction, and the per-emoji summary."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .errors import not_found
from .fields import MEMBER_MINI
from .nested import fields_of, render_members
from .params import flag
from .records import find
from .routing import Router
from .seed import Record


def _reactions(ctx: Ctx, action: Record) -> list[Record]:
    found = [r for r in ctx.store.data.reactions.values() if r["idModel"] == action["id"]]
    return sorted(found, key=lambda r: (r["date"], r["id"]))


def _render(ctx: Ctx, reaction: Record) -> Record:
    out = {key: value for key, value in reaction.items() if key != "date"}
    if not flag(ctx, "emoji", default=True):
        out.pop("emoji")
    if flag(ctx, "member", default=True):
        fields = fields_of(ctx, "member_fields", "member", MEMBER_MINI)
        out["member"] = render_members(ctx, [reaction["idMember"]], fields)[0]
    return out


def get_reactions(ctx: Ctx) -> list[Record]:
    """``GET /actions/{id}/reactions`` with ``member`` and ``emoji``."""
    action = ctx.action(ctx.params["action"])
    return [_render(ctx, r) for r in _reactions(ctx, action)]


def get_reaction(ctx: Ctx) -> dict[str, Any]:
    """``GET /actions/{id}/reactions/{idReaction}``."""
    action = ctx.action(ctx.params["action"])
    reaction = find(ctx.store.data.reactions, ctx.params["reaction"])
    if reaction["idModel"] != action["id"]:
        raise not_found()
    return _render(ctx, reaction)


def get_summary(ctx: Ctx) -> list[Record]:
    """``GET /actions/{id}/reactionsSummary``: one entry per emoji, in first-use order."""
    action = ctx.action(ctx.params["action"])
    summary: dict[str, Record] = {}
    for reaction in _reactions(ctx, action):
        entry = summary.get(reaction["idEmoji"])
        if entry is None:
            summary[reaction["idEmoji"]] = {
                "id": reaction["idEmoji"], "idEmoji": reaction["idEmoji"], "count": 1,
                "firstReacted": reaction["date"], "emoji": reaction["emoji"],
                "idReaction": reaction["id"],
            }  # fmt: skip
        else:
            entry["count"] += 1
    return list(summary.values())


def register(router: Router) -> None:
    """Add the reaction routes."""
    router.add("/actions/{action}/reactions", get_reactions)
    router.add("/actions/{action}/reactions/{reaction}", get_reaction)
    router.add("/actions/{action}/reactionsSummary", get_summary)
