"""Seeds what hangs around the boards: custom fields, notifications, webhooks, tokens, saved
searches, backgrounds, emoji, stickers, Power-Ups, reactions, collections, exports, invitations.

Runs after the fixed boards (before any benchmark board), so their ids do not move.
"""

from __future__ import annotations

import hashlib
import json
from random import Random
from typing import TYPE_CHECKING, Any

from .ids import iso, parse_iso
from .seed_cards import DAY, HOUR, POS

if TYPE_CHECKING:
    from .seed import Builder

Record = dict[str, Any]
EXTRA_SEED = 1843
NOW = "2026-11-20T09:00"
"""The seed's "now": notifications and webhooks are dated relative to it."""

CUSTOM_FIELDS: dict[str, tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]] = {
    "Product Launch": (
        ("Priority", "list", (("High", "red"), ("Medium", "yellow"), ("Low", "green"))),
        ("Estimate (days)", "number", ()),
        ("Launch date", "date", ()),
        ("Approved", "checkbox", ()),
    ),
    "Bug Triage": (
        ("Severity", "list", (("S1", "red"), ("S2", "orange"), ("S3", "yellow"), ("S4", "sky"))),
        ("Reporter", "text", ()),
    ),
}
REPORTERS = ("customer #4411", "fuzzer", "ci nightly", "forum thread", "internal dogfood")
PLUGINS = (
    ("Custom Fields", "Trello", ("board-buttons", "card-badges", "card-detail-badges")),
    ("Calendar", "Trello", ("board-buttons",)),
    ("GitHub", "Trello", ("attachment-sections", "card-buttons")),
    ("Card Repeater", "Trello", ("card-buttons", "card-badges")),
)
BOARD_PLUGINS = {
    "Product Launch": ("Custom Fields", "Calendar"),
    "Bug Triage": ("Custom Fields", "GitHub"),
}
DEFAULT_BACKGROUNDS = ("blue", "orange", "green", "red", "purple", "pink", "lime", "sky", "grey")
SAVED_SEARCHES = {
    "ada": (("My cards", "@me is:open"), ("Due this week", "due:week is:open")),
    "grace": (("Open crashes", "label:crash is:open"),),
}
REACTIONS = (
    ("1F44D", "👍", "THUMBS UP SIGN", "thumbsup"),
    ("2764", "❤", "HEAVY BLACK HEART", "heart"),
)
INVITATIONS = (("margaret", "board", "Bug Triage"), ("katherine", "organization", "compilerguild"))


def _at(text: str) -> int:
    value = parse_iso(text)
    assert value is not None
    return value


def _by_name(table: dict[str, Record], name: str) -> Record:
    return next(record for record in table.values() if record["name"] == name)


def add_extras(b: Builder) -> None:
    """Add every extra kind of record to the builder's dataset."""
    rng = Random(EXTRA_SEED)
    _custom_fields(b, rng)
    _plugins(b)
    _reactions(b, rng)
    _member_assets(b)
    _tokens_and_webhooks(b)
    _notifications(b)
    _organization_extras(b)
    _enterprise(b)


def _custom_fields(b: Builder, rng: Random) -> None:
    for board_name, fields in CUSTOM_FIELDS.items():
        board = _by_name(b.data.boards, board_name)
        at = board["created"] + HOUR
        for index, (name, type_, options) in enumerate(fields):
            fid = b.mint("customField", at)
            field: Record = {
                "id": fid, "idModel": board["id"], "modelType": "board",
                "fieldGroup": hashlib.sha256(fid.encode()).hexdigest(),
                "display": {"cardFront": type_ != "text"}, "name": name,
                "pos": POS * (index + 1), "type": type_, "isSuggestedField": False,
                "options": [
                    {
                        "id": b.mint("customFieldOption", at), "idCustomField": fid,
                        "value": {"text": text}, "color": color, "pos": POS * (n + 1),
                    }
                    for n, (text, color) in enumerate(options)
                ],
            }  # fmt: skip
            b.data.custom_fields[fid] = field
        cards = [c for c in b.data.cards.values() if c["idBoard"] == board["id"]]
        board_fields = [f for f in b.data.custom_fields.values() if f["idModel"] == board["id"]]
        for card in cards:
            for field in board_fields:
                if rng.random() < 0.45:
                    _item(b, card, field, rng)


def _item(b: Builder, card: Record, field: Record, rng: Random) -> None:
    item: Record = {
        "id": b.mint("customFieldItem", card["created"]), "idCustomField": field["id"],
        "idModel": card["id"], "modelType": "card",
    }  # fmt: skip
    type_ = field["type"]
    if type_ == "list":
        item["idValue"] = rng.choice(field["options"])["id"]
    elif type_ == "number":
        item["value"] = {"number": str(rng.choice((0.5, 1, 2, 3, 5, 8)))}
    elif type_ == "date":
        item["value"] = {"date": iso(card["created"] + rng.randint(7, 60) * DAY)}
    elif type_ == "checkbox":
        item["value"] = {"checked": "true"}
    else:
        item["value"] = {"text": rng.choice(REPORTERS)}
    b.data.custom_field_items[item["id"]] = item


def _plugins(b: Builder) -> None:
    org = b.data.organizations[b.org_by_name["analyticalengines"]]
    at = org["created"]
    ids: dict[str, str] = {}
    for name, author, capabilities in PLUGINS:
        pid = b.mint("plugin", at)
        ids[name] = pid
        b.data.plugins[pid] = {
            "id": pid, "name": name, "author": author, "public": True,
            "url": f"https://trello.com/power-ups/{pid}", "capabilities": list(capabilities),
            "categories": ["developer-tools" if name == "GitHub" else "board-utilities"],
            "icon": {"url": f"https://trello.com/power-ups/{pid}/icon.svg"},
            "privacyUrl": "https://trello.com/privacy", "supportEmail": "support@example.com",
            "idOrganizationOwner": None, "iframeConnectorUrl": None, "tags": [],
            "moderatedState": None,
        }  # fmt: skip
    for board_name, names in BOARD_PLUGINS.items():
        board = _by_name(b.data.boards, board_name)
        for name in names:
            bpid = b.mint("boardPlugin", board["created"])
            b.data.board_plugins[bpid] = {"id": bpid, "idBoard": board["id"], "idPlugin": ids[name]}
    triage = _by_name(b.data.boards, "Bug Triage")
    for number, card in enumerate(c for c in b.data.cards.values() if c["idBoard"] == triage["id"]):
        if number % 4 == 0:
            value = {"issue": f"https://git.example.org/compiler/issues/{1400 + number}"}
            _plugin_data(b, ids["GitHub"], "card", card["id"], json.dumps(value), card["created"])
    _plugin_data(b, ids["Calendar"], "organization", org["id"], '{"weekStart":1}', at)


def _plugin_data(b: Builder, plugin: str, scope: str, model: str, value: str, at: int) -> None:
    pdid = b.mint("pluginData", at)
    b.data.plugin_data[pdid] = {
        "id": pdid, "idPlugin": plugin, "scope": scope, "idModel": model, "value": value,
        "access": "shared",
    }  # fmt: skip


def _reactions(b: Builder, rng: Random) -> None:
    for action in list(b.data.actions.values()):
        if action["type"] != "commentCard" or rng.random() > 0.15:
            continue
        board = b.data.boards[action["data"]["board"]["id"]]
        people = [m["idMember"] for m in board["memberships"]]
        at = _at(action["date"]) + HOUR
        for member in rng.sample(people, min(len(people), rng.randint(1, 2))):
            unified, native, name, short = rng.choice(REACTIONS)
            rid = b.mint("reaction", at)
            b.data.reactions[rid] = {
                "id": rid, "idMember": member, "idModel": action["id"], "idEmoji": unified,
                "date": iso(at),
                "emoji": {
                    "unified": unified, "native": native, "name": name, "shortName": short,
                    "skinVariation": None,
                },
            }  # fmt: skip


def _member_assets(b: Builder) -> None:
    for username, searches in SAVED_SEARCHES.items():
        member = b.data.members[b.by_username[username]]
        for index, (name, query) in enumerate(searches):
            sid = b.mint("savedSearch", member["created"] + DAY)
            b.data.saved_searches[sid] = {
                "id": sid, "idMember": member["id"], "name": name, "query": query,
                "pos": POS * (index + 1),
            }  # fmt: skip
    first = b.data.members[b.by_username["ada"]]["created"]
    for color in DEFAULT_BACKGROUNDS:
        bgid = b.mint("background", first)
        b.data.backgrounds[bgid] = {
            "id": bgid, "idMember": None, "type": "default", "color": color,
            "brightness": "dark", "fullSizeUrl": None, "scaled": None, "tile": False,
        }  # fmt: skip
    for owner, type_, name in (("ada", "custom", "mountains"), (None, "premium", "aurora")):
        bgid = b.mint("background", first + DAY)
        url = f"https://trello-backgrounds.s3.amazonaws.com/{bgid}/{name}.jpg"
        b.data.backgrounds[bgid] = {
            "id": bgid, "idMember": b.by_username[owner] if owner else None, "type": type_,
            "color": None, "brightness": "light", "fullSizeUrl": url, "tile": False,
            "scaled": [
                {"width": w, "height": h, "url": f"{url}?size={w}x{h}"}
                for w, h in ((140, 93), (1280, 853))
            ],
        }  # fmt: skip
    ada = b.by_username["ada"]
    for name in ("parrot", "shipit"):
        eid = b.mint("customEmoji", first + 2 * DAY)
        b.data.custom_emoji[eid] = {
            "id": eid, "idMember": ada, "name": name,
            "url": f"https://trello-emoji.s3.amazonaws.com/{ada}/{eid}/{name}.png",
        }  # fmt: skip
    sid = b.mint("customSticker", first + 2 * DAY)
    url = f"https://trello-stickers.s3.amazonaws.com/{ada}/{sid}/engine.png"
    b.data.custom_stickers[sid] = {
        "id": sid, "idMember": ada, "url": url,
        "scaled": [{"width": 64, "height": 64, "url": url + "?size=64"}],
    }  # fmt: skip
    for member in b.data.members.values():
        nid = b.mint("notificationChannelSettings", member["created"])
        blocked = ["notification_comment_card"] if member["username"] == "grace" else []
        b.data.channel_settings[nid] = {
            "id": nid, "idMember": member["id"], "channel": "email", "blockedKeys": blocked,
        }  # fmt: skip
    for username, kind, name in INVITATIONS:
        model = _by_name(b.data.boards, name)["id"] if kind == "board" else b.org_by_name[name]
        iid = b.mint("invitation", _at(NOW) - 3 * DAY)
        b.data.invitations[iid] = {
            "id": iid, "idMember": b.by_username[username], "modelType": kind, "idModel": model,
        }  # fmt: skip


def _tokens_and_webhooks(b: Builder) -> None:
    from .auth import SANDBOX_TOKENS  # here: auth needs the seed module at import time

    for secret, member in SANDBOX_TOKENS.items():
        _token(b, secret, member, "trelloql sandbox", None)
    ada = b.by_username["ada"]
    butler = hashlib.sha256(b"trelloql-sandbox-token:butler").hexdigest()
    _token(b, butler, ada, "Butler automation", iso(_at(NOW) + 30 * DAY))
    launch = _by_name(b.data.boards, "Product Launch")
    triage = _by_name(b.data.boards, "Bug Triage")
    first_card = next(c for c in b.data.cards.values() if c["idBoard"] == launch["id"])
    hooks = (
        ("ada", "Launch board to chat", launch["id"], "https://hooks.example.com/launch", 0),
        ("ada", "Card watcher", first_card["id"], "https://hooks.example.com/card", 3),
        ("grace", "Triage feed", triage["id"], "https://hooks.example.org/triage", 0),
    )
    for username, description, model, url, failures in hooks:
        member = b.by_username[username]
        token = next(s for s, m in SANDBOX_TOKENS.items() if m == member)
        wid = b.mint("webhook", _at(NOW) - 10 * DAY)
        b.data.webhooks[wid] = {
            "id": wid, "description": description, "idModel": model, "callbackURL": url,
            "active": failures == 0, "consecutiveFailures": failures,
            "firstConsecutiveFailDate": iso(_at(NOW) - 2 * DAY) if failures else None,
            "token": token,
        }  # fmt: skip


def _token(b: Builder, secret: str, member: str, identifier: str, expires: str | None) -> None:
    at = b.data.members[member]["created"] + DAY
    tid = b.mint("token", at)
    b.data.tokens[tid] = {
        "id": tid, "identifier": identifier, "idMember": member, "dateCreated": iso(at),
        "dateExpires": expires, "secret": secret,
        "permissions": [
            {"idModel": "*", "modelType": "board", "read": True, "write": True},
            {"idModel": "*", "modelType": "organization", "read": True, "write": True},
            {"idModel": member, "modelType": "member", "read": True, "write": True},
        ],
    }  # fmt: skip


_NOTIFY = {"addMemberToCard": "addedToCard", "addMemberToBoard": "addedToBoard"}


def _notifications(b: Builder) -> None:
    """Notifications of each member from the seeded actions about them; the newest 5 unread."""
    cards = b.data.cards
    mine: dict[str, list[tuple[Record, str]]] = {m: [] for m in b.data.members}
    for action in b.data.actions.values():
        data, creator = action["data"], action["idMemberCreator"]
        if action["type"] in _NOTIFY:
            target = data.get("idMember") or data.get("idMemberAdded")
            if target and target != creator:
                mine[target].append((action, _NOTIFY[action["type"]]))
        elif action["type"] == "commentCard":
            for member in cards[data["card"]["id"]]["idMembers"]:
                if member != creator:
                    mine[member].append((action, "commentCard"))
    for member, found in mine.items():
        found.sort(key=lambda pair: (pair[0]["date"], pair[0]["id"]), reverse=True)
        for rank, (action, type_) in enumerate(found[:40]):
            at = _at(action["date"])
            nid = b.mint("notification", at)
            b.data.notifications[nid] = {
                "id": nid, "idMember": member, "unread": rank < 5, "type": type_,
                "date": action["date"], "dateRead": None if rank < 5 else iso(at + HOUR),
                "data": dict(action["data"]), "appCreator": None,
                "idMemberCreator": action["idMemberCreator"], "idAction": action["id"],
                "reactions": [],
            }  # fmt: skip


def _organization_extras(b: Builder) -> None:
    for name, tags in (
        ("analyticalengines", ("Launches", "Hiring")),
        ("compilerguild", ("Releases",)),
    ):
        org = b.data.organizations[b.org_by_name[name]]
        for tag in tags:
            tid = b.mint("tag", org["created"] + DAY)
            b.data.tags[tid] = {"id": tid, "idOrganization": org["id"], "name": tag}
        ref = {"id": org["id"], "name": org["displayName"]}
        creator = org["idMemberCreator"]
        b.action("createOrganization", org["created"], creator, {"organization": ref})
        for offset, membership in enumerate(org["memberships"][1:], start=1):
            data = {"organization": ref, "idMemberAdded": membership["idMember"]}
            at = org["created"] + offset * HOUR
            b.action("addMemberToOrganization", at, creator, data, membership["idMember"])
    org = b.data.organizations[b.org_by_name["analyticalengines"]]
    eid = b.mint("export", _at(NOW) - DAY)
    b.data.exports[eid] = {
        "id": eid, "idOrganization": org["id"], "startedAt": iso(_at(NOW) - DAY),
        "status": {"attempts": 1, "finished": True, "stage": "Export_completed"},
        "size": "48213", "exportUrl": f"https://trello.com/1/organizations/{org['id']}/exports/{eid}/download",
    }  # fmt: skip


def _enterprise(b: Builder) -> None:
    """One enterprise: the product workspace and its admin belong to it."""
    org = b.data.organizations[b.org_by_name["analyticalengines"]]
    ada = b.by_username["ada"]
    eid = b.mint("enterprise", org["created"])
    b.data.enterprises[eid] = {
        "id": eid, "name": "babbageandco", "displayName": "Babbage & Co.", "logoHash": None,
        "logoUrl": None, "idAdmins": [ada], "enterpriseDomains": ["analytical-engines.example.com"],
        "isRealEnterprise": True, "idOrganizations": [org["id"]],
    }  # fmt: skip
    org["idEnterprise"] = eid
    b.data.members[ada]["idEnterprise"] = eid
