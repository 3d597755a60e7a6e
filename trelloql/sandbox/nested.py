"""Rendering of resource collections with their nested-resource query parameters."""

from __future__ import annotations

from .cardview import card_view
from .context import Ctx
from .fields import ALL, CHECK_ITEM_DEFAULT, MEMBER_MINI, MEMBER_NAMES, parse_fields, project
from .params import choice, filter_cards, filter_lists, flag
from .seed import Record
from .views import board_view, checklist_view, label_view, list_view, member_view


def fields_of(ctx: Ctx, param: str, resource: str, default: str = ALL) -> tuple[str, ...]:
    """Parse the ``param`` fields list of ``resource`` from the query."""
    return parse_fields(ctx.arg(param), resource, default, param)


def render_members(
    ctx: Ctx,
    member_ids: list[str],
    fields: tuple[str, ...],
    cache: dict[str, Record] | None = None,
) -> list[Record]:
    """Members by id, projected; ``cache`` shares renderings across calls of one request."""
    cache = {} if cache is None else cache
    members = ctx.store.data.members
    for mid in member_ids:
        if mid not in cache:
            cache[mid] = project(member_view(ctx.store, members[mid], ctx.viewer), fields)
    return [cache[mid] for mid in member_ids]


def render_checklists(
    ctx: Ctx,
    checklists: list[Record],
    fields: tuple[str, ...],
    items: bool = True,
    item_fields: tuple[str, ...] | None = None,
) -> list[Record]:
    """Checklists, each with its ``checkItems`` unless ``items`` is false."""
    if item_fields is None:
        item_fields = parse_fields(None, "checkItem", CHECK_ITEM_DEFAULT)
    out = []
    for checklist in checklists:
        item = project(checklist_view(checklist), fields)
        if items:
            item["checkItems"] = [project(ci, item_fields) for ci in checklist["checkItems"]]
        out.append(item)
    return out


def render_attachments(ctx: Ctx, card: Record, mode: str, fields: tuple[str, ...]) -> list[Record]:
    """A card's attachments; ``mode`` ``cover`` keeps only the cover attachment."""
    attachments = ctx.store.attachments_of(card["id"])
    if mode == "cover":
        attachments = [a for a in attachments if a["id"] == card["idAttachmentCover"]]
    return [project(a, fields) for a in attachments]


def render_cards(
    ctx: Ctx,
    cards: list[Record],
    *,
    prefix: str = "",
    fields_param: str = "fields",
    default: str = ALL,
) -> list[Record]:
    """Cards, with the sub-resources their ``{prefix}*`` parameters ask for.

    ``{prefix}members``, ``{prefix}attachments``, ``{prefix}checklists`` and
    ``{prefix}stickers``, each with its ``*_fields``; ``prefix`` is ``card_`` when nested.
    """
    fields = fields_of(ctx, fields_param, "card", default)
    members = flag(ctx, f"{prefix}members")
    member_fields = fields_of(ctx, f"{prefix}member_fields", "member", MEMBER_MINI)
    attachments = choice(ctx, f"{prefix}attachments", ("true", "false", "cover"), "false")
    attachment_fields = fields_of(ctx, f"{prefix}attachment_fields", "attachment")
    checklists = choice(ctx, f"{prefix}checklists", ("all", "none"), "none")
    checklist_fields = fields_of(ctx, f"{prefix}checklist_fields", "checklist")
    stickers = flag(ctx, f"{prefix}stickers")
    sticker_fields = fields_of(ctx, f"{prefix}sticker_fields", "sticker")
    item_fields = parse_fields(None, "checkItem", CHECK_ITEM_DEFAULT)
    store = ctx.store
    out: list[Record] = []
    seen: dict[str, Record] = {}
    for card in cards:
        item = card_view(store, card, ctx.viewer, fields)
        if members:
            item["members"] = render_members(ctx, card["idMembers"], member_fields, seen)
        if attachments != "false":
            item["attachments"] = render_attachments(ctx, card, attachments, attachment_fields)
        if checklists == "all":
            found = store.checklists_of_card(card["id"])
            item["checklists"] = render_checklists(ctx, found, checklist_fields, True, item_fields)
        if stickers:
            item["stickers"] = [project(s, sticker_fields) for s in card["stickers"]]
        out.append(item)
    return out


def render_lists(
    ctx: Ctx,
    lists: list[Record],
    fields: tuple[str, ...],
    cards: str = "none",
    card_fields: tuple[str, ...] = (),
) -> list[Record]:
    """Lists, each with its cards embedded when ``cards`` is a filter other than ``none``."""
    out = []
    for lst in lists:
        item = project(list_view(ctx.store, lst), fields)
        if cards != "none":
            found = filter_cards(ctx.store, ctx.store.cards_of_list(lst["id"]), cards)
            item["cards"] = [card_view(ctx.store, c, ctx.viewer, card_fields) for c in found]
        out.append(item)
    return out


def render_boards(
    ctx: Ctx, boards: list[Record], fields: tuple[str, ...], lists: str = "none"
) -> list[Record]:
    """Readable boards, each with its lists embedded when ``lists`` is not ``none``."""
    out = []
    list_fields = parse_fields(None, "list")
    for board in boards:
        if not ctx.readable(board):
            continue
        item = project(board_view(ctx.store, board, ctx.viewer), fields)
        if lists != "none":
            found = filter_lists(ctx.store.lists_of(board["id"]), lists)
            item["lists"] = render_lists(ctx, found, list_fields)
        out.append(item)
    return out


def render_labels(ctx: Ctx, labels: list[Record], fields: tuple[str, ...]) -> list[Record]:
    """Labels with their use counts, projected."""
    return [project(label_view(ctx.store, label), fields) for label in labels]


MEMBERSHIP_FILTERS = ("active", "admin", "admins", "all", "deactivated", "me", "none", "normal")


def render_memberships(ctx: Ctx, memberships: list[Record], value: str) -> list[Record]:
    """Memberships matching a ``memberships=`` filter, with ``memberships_member`` embedding."""
    embed = flag(ctx, "memberships_member")
    fields = fields_of(ctx, "memberships_member_fields", "member", MEMBER_NAMES)
    tests = {
        "all": lambda m: True,
        "active": lambda m: not m["deactivated"],
        "admin": lambda m: m["memberType"] == "admin",
        "admins": lambda m: m["memberType"] == "admin",
        "normal": lambda m: m["memberType"] == "normal",
        "me": lambda m: m["idMember"] == ctx.viewer,
        "deactivated": lambda m: m["deactivated"],
        "none": lambda m: False,
    }
    out = []
    for membership in filter(tests[value], memberships):
        item = dict(membership)
        if embed:
            item["member"] = render_members(ctx, [membership["idMember"]], fields)[0]
        out.append(item)
    return out
