"""What the coverage table says about operations no mapping sends: the reasons, in one place.

Keys are (method, path) exactly as Trello's OpenAPI document spells them. An equivalence note
starts with the GraphQL field(s) that reach the same data or change, then a colon and how.
"""

from __future__ import annotations

INTERNAL: dict[tuple[str, str], str] = {
    ("GET", "/batch"): (
        "every query: the per-request loader sends the reads of one moment as `/batch` calls "
        "of up to 10 URLs"
    ),
}


def _field(kind: str, entry: str) -> tuple[tuple[str, str], str]:
    """`GET /<kind>/{id}/{field}`: one field of an object, which the graph selects instead."""
    note = (
        f"{entry}: select the field on the object; the graph reads it with "
        f"`GET /{kind}/{{id}}?fields=…`, one call for every field selected"
    )
    return ("GET", f"/{kind}/{{id}}/{{field}}"), note


EQUIVALENT: dict[tuple[str, str], str] = dict(
    [
        _field("actions", "Query.action"),
        _field("boards", "Query.board"),
        _field("cards", "Query.card"),
        _field("checklists", "Query.checklist"),
        _field("members", "Query.member"),
        _field("notifications", "Query.notification"),
        _field("organizations", "Query.organization"),
        _field("webhooks", "Query.webhook"),
    ]
)
EQUIVALENT.update(
    {
        ("GET", "/boards/{id}/cards/{filter}"): (
            "Board.cards: the filter goes in the query, `GET /boards/{id}/cards?filter=…`"
        ),
        ("GET", "/boards/{id}/lists/{filter}"): (
            "Board.lists: the filter goes in the query, `GET /boards/{id}/lists?filter=…`"
        ),
        ("GET", "/cards/{id}/board"): (
            "Card.board: reads `GET /boards/{idBoard}`, shared by every card of the board"
        ),
        ("GET", "/cards/{id}/list"): (
            "Card.list: reads `GET /lists/{idList}`, shared by every card of the list"
        ),
        ("GET", "/lists/{id}/board"): (
            "List.board: reads `GET /boards/{idBoard}`, shared by every list of the board"
        ),
        ("GET", "/checklists/{id}/cards"): "Checklist.card: reads `GET /cards/{idCard}`",
        ("POST", "/boards/{id}/lists"): "Mutation.createList: sends `POST /lists` with `idBoard`",
        ("POST", "/boards/{id}/labels"): (
            "Mutation.createLabel: sends `POST /labels` with `idBoard`"
        ),
        ("PUT", "/labels/{id}/{field}"): (
            "Mutation.updateLabel: sends `PUT /labels/{id}` with the changed fields"
        ),
        ("POST", "/checklists"): (
            "Mutation.createChecklist: sends `POST /cards/{idCard}/checklists`"
        ),
        ("PUT", "/checklists/{id}/{field}"): (
            "Mutation.updateChecklist: sends `PUT /checklists/{id}` with the changed fields"
        ),
        ("DELETE", "/cards/{id}/checklists/{idChecklist}"): (
            "Mutation.deleteChecklist: sends `DELETE /checklists/{id}`"
        ),
        ("PUT", "/cards/{idCard}/checklist/{idChecklist}/checkItem/{idCheckItem}"): (
            "Mutation.updateCheckItem: sends `PUT /cards/{idCard}/checkItem/{id}`"
        ),
        ("DELETE", "/cards/{id}/checkItem/{idCheckItem}"): (
            "Mutation.deleteCheckItem: sends `DELETE /checklists/{idChecklist}/checkItems/{id}`"
        ),
        ("PUT", "/actions/{id}/text"): (
            "Mutation.updateComment: sends `PUT /actions/{id}` with the new text"
        ),
        ("PUT", "/cards/{id}/actions/{idAction}/comments"): (
            "Mutation.updateComment: sends `PUT /actions/{id}` with the new text"
        ),
        ("DELETE", "/cards/{id}/actions/{idAction}/comments"): (
            "Mutation.deleteComment: sends `DELETE /actions/{id}`"
        ),
        ("POST", "/cards/{id}/labels"): (
            "Mutation.createLabel, Mutation.addLabelToCard: the same change in two mutations "
            "(make the board's label, then put it on the card)"
        ),
        ("PUT", "/members/{id}/notificationsChannelSettings"): (
            "Mutation.updateNotificationChannelSettings: sends "
            "`PUT /members/me/notificationsChannelSettings/{channel}` with the blocked keys"
        ),
        ("PUT", "/members/{id}/notificationsChannelSettings/{channel}/{blockedKeys}"): (
            "Mutation.updateNotificationChannelSettings: sends "
            "`PUT /members/me/notificationsChannelSettings/{channel}` with the blocked keys"
        ),
    }
)

_UPLOAD = (
    "a file upload (`multipart/form-data`): a GraphQL request over JSON carries no file; "
    "upload to Trello directly"
)

LEFT_OUT: dict[tuple[str, str], str] = {
    ("POST", "/members/{id}/avatar"): _UPLOAD,
    ("POST", "/members/{id}/boardBackgrounds"): _UPLOAD,
    ("POST", "/members/{id}/customBoardBackgrounds"): _UPLOAD,
    ("POST", "/members/{id}/customEmoji"): _UPLOAD,
    ("POST", "/members/{id}/customStickers"): _UPLOAD,
    ("POST", "/organizations/{id}/logo"): _UPLOAD,
    ("PUT", "/cards/{id}/stickers/{idSticker}"): (
        "not yet mapped: the card mutations add stickers (`addStickerToCard`) but do not "
        "move or remove them"
    ),
    ("DELETE", "/cards/{id}/stickers/{idSticker}"): (
        "not yet mapped: the card mutations add stickers (`addStickerToCard`) but do not "
        "move or remove them"
    ),
}
