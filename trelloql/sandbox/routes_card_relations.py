"""What hangs on a card: members, labels, votes, stickers and attachments (add and remove)."""

from __future__ import annotations

from typing import Any

from .changes import card_data, label_ref, record_action, touch
from .context import Ctx
from .errors import TrelloError, invalid_value, not_found, unauthorized
from .fields import MEMBER_MINI, parse_fields
from .ids import is_object_id
from .inputs import boolean, number, object_id, text, web_url
from .nested import render_members
from .routes_card_writes import add_attachment
from .routing import Router
from .seed import Record
from .seed_data import STICKERS

MAX_STICKERS = 70
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


def _changed(ctx: Ctx, card: Record) -> None:
    touch(ctx.store, card["idBoard"], card)
    ctx.store.changed()


def _members(ctx: Ctx, ids: list[str]) -> list[Record]:
    return render_members(ctx, ids, parse_fields(None, "member", MEMBER_MINI))


def add_member(ctx: Ctx) -> list[Record]:
    """``POST /cards/{id}/idMembers`` with ``value``: a member of the card's board."""
    card = ctx.writable_card(ctx.params["card"])
    member = object_id(ctx, "value") or ""
    board = ctx.store.data.boards[card["idBoard"]]
    if member not in {m["idMember"] for m in board["memberships"]}:
        raise invalid_value("value")
    if member in card["idMembers"]:
        raise TrelloError(400, "member is already on the card")
    card["idMembers"].append(member)
    data = card_data(ctx.store, card, idMember=member)
    record_action(ctx.store, "addMemberToCard", ctx.viewer, data, member)
    _changed(ctx, card)
    return _members(ctx, card["idMembers"])


def remove_member(ctx: Ctx) -> list[Record]:
    """``DELETE /cards/{id}/idMembers/{idMember}``."""
    card = ctx.writable_card(ctx.params["card"])
    member = ctx.params["member"].lower()
    if not is_object_id(member):
        raise invalid_value("idMember")
    if member not in card["idMembers"]:
        raise not_found()
    card["idMembers"].remove(member)
    data = card_data(ctx.store, card, idMember=member)
    record_action(ctx.store, "removeMemberFromCard", ctx.viewer, data, member)
    _changed(ctx, card)
    return _members(ctx, card["idMembers"])


def add_label(ctx: Ctx) -> list[str]:
    """``POST /cards/{id}/idLabels`` with ``value``: a label of the card's board."""
    card = ctx.writable_card(ctx.params["card"])
    label_id = object_id(ctx, "value") or ""
    label = ctx.store.data.labels.get(label_id)
    if label is None or label["idBoard"] != card["idBoard"]:
        raise invalid_value("value")
    if label_id in card["idLabels"]:
        raise TrelloError(400, "that label is already on the card")
    card["idLabels"].append(label_id)
    data = card_data(ctx.store, card, label=label_ref(label))
    record_action(ctx.store, "addLabelToCard", ctx.viewer, data)
    _changed(ctx, card)
    return list(card["idLabels"])


def remove_label(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /cards/{id}/idLabels/{idLabel}``."""
    card = ctx.writable_card(ctx.params["card"])
    label_id = ctx.params["label"].lower()
    if not is_object_id(label_id):
        raise invalid_value("idLabel")
    if label_id not in card["idLabels"]:
        raise not_found()
    card["idLabels"].remove(label_id)
    data = card_data(ctx.store, card, label=label_ref(ctx.store.data.labels[label_id]))
    record_action(ctx.store, "removeLabelFromCard", ctx.viewer, data)
    _changed(ctx, card)
    return {"_value": None}


def add_vote(ctx: Ctx) -> list[Record]:
    """``POST /cards/{id}/membersVoted`` with ``value``: members vote only for themselves."""
    card = ctx.card(ctx.params["card"])
    member = object_id(ctx, "value") or ""
    if member != ctx.viewer:
        raise unauthorized()
    ctx.check_write(card["idBoard"])
    if member in card["idMembersVoted"]:
        raise TrelloError(400, "member has already voted on the card")
    card["idMembersVoted"].append(member)
    ctx.store.changed()
    return _members(ctx, card["idMembersVoted"])


def remove_vote(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /cards/{id}/membersVoted/{idMember}``."""
    card = ctx.card(ctx.params["card"])
    member = ctx.params["member"].lower()
    if member != ctx.viewer:
        raise unauthorized()
    ctx.check_write(card["idBoard"])
    if member not in card["idMembersVoted"]:
        raise not_found()
    card["idMembersVoted"].remove(member)
    ctx.store.changed()
    return {"_value": None}


def add_sticker(ctx: Ctx) -> dict[str, Any]:
    """``POST /cards/{id}/stickers``: ``image``, ``top``, ``left``, ``zIndex``, ``rotate``."""
    card = ctx.writable_card(ctx.params["card"])
    image = text(ctx, "image", required=True) or ""
    if image not in STICKERS and not is_object_id(image):
        raise invalid_value("image")
    top, left = number(ctx, "top", -60, 100), number(ctx, "left", -60, 100)
    z_index = number(ctx, "zIndex", -(2**31), 2**31 - 1)
    if not z_index.is_integer():
        raise invalid_value("zIndex")
    rotate = number(ctx, "rotate", 0, 360, default=0)
    if len(card["stickers"]) >= MAX_STICKERS:
        raise TrelloError(403, "too many stickers on the card")
    sticker = {
        "id": ctx.store.mint("sticker"), "top": top, "left": left, "zIndex": int(z_index),
        "rotate": rotate, "image": image,
        "imageUrl": f"https://trello.com/images/stickers/{image}.png", "imageScaled": [],
    }  # fmt: skip
    card["stickers"].append(sticker)
    _changed(ctx, card)
    return dict(sticker)


def add_attachment_route(ctx: Ctx) -> dict[str, Any]:
    """``POST /cards/{id}/attachments`` with a ``url`` (files are not stored by the sandbox)."""
    card = ctx.writable_card(ctx.params["card"])
    url = web_url(ctx, "url")
    if url is None:
        raise invalid_value("url")
    name = text(ctx, "name", high=256) or url
    mime = text(ctx, "mimeType", high=256)
    cover = bool(boolean(ctx, "setCover")) and url.lower().endswith(IMAGE_TYPES)
    touch(ctx.store, card["idBoard"], card)
    attachment = add_attachment(ctx, card, url, name, mime, cover)
    ctx.store.changed()
    return dict(attachment)


def delete_attachment(ctx: Ctx) -> dict[str, Any]:
    """``DELETE /cards/{id}/attachments/{idAttachment}``."""
    card = ctx.writable_card(ctx.params["card"])
    attachment_id = ctx.params["attachment"].lower()
    if not is_object_id(attachment_id):
        raise invalid_value("idAttachment")
    attachment = ctx.store.data.attachments.get(attachment_id)
    if attachment is None or attachment["idCard"] != card["id"]:
        raise not_found()
    del ctx.store.data.attachments[attachment_id]
    if card["idAttachmentCover"] == attachment_id:
        card["idAttachmentCover"] = None
    data = card_data(ctx.store, card, attachment={"id": attachment_id, "name": attachment["name"]})
    record_action(ctx.store, "deleteAttachmentFromCard", ctx.viewer, data)
    _changed(ctx, card)
    return {"limits": {}}


def register(router: Router) -> None:
    """Add the routes that change what hangs on a card."""
    router.add("/cards/{card}/idMembers", add_member, method="POST")
    router.add("/cards/{card}/idMembers/{member}", remove_member, method="DELETE")
    router.add("/cards/{card}/idLabels", add_label, method="POST")
    router.add("/cards/{card}/idLabels/{label}", remove_label, method="DELETE")
    router.add("/cards/{card}/membersVoted", add_vote, method="POST")
    router.add("/cards/{card}/membersVoted/{member}", remove_vote, method="DELETE")
    router.add("/cards/{card}/stickers", add_sticker, method="POST")
    router.add("/cards/{card}/attachments", add_attachment_route, method="POST")
    router.add("/cards/{card}/attachments/{attachment}", delete_attachment, method="DELETE")
