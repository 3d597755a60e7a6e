"""``/actions/{id}/reactions``: list, one, the per-emoji summary; add and take back."""

from __future__ import annotations

from typing import Any

from .changes import now
from .context import Ctx
from .errors import TrelloError, invalid_value, not_found, unauthorized
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


EMOJI = (
    ("1F44D", "👍", "THUMBS UP SIGN", "thumbsup"),
    ("2764", "❤", "HEAVY BLACK HEART", "heart"),
    ("1F604", "😄", "SMILING FACE WITH OPEN MOUTH AND SMILING EYES", "smile"),
    ("1F389", "🎉", "PARTY POPPER", "tada"),
    ("1F440", "👀", "EYES", "eyes"),
    ("1F680", "🚀", "ROCKET", "rocket"),
)


def _emoji(ctx: Ctx) -> tuple[str, str, str, str]:
    """The emoji named by ``shortName``, ``native`` or ``unified`` (400 when unknown)."""
    for index, name in ((3, "shortName"), (1, "native"), (0, "unified")):
        value = ctx.arg(name)
        if value is None:
            continue
        for emoji in EMOJI:
            if emoji[index].lower() == value.lower():
                return emoji
        raise invalid_value(name)
    raise invalid_value("shortName")


def add_reaction(ctx: Ctx) -> dict[str, Any]:
    """``POST /actions/{id}/reactions``: the viewer's reaction (once per emoji)."""
    action = ctx.action(ctx.params["action"])
    if action["type"] != "commentCard":
        raise TrelloError(400, "Only comments can have reactions")
    unified, native, name, short = _emoji(ctx)
    skin = ctx.arg("skinVariation")
    mine = [r for r in _reactions(ctx, action) if r["idMember"] == ctx.viewer]
    for existing in mine:
        if existing["idEmoji"] == unified:
            return _render(ctx, existing)
    reaction: Record = {
        "id": ctx.store.mint("reaction"), "idMember": ctx.viewer, "idModel": action["id"],
        "idEmoji": unified, "date": now(ctx.store),
        "emoji": {
            "unified": unified, "native": native, "name": name, "shortName": short,
            "skinVariation": skin,
        },
    }  # fmt: skip
    ctx.store.data.reactions[reaction["id"]] = reaction
    return _render(ctx, reaction)


def delete_reaction(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /actions/{id}/reactions/{idReaction}``: only your own."""
    action = ctx.action(ctx.params["action"])
    reaction = find(ctx.store.data.reactions, ctx.params["reaction"])
    if reaction["idModel"] != action["id"]:
        raise not_found()
    if reaction["idMember"] != ctx.viewer:
        raise unauthorized()
    del ctx.store.data.reactions[reaction["id"]]
    return {"_value": None}


def register(router: Router) -> None:
    """Add the reaction routes."""
    router.add("/actions/{action}/reactions", add_reaction, method="POST")
    router.add("/actions/{action}/reactions/{reaction}", delete_reaction, method="DELETE")
    router.add("/actions/{action}/reactions", get_reactions)
    router.add("/actions/{action}/reactions/{reaction}", get_reaction)
    router.add("/actions/{action}/reactionsSummary", get_summary)
