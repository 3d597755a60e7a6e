"""Comment writes: add to a card, edit and delete, by the routes Trello offers for each."""

from __future__ import annotations

from typing import Any

from .actions import ROUTE, render_actions
from .changes import card_data, now, record_action, touch
from .context import Ctx
from .errors import invalid_value, not_found, unauthorized
from .inputs import text
from .routing import Router
from .seed import Record

MAX_COMMENT = 16384


def _comment_text(ctx: Ctx, name: str) -> str:
    return text(ctx, name, required=True, low=1, high=MAX_COMMENT) or ""


def _rendered(ctx: Ctx, action: Record) -> dict[str, Any]:
    ctx.store.changed()
    return render_actions(ctx, [action], ROUTE)[0]


def add_comment(ctx: Ctx) -> dict[str, Any]:
    """``POST /cards/{id}/actions/comments`` with ``text``: a ``commentCard`` action."""
    card = ctx.writable_card(ctx.params["card"])
    words = _comment_text(ctx, "text")
    data = card_data(ctx.store, card, text=words, textData={"emoji": {}})
    action = record_action(ctx.store, "commentCard", ctx.viewer, data)
    touch(ctx.store, card["idBoard"], card)
    return _rendered(ctx, action)


def _own_comment(ctx: Ctx, ref: str, card_ref: str | None = None) -> Record:
    """A comment (on ``card_ref``, when given) that the viewer wrote."""
    action = ctx.action(ref)
    if action["type"] != "commentCard":
        raise invalid_value("idAction")
    if card_ref is not None and ctx.card(card_ref)["id"] != action["data"]["card"]["id"]:
        raise not_found()
    if action["idMemberCreator"] != ctx.viewer:
        raise unauthorized()
    return action


def _edit(ctx: Ctx, action: Record, words: str) -> dict[str, Any]:
    action["data"]["text"] = words
    action["data"]["dateLastEdited"] = now(ctx.store)
    card = ctx.store.data.cards.get(action["data"]["card"]["id"])
    if card is not None:
        touch(ctx.store, card["idBoard"], card)
    return _rendered(ctx, action)


def edit_comment(ctx: Ctx) -> dict[str, Any]:
    """``PUT /actions/{id}`` with ``text``."""
    action = _own_comment(ctx, ctx.params["action"])
    return _edit(ctx, action, _comment_text(ctx, "text"))


def edit_comment_text(ctx: Ctx) -> dict[str, Any]:
    """``PUT /actions/{id}/text`` with ``value``."""
    action = _own_comment(ctx, ctx.params["action"])
    return _edit(ctx, action, _comment_text(ctx, "value"))


def edit_card_comment(ctx: Ctx) -> dict[str, Any]:
    """``PUT /cards/{id}/actions/{idAction}/comments`` with ``text``."""
    action = _own_comment(ctx, ctx.params["action"], ctx.params["card"])
    return _edit(ctx, action, _comment_text(ctx, "text"))


def _delete(ctx: Ctx, action: Record) -> dict[str, Any]:
    del ctx.store.data.actions[action["id"]]
    ctx.store.changed()
    return {}


def delete_comment(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /actions/{id}`` (comments only)."""
    return _delete(ctx, _own_comment(ctx, ctx.params["action"]))


def delete_card_comment(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /cards/{id}/actions/{idAction}/comments``."""
    return _delete(ctx, _own_comment(ctx, ctx.params["action"], ctx.params["card"]))


def register(router: Router) -> None:
    """Add the comment write routes."""
    router.add("/cards/{card}/actions/comments", add_comment, method="POST")
    router.add("/cards/{card}/actions/{action}/comments", edit_card_comment, method="PUT")
    router.add("/cards/{card}/actions/{action}/comments", delete_card_comment, method="DELETE")
    router.add("/actions/{action}", edit_comment, method="PUT")
    router.add("/actions/{action}/text", edit_comment_text, method="PUT")
    router.add("/actions/{action}", delete_comment, method="DELETE")
