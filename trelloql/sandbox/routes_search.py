"""``/search`` over cards, boards, members and workspaces, and ``/search/members/``.

Words match whole words (or prefixes with ``partial=true``), case-insensitively, in names and
descriptions; ``is:open``, ``is:archived`` and ``@username``/``@me`` filter cards; other
``operator:value`` terms are accepted and ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .access import can_read_org, is_member
from .cardview import card_view
from .context import Ctx
from .errors import TrelloError, invalid_value
from .fields import MEMBER_MINI, ORG_MINI, project
from .ids import is_object_id
from .nested import fields_of, render_members
from .params import flag, number
from .routing import Router
from .seed import Record
from .views import board_view, org_view

KINDS = ("actions", "boards", "cards", "members", "organizations")
MAX_QUERY = 16384
_WORD = re.compile(r"[\w']+")
SEARCH_MEMBER = MEMBER_MINI + ",confirmed"


class Terms:
    """A parsed query: plain words and the card operators the sandbox understands."""

    def __init__(self, query: str, partial: bool) -> None:
        self.words: list[str] = []
        self.state: str | None = None
        self.members: list[str] = []
        for term in query.split():
            lowered = term.lower()
            if lowered in ("is:open", "is:archived"):
                self.state = lowered[3:]
            elif term.startswith("@") and len(term) > 1:
                self.members.append(term[1:])
            elif ":" not in term:
                self.words.extend(_WORD.findall(lowered))
        self.partial = partial

    def text_matches(self, *texts: str) -> bool:
        """Whether every word is in one of ``texts`` (whole word, or prefix when partial)."""
        found = {word for text in texts for word in _WORD.findall(text.lower())}
        if self.partial:
            return all(any(f.startswith(w) for f in found) for w in self.words)
        return all(w in found for w in self.words)


def _ids(ctx: Ctx, name: str) -> set[str] | None:
    value = ctx.arg(name)
    if not value:
        return None
    ids = {v.strip().lower() for v in value.split(",") if v.strip()}
    if not all(is_object_id(v) or (name == "idBoards" and v == "mine") for v in ids):
        raise invalid_value(name)
    return ids


def _boards(ctx: Ctx) -> list[Record]:
    """Boards the search may look at: readable, within idBoards/idOrganizations."""
    boards = [b for b in ctx.store.data.boards.values() if ctx.readable(b)]
    wanted = _ids(ctx, "idBoards")
    if wanted is not None:
        mine = {b["id"] for b in boards if is_member(b, ctx.viewer)} if "mine" in wanted else set()
        boards = [b for b in boards if b["id"] in wanted or b["id"] in mine]
    orgs = _ids(ctx, "idOrganizations")
    if orgs is not None:
        boards = [b for b in boards if b["idOrganization"] in orgs]
    return boards


def _card_test(ctx: Ctx, terms: Terms) -> Callable[[Record], bool]:
    members = ctx.store.by_username
    wanted = {
        ctx.viewer if name == "me" else members[name]["id"]
        for name in terms.members
        if name == "me" or name in members
    }
    missing = any(name != "me" and name not in members for name in terms.members)

    def test(card: Record) -> bool:
        if missing or not terms.text_matches(card["name"], card["desc"]):
            return False
        if terms.state is not None and card["closed"] != (terms.state == "archived"):
            return False
        return wanted <= set(card["idMembers"])

    return test


def search(ctx: Ctx) -> dict[str, Any]:
    """``GET /search``."""
    query = ctx.arg("query") or ""
    if not 1 <= len(query) <= MAX_QUERY:
        raise TrelloError(400, "invalid value for query")
    partial = flag(ctx, "partial")
    terms = Terms(query, partial)
    types = ctx.arg("modelTypes") or "all"
    kinds = set(KINDS) if types == "all" else {t.strip() for t in types.split(",")}
    if not kinds <= set(KINDS):
        raise invalid_value("modelTypes")
    out: dict[str, Any] = {
        "options": {
            "terms": [{"text": t} for t in query.split()], "modelTypes": sorted(kinds),
            "partial": partial,
        },
    }  # fmt: skip
    boards = _boards(ctx)
    if "cards" in kinds:
        limit = number(ctx, "cards_limit", 10, 1, 1000)
        page = number(ctx, "cards_page", 0, 0, 100)
        card_ids = _ids(ctx, "idCards")
        test = _card_test(ctx, terms)
        found = [
            c
            for b in boards
            for c in ctx.store.cards_of_board(b["id"])
            if (card_ids is None or c["id"] in card_ids) and test(c)
        ]
        fields = fields_of(ctx, "card_fields", "card")
        chosen = found[page * limit : (page + 1) * limit]
        out["cards"] = [card_view(ctx.store, c, ctx.viewer, fields) for c in chosen]
    if "boards" in kinds:
        limit = number(ctx, "boards_limit", 10, 1, 1000)
        fields = fields_of(ctx, "board_fields", "board", "name,idOrganization")
        found = [b for b in boards if terms.text_matches(b["name"], b["desc"])][:limit]
        out["boards"] = [project(board_view(ctx.store, b, ctx.viewer), fields) for b in found]
    if "members" in kinds:
        limit = number(ctx, "members_limit", 10, 1, 1000)
        fields = fields_of(ctx, "member_fields", "member", SEARCH_MEMBER)
        people = [
            m["id"]
            for m in ctx.store.data.members.values()
            if terms.text_matches(m["fullName"], m["username"])
        ]
        out["members"] = render_members(ctx, people[:limit], fields)
    if "organizations" in kinds:
        limit = number(ctx, "organizations_limit", 10, 1, 1000)
        fields = fields_of(ctx, "organization_fields", "organization", ORG_MINI)
        orgs = [
            o
            for o in ctx.store.data.organizations.values()
            if can_read_org(o, ctx.viewer)
            and terms.text_matches(o["displayName"], o["name"], o["desc"])
        ]
        out["organizations"] = [
            project(org_view(ctx.store, o, ctx.viewer), fields) for o in orgs[:limit]
        ]
    if "actions" in kinds:
        out["actions"] = []
    return out


def search_members(ctx: Ctx) -> list[Record]:
    """``GET /search/members/``: members whose name or username starts with the query."""
    query = (ctx.arg("query") or "").strip().lower()
    if not 1 <= len(query) <= MAX_QUERY:
        raise TrelloError(400, "invalid value for query")
    limit = number(ctx, "limit", 8, 1, 20)
    store = ctx.store
    found = [
        m
        for m in store.data.members.values()
        if any(part.startswith(query) for part in (m["username"], *m["fullName"].lower().split()))
        or m["fullName"].lower().startswith(query)
    ]
    board_ref, org_ref = ctx.arg("idBoard"), ctx.arg("idOrganization")
    preferred: set[str] = set()
    if board_ref:
        preferred |= {m["idMember"] for m in ctx.board(board_ref)["memberships"]}
    if org_ref:
        org_members = {m["idMember"] for m in ctx.organization(org_ref)["memberships"]}
        preferred |= org_members
        if flag(ctx, "onlyOrgMembers"):
            found = [m for m in found if m["id"] in org_members]
    found.sort(key=lambda m: m["id"] not in preferred)
    fields = fields_of(ctx, "fields", "member", SEARCH_MEMBER)
    return render_members(ctx, [m["id"] for m in found[:limit]], fields)


def register(router: Router) -> None:
    """Add the search routes."""
    router.add("/search", search)
    router.add("/search/members", search_members)
