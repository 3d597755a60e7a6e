"""Seeds the cards of one board, with members, labels, dates, checklists, attachments, history."""

from __future__ import annotations

from random import Random
from typing import TYPE_CHECKING, Any

from .ids import iso, short_link
from .seed_data import ATTACHMENTS, PERSONAL_COMMENTS, STICKERS, WORK_COMMENTS, BoardSpec

if TYPE_CHECKING:
    from .seed import Builder

Record = dict[str, Any]
POS = 16384
DAY = 86400
HOUR = 3600


def board_ref(board: Record) -> Record:
    """The short board reference Trello puts into action data."""
    return {"id": board["id"], "name": board["name"], "shortLink": board["shortLink"]}


def list_ref(lst: Record) -> Record:
    """The short list reference Trello puts into action data."""
    return {"id": lst["id"], "name": lst["name"]}


def card_ref(card: Record) -> Record:
    """The short card reference Trello puts into action data."""
    keys = ("id", "name", "idShort", "shortLink")
    return {key: card[key] for key in keys}


class CardMaker:
    """Adds a board's cards and their history to a builder, drawing from ``rng``."""

    def __init__(
        self, builder: Builder, spec: BoardSpec, board: Record, lists: list[Record], rng: Random
    ) -> None:
        self.b = builder
        self.spec = spec
        self.board = board
        self.lists = lists
        self.rng = rng
        self.members = [m["idMember"] for m in board["memberships"]]
        self.labels = [
            lid for lid, lab in builder.data.labels.items() if lab["idBoard"] == board["id"]
        ]
        self.comments = PERSONAL_COMMENTS if spec.personal else WORK_COMMENTS
        self.id_short = 0

    def add_all(self, start: int, step: tuple[int, int]) -> int:
        """Create every card from ``start`` on; returns the time of the last action."""
        cursor = last = start
        for index, (lst, (_, names)) in enumerate(zip(self.lists, self.spec.lists, strict=True)):
            source = self.lists[index - 1] if index and not self.lists[index - 1]["closed"] else lst
            done = lst is self.lists[-1]
            for position, raw in enumerate(names):
                cursor += self.rng.randint(*step)
                last = max(last, self.add_card(raw, lst, source, position, cursor, done))
        return last

    def add_card(
        self, raw: str, lst: Record, source: Record, position: int, at: int, done: bool
    ) -> int:
        """Create one card created in ``source`` and moved to ``lst``; returns its last activity."""
        rng = self.rng
        self.id_short += 1
        cid = self.b.mint("card", at)
        due = start = None
        if rng.random() < 0.55:
            due_at = (at // DAY + rng.randint(5, 60)) * DAY + 17 * HOUR
            due = iso(due_at)
            if rng.random() < 0.3:
                start = iso(due_at - rng.randint(2, 10) * DAY - 8 * HOUR)
        card: Record = {
            "id": cid, "idBoard": self.board["id"], "idList": lst["id"], "name": raw.lstrip("~"),
            "desc": rng.choice(self.spec.descriptions) if rng.random() < 0.5 else "",
            "closed": False, "pos": POS * (position + 1) - (POS // 2 if rng.random() < 0.2 else 0),
            "due": due, "start": start, "dueComplete": bool(due) and (done or rng.random() < 0.1),
            "idMembers": rng.sample(self.members, min(len(self.members), rng.choice((0, 1, 1, 2)))),
            "idLabels": rng.sample(self.labels, rng.choice((0, 1, 1, 2, 3))),
            "idMembersVoted": [], "idShort": self.id_short, "shortLink": short_link(cid),
            "created": at, "coverColor": None, "stickers": [], "idAttachmentCover": None,
        }  # fmt: skip
        self.b.data.cards[cid] = card
        ref = {"card": card_ref(card), "board": board_ref(self.board)}
        creator = rng.choice(self.members)
        last = self.b.action("createCard", at, creator, {**ref, "list": list_ref(source)})
        if source is not lst:
            moved = {
                **ref, "card": {**ref["card"], "idList": lst["id"]},
                "old": {"idList": source["id"]},
                "listBefore": list_ref(source), "listAfter": list_ref(lst),
            }  # fmt: skip
            last = self.b.action("updateCard", at + rng.randint(1, 5) * DAY, creator, moved)
        ref["list"] = list_ref(lst)
        for member in card["idMembers"]:
            data = {**ref, "idMember": member}
            last = max(last, self.b.action("addMemberToCard", at + HOUR, creator, data, member))
        if self.spec.checklists and rng.random() < 0.3:
            last = max(last, self.add_checklist(card, ref, at + 2 * HOUR, creator, done))
        if rng.random() < 0.2:
            last = max(last, self.add_attachments(card, ref, at + 3 * HOUR))
        if rng.random() < 0.45:
            for _ in range(rng.randint(1, 3)):
                when = at + rng.randint(4, 240) * HOUR
                data = {"text": rng.choice(self.comments), "textData": {"emoji": {}}, **ref}
                last = max(last, self.b.action("commentCard", when, rng.choice(self.members), data))
        if rng.random() < 0.12:
            card["idMembersVoted"] = rng.sample(self.members, min(2, len(self.members)))
        if rng.random() < 0.06:
            card["stickers"].append(self.sticker(at))
        if rng.random() < 0.1:
            card["coverColor"] = rng.choice(("green", "yellow", "orange", "red", "purple", "blue"))
        if raw.startswith("~"):
            last += DAY
            card["closed"] = True
            data = {**ref, "card": {**ref["card"], "closed": True}, "old": {"closed": False}}
            self.b.action("updateCard", last, creator, data)
        card["dateLastActivity"] = iso(last)
        return last

    def add_checklist(self, card: Record, ref: Record, at: int, creator: str, done: bool) -> int:
        """Attach a checklist from the board's templates; returns the last activity time."""
        name, items = self.rng.choice(self.spec.checklists)
        clid = self.b.mint("checklist", at)
        checklist: Record = {
            "id": clid, "name": name, "idBoard": card["idBoard"], "idCard": card["id"],
            "pos": POS, "checkItems": [],
        }  # fmt: skip
        self.b.data.checklists[clid] = checklist
        last = self.b.action(
            "addChecklistToCard", at, creator, {**ref, "checklist": list_ref(checklist)}
        )
        for index, item in enumerate(items):
            complete = done or self.rng.random() < 0.35
            check_item: Record = {
                "id": self.b.mint("checkItem", at), "idChecklist": clid, "name": item,
                "nameData": None, "pos": POS * (index + 1), "type": "default",
                "state": "complete" if complete else "incomplete", "due": None,
                "dueReminder": None, "idMember": None,
            }  # fmt: skip
            checklist["checkItems"].append(check_item)
            if complete:
                when = at + (index + 1) * 5 * HOUR
                data = {
                    **ref, "checklist": list_ref(checklist),
                    "checkItem": {"id": check_item["id"], "name": item, "state": "complete"},
                }  # fmt: skip
                last = self.b.action("updateCheckItemStateOnCard", when, creator, data)
        return last

    def add_attachments(self, card: Record, ref: Record, at: int) -> int:
        """Attach one or two files or links; returns the last activity time."""
        last = at
        for index, (name, mime, size, link) in enumerate(
            self.rng.sample(ATTACHMENTS, self.rng.randint(1, 2))
        ):
            uploader = self.rng.choice(self.members)
            aid = self.b.mint("attachment", at + index)
            url = (
                link or f"https://trello.com/1/cards/{card['id']}/attachments/{aid}/download/{name}"
            )
            self.b.data.attachments[aid] = {
                "id": aid, "idCard": card["id"], "idMember": uploader, "name": name, "url": url,
                "mimeType": mime, "bytes": size, "date": iso(at + index), "isUpload": not link,
                "pos": POS * (index + 1), "edgeColor": None, "fileName": None if link else name,
                "previews": [],
            }  # fmt: skip
            if mime.startswith("image/") and card["idAttachmentCover"] is None:
                card["idAttachmentCover"] = aid
            data = {**ref, "attachment": {"id": aid, "name": name, "url": url}}
            last = self.b.action("addAttachmentToCard", at + index, uploader, data)
        return last

    def sticker(self, at: int) -> Record:
        """A sticker placed on a card."""
        image = self.rng.choice(STICKERS)
        return {
            "id": self.b.mint("sticker", at), "top": self.rng.randint(0, 60),
            "left": self.rng.randint(-10, 90), "zIndex": 1, "rotate": self.rng.choice((0, -10, 15)),
            "image": image, "imageUrl": f"https://trello.com/images/stickers/{image}.png",
            "imageScaled": [],
        }  # fmt: skip
