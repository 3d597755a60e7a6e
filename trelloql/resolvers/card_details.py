"""Trello mappings of a card's details: actions, votes, stickers, check items, attachments."""

from trelloql.resolvers.base import Fetch, Mapping_, Upper
from trelloql.resolvers.lookups import Lookup, with_parent
from trelloql.resolvers.paging import action_params


def _by_id(field: str, path: str, type_name: str, arg: str) -> Lookup:
    """A sub-resource by id from the field's argument (`Card.sticker(idSticker:)`)."""
    return Lookup(field, path, type_name, from_args=(arg,))


MAPPINGS: list[Mapping_] = [
    Fetch("Card.actions", "/cards/{id}/actions", "Action", action_params),
    Fetch("Card.membersVoted", "/cards/{id}/membersVoted", "Member"),
    Lookup(
        "Card.checkItemStates",
        "/cards/{id}/checkItemStates",
        "CardCheckItemState",
        fields_param=None,
        answer=with_parent(idCard="id"),
    ),
    Upper("CardCheckItemState.state"),
    Lookup(
        "CardCheckItemState.checkItem",
        "/cards/{idCard}/checkItem/{idCheckItem}",
        "CheckItem",
        local=("idCard",),
    ),
    _by_id("Card.checkItem", "/cards/{id}/checkItem/{idCheckItem}", "CheckItem", "idCheckItem"),
    _by_id(
        "Card.attachment", "/cards/{id}/attachments/{idAttachment}", "Attachment", "idAttachment"
    ),
    Fetch("Card.stickers", "/cards/{id}/stickers", "Sticker"),
    _by_id("Card.sticker", "/cards/{id}/stickers/{idSticker}", "Sticker", "idSticker"),
    Fetch("Checklist.board", "/checklists/{id}/board", "Board"),
    _by_id(
        "Checklist.checkItem",
        "/checklists/{id}/checkItems/{idCheckItem}",
        "CheckItem",
        "idCheckItem",
    ),
    Fetch("CheckItem.member", "/members/{idMember}", "Member"),
    Fetch("CheckItem.checklist", "/checklists/{idChecklist}", "Checklist"),
    Fetch("Attachment.member", "/members/{idMember}", "Member"),
]
