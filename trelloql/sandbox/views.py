"""Full Trello JSON shapes of stored records, including the computed fields."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from .access import can_read_board, can_read_org
from .seed import Record
from .store import Store

LABEL_COLORS = (
    "green",
    "yellow",
    "orange",
    "red",
    "purple",
    "blue",
    "sky",
    "lime",
    "pink",
    "black",
)
_BACKGROUNDS = {
    "blue": "#0079BF", "orange": "#D29034", "green": "#519839", "red": "#B04632",
    "purple": "#89609E", "pink": "#CD5A91", "lime": "#4BBF6B", "sky": "#00AECC", "grey": "#838C91",
}  # fmt: skip
EMOJI: dict[str, Any] = {"emoji": {}}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def limit_status(count: int, disable_at: int, warn_at: int) -> Record:
    status = "ok" if count < warn_at else ("warning" if count < disable_at else "maxExceeded")
    return {"status": status, "disableAt": disable_at, "warnAt": warn_at}


def board_view(store: Store, board: Record, viewer: str) -> Record:
    """A board with every field; ``starred`` is the viewer's star."""
    bid, link = board["id"], board["shortLink"]
    names = dict.fromkeys(LABEL_COLORS, "")
    for label in store.labels_of(bid):
        if label["name"] and not names.get(label["color"]):
            names[label["color"]] = label["name"]
    me = store.data.members.get(viewer)
    color = _BACKGROUNDS.get(board["background"], "#0079BF")
    open_cards = sum(1 for card in store.cards_of_board(bid) if not card["closed"])
    return {
        "id": bid, "name": board["name"], "desc": board["desc"],
        "descData": EMOJI if board["desc"] else None, "closed": board["closed"],
        "dateClosed": board["dateClosed"], "idMemberCreator": board["idMemberCreator"],
        "idOrganization": board["idOrganization"], "idEnterprise": None,
        "pinned": board["pinned"], "url": f"https://trello.com/b/{link}/{slug(board['name'])}",
        "shortUrl": f"https://trello.com/b/{link}", "shortLink": link,
        "prefs": {
            "permissionLevel": board["permissionLevel"], "hideVotes": False, "voting": "disabled",
            "comments": "members", "invitations": "members", "selfJoin": True, "cardCovers": True,
            "isTemplate": False, "cardAging": "regular", "calendarFeedEnabled": False,
            "background": board["background"], "backgroundImage": None,
            "backgroundImageScaled": None, "backgroundTile": False,
            "backgroundBrightness": "dark", "backgroundColor": color,
            "backgroundBottomColor": color, "backgroundTopColor": color, "canBePublic": True,
            "canBeEnterprise": True, "canBeOrg": True, "canBePrivate": True, "canInvite": True,
            **board.get("prefs", {}),
        },
        "labelNames": names,
        "starred": me is not None and any(s["idBoard"] == bid for s in me["boardStars"]),
        "limits": {
            "cards": {"openPerBoard": limit_status(open_cards, 5000, 4500)},
            "labels": {"perBoard": limit_status(len(store.labels_of(bid)), 1000, 900)},
            "lists": {"openPerBoard": limit_status(len(store.lists_of(bid)), 500, 450)},
        },
        "memberships": [dict(m) for m in board["memberships"]], "enterpriseOwned": False,
        "subscribed": viewer in board.get("subscribers", ()),
        "dateLastActivity": board["dateLastActivity"],
        "dateLastView": board.get("views", {}).get(viewer, board["dateLastActivity"]),
        "powerUps": [], "idTags": list(board.get("idTags", ())),
        "creationMethod": None, "ixUpdate": str(len(store.actions_of_board(bid))),
        "templateGallery": None, "invitations": [], "invited": False,
    }  # fmt: skip


def list_view(store: Store, lst: Record) -> Record:
    """A list with every field."""
    cards = store.cards_of_list(lst["id"])
    open_cards = sum(1 for card in cards if not card["closed"])
    return {
        "id": lst["id"], "name": lst["name"], "closed": lst["closed"], "color": None,
        "idBoard": lst["idBoard"], "pos": lst["pos"], "subscribed": False, "softLimit": None,
        "limits": {
            "cards": {
                "openPerList": limit_status(open_cards, 5000, 4500),
                "totalPerList": limit_status(len(cards), 1000000, 900000),
            }
        },
    }  # fmt: skip


def member_view(store: Store, member: Record, viewer: str) -> Record:
    """A member; private details (email, prefs) only when the viewer is that member."""
    mid, own = member["id"], member["id"] == viewer
    avatar = hashlib.md5(member["username"].encode()).hexdigest()
    avatar_url = f"https://trello-members.s3.amazonaws.com/{mid}/{avatar}"
    boards = [b["id"] for b in store.boards_of_member(mid) if can_read_board(store, b, viewer)]
    orgs = [o["id"] for o in store.orgs_of_member(mid) if can_read_org(o, viewer)]
    return {
        "id": mid, "activityBlocked": False, "avatarHash": avatar, "avatarUrl": avatar_url,
        "bio": member["bio"], "bioData": EMOJI, "confirmed": True,
        "fullName": member["fullName"], "idEnterprise": member.get("idEnterprise"),
        "idMemberReferrer": None,
        "idPremOrgsAdmin": [], "initials": member["initials"], "memberType": "normal",
        "nonPublic": {}, "nonPublicAvailable": True, "products": [],
        "url": f"https://trello.com/{member['username']}", "username": member["username"],
        "status": "disconnected", "avatarSource": member.get("avatarSource", "upload"),
        "email": member["email"] if own else None, "gravatarHash": None, "idBoards": boards,
        "idOrganizations": orgs, "idEnterprisesAdmin": [], "limits": {},
        "loginTypes": ["password"] if own else None,
        "prefs": {
            "sendSummaries": True, "minutesBetweenSummaries": 60,
            "minutesBeforeDeadlineToNotify": 1440, "colorBlind": False, "locale": "en-GB",
            "timezone": "Europe/London", **member.get("prefs", {}),
        } if own else None,
        "oneTimeMessagesDismissed": list(member.get("dismissed", ())) if own else None,
        "trophies": [], "uploadedAvatarHash": avatar, "uploadedAvatarUrl": avatar_url,
        "premiumFeatures": [], "idBoardsPinned": [],
    }  # fmt: skip


def org_view(store: Store, org: Record, viewer: str) -> Record:
    """An organization with every field."""
    oid = org["id"]
    boards = [b for b in store.boards_of_org(oid) if can_read_board(store, b, viewer)]
    return {
        "id": oid, "name": org["name"], "displayName": org["displayName"], "desc": org["desc"],
        "descData": EMOJI, "url": f"https://trello.com/w/{org['name']}",
        "website": org["website"], "teamType": None, "logoHash": org.get("logoHash"),
        "logoUrl": None,
        "products": [], "powerUps": [], "idBoards": [b["id"] for b in boards],
        "memberships": [dict(m) for m in org["memberships"]],
        "prefs": {
            "permissionLevel": org["permissionLevel"], "externalMembersDisabled": False,
            "associatedDomain": None, "googleAppsVersion": 1, "orgInviteRestrict": [],
            "boardVisibilityRestrict": {"private": "org", "org": "org", "public": "org"},
            **org.get("prefs", {}),
        },
        "premiumFeatures": [], "idEnterprise": org.get("idEnterprise"),
        "idMemberCreator": org["idMemberCreator"],
        "dateLastActivity": max((b["dateLastActivity"] for b in boards), default=None),
        "limits": {}, "billableMemberCount": len(org["memberships"]),
    }  # fmt: skip


def label_view(store: Store, label: Record) -> Record:
    """A label with its number of uses."""
    return {**label, "uses": store.label_uses[label["id"]]}


def checklist_view(checklist: Record) -> Record:
    """A checklist without its check items (embedded separately)."""
    limit = limit_status(len(checklist["checkItems"]), 200, 160)
    return {**checklist, "limits": {"checkItems": {"perChecklist": limit}}}
