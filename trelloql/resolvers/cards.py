"""Trello mappings of Card fields, the card entry point, and the card and comment mutations."""

from typing import Any

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Embedded, Fetch, Mapping_, Write
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.validation import (
    MAX_ATTACHMENT_TEXT,
    boolean,
    card_id,
    datetime_iso,
    description,
    id_list,
    name,
    nullable,
    number,
    object_id,
    position,
    text,
    url,
)

COPY_PARTS = {
    "ATTACHMENTS": "attachments", "CHECKLISTS": "checklists", "COMMENTS": "comments",
    "CUSTOM_FIELDS": "customFields", "DUE": "due", "START": "start", "LABELS": "labels",
    "MEMBERS": "members", "STICKERS": "stickers",
}  # fmt: skip


def copy_parts(value: Any, field: str) -> str:
    """CardCopyPart values as Trello's `keepFromSource` comma list."""
    if not value:
        raise UserInputError(f"`{field}` must name a part; leave it out to copy everything", field)
    return ",".join(COPY_PARTS[part] for part in value)


CARD_RULES = {
    "desc": description, "pos": position, "dueComplete": boolean, "idMembers": id_list,
    "idLabels": id_list,
}  # fmt: skip
CREATE_RULES = {
    **CARD_RULES, "idList": object_id, "name": text(0), "due": datetime_iso,
    "start": datetime_iso, "urlSource": url,
}  # fmt: skip
UPDATE_RULES = {
    **CARD_RULES, "id": card_id, "name": name, "closed": boolean,
    "due": nullable(datetime_iso), "start": nullable(datetime_iso), "idList": object_id,
    "idBoard": object_id, "idAttachmentCover": nullable(object_id),
}  # fmt: skip
MOVE_RULES = {"id": card_id, "idList": object_id, "idBoard": object_id, "pos": position}
COPY_RULES = {
    "idCardSource": card_id, "idList": object_id, "name": text(0), "pos": position,
    "keepFromSource": copy_parts,
}  # fmt: skip
STICKER_RULES = {
    "idCard": card_id, "image": text(1), "top": number(-60, 100), "left": number(-60, 100),
    "zIndex": number(-(2**31), 2**31 - 1), "rotate": number(0, 360),
}  # fmt: skip
ATTACHMENT_RULES = {
    "idCard": card_id, "url": url, "name": text(0, MAX_ATTACHMENT_TEXT),
    "mimeType": text(0, MAX_ATTACHMENT_TEXT), "setCover": boolean,
}  # fmt: skip
COMMENT_TEXT = text(1)
THE_CARD = {"id": card_id}
READ_BACK = Fetch("Mutation.card", "/cards/{idCard}", "Card")
"""The card, read back after a write whose reply is something on it (not a field itself)."""


def _on_card(field: str, method: str, path: str, rules: dict[str, Any], **kwargs: Any) -> Write:
    """A write to something on a card, every input field required; answers the card."""
    names = tuple(name for name in rules if "{" + name + "}" in path)
    build = from_input(rules, path=names, required=tuple(rules), **kwargs)
    return Write(field, method, path, build, then=READ_BACK)


MAPPINGS: list[Mapping_] = [
    Fetch("Query.card", "/cards/{id}", "Card"),
    Fetch("Card.board", "/boards/{idBoard}", "Board"),
    Fetch("Card.list", "/lists/{idList}", "List"),
    Fetch("Card.members", "/cards/{id}/members", "Member"),
    Embedded("Card.labels", "labels", "Label"),
    Fetch("Card.checklists", "/cards/{id}/checklists", "Checklist"),
    Fetch("Card.attachments", "/cards/{id}/attachments", "Attachment"),
    Fetch("Card.comments", "/cards/{id}/actions", "Action", lambda _a: {"filter": "commentCard"}),
    Write("Mutation.createCard", "POST", "/cards", from_input(CREATE_RULES, required=("idList",))),
    Write("Mutation.updateCard", "PUT", "/cards/{id}", from_input(UPDATE_RULES, path=("id",))),
    Write(
        "Mutation.moveCard",
        "PUT",
        "/cards/{id}",
        from_input(MOVE_RULES, path=("id",), required=("idList",)),
    ),
    Write(
        "Mutation.archiveCard",
        "PUT",
        "/cards/{id}",
        from_input(THE_CARD, path=("id",), fixed={"closed": True}),
    ),
    Write(
        "Mutation.unarchiveCard",
        "PUT",
        "/cards/{id}",
        from_input(THE_CARD, path=("id",), fixed={"closed": False}),
    ),
    Write(
        "Mutation.deleteCard",
        "DELETE",
        "/cards/{id}",
        from_input(THE_CARD, path=("id",)),
        deleted(),
    ),
    Write(
        "Mutation.copyCard",
        "POST",
        "/cards",
        from_input(COPY_RULES, required=("idCardSource", "idList")),
    ),
    _on_card(
        "Mutation.addMemberToCard",
        "POST",
        "/cards/{idCard}/idMembers",
        {"idCard": card_id, "idMember": object_id},
        renamed={"idMember": "value"},
    ),
    _on_card(
        "Mutation.removeMemberFromCard",
        "DELETE",
        "/cards/{idCard}/idMembers/{idMember}",
        {"idCard": card_id, "idMember": object_id},
    ),
    _on_card(
        "Mutation.addLabelToCard",
        "POST",
        "/cards/{idCard}/idLabels",
        {"idCard": card_id, "idLabel": object_id},
        renamed={"idLabel": "value"},
    ),
    _on_card(
        "Mutation.removeLabelFromCard",
        "DELETE",
        "/cards/{idCard}/idLabels/{idLabel}",
        {"idCard": card_id, "idLabel": object_id},
    ),
    _on_card(
        "Mutation.addVoteToCard",
        "POST",
        "/cards/{idCard}/membersVoted",
        {"idCard": card_id, "idMember": object_id},
        renamed={"idMember": "value"},
    ),
    _on_card(
        "Mutation.removeVoteFromCard",
        "DELETE",
        "/cards/{idCard}/membersVoted/{idMember}",
        {"idCard": card_id, "idMember": object_id},
    ),
    Write(
        "Mutation.addStickerToCard",
        "POST",
        "/cards/{idCard}/stickers",
        from_input(STICKER_RULES, path=("idCard",), required=("image", "top", "left", "zIndex")),
        then=READ_BACK,
    ),
    Write(
        "Mutation.createAttachment",
        "POST",
        "/cards/{idCard}/attachments",
        from_input(ATTACHMENT_RULES, path=("idCard",), required=("url",)),
    ),
    Write(
        "Mutation.deleteAttachment",
        "DELETE",
        "/cards/{idCard}/attachments/{id}",
        from_input({"idCard": card_id, "id": object_id}, path=("idCard", "id")),
        deleted(),
    ),
    Write(
        "Mutation.createComment",
        "POST",
        "/cards/{idCard}/actions/comments",
        from_input({"idCard": card_id, "text": COMMENT_TEXT}, path=("idCard",), required=("text",)),
    ),
    Write(
        "Mutation.updateComment",
        "PUT",
        "/actions/{id}",
        from_input({"id": object_id, "text": COMMENT_TEXT}, path=("id",), required=("text",)),
    ),
    Write(
        "Mutation.deleteComment",
        "DELETE",
        "/actions/{id}",
        from_input({"id": object_id}, path=("id",)),
        deleted(),
    ),
]
