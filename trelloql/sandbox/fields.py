"""Per-resource field sets, Trello's default sets, and ``fields=`` projection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import invalid_value

FIELDS: dict[str, tuple[str, ...]] = {
    "board": (
        "id", "name", "desc", "descData", "closed", "dateClosed", "idMemberCreator",
        "idOrganization", "idEnterprise", "pinned", "url", "shortUrl", "shortLink", "prefs",
        "labelNames", "starred", "limits", "memberships", "enterpriseOwned", "subscribed",
        "dateLastActivity", "dateLastView", "powerUps", "idTags", "creationMethod", "ixUpdate",
        "templateGallery", "invitations", "invited",
    ),
    "card": (
        "id", "address", "badges", "checkItemStates", "closed", "coordinates", "creationMethod",
        "dueComplete", "dateLastActivity", "desc", "descData", "due", "dueReminder", "start",
        "email", "idBoard", "idChecklists", "idLabels", "idList", "idMembers", "idMembersVoted",
        "idShort", "idAttachmentCover", "labels", "limits", "locationName",
        "manualCoverAttachment", "name", "pos", "shortLink", "shortUrl", "subscribed", "url",
        "cover", "isTemplate", "cardRole",
    ),
    "list": (
        "id", "name", "closed", "color", "idBoard", "pos", "subscribed", "softLimit", "limits",
    ),
    "member": (
        "id", "activityBlocked", "avatarHash", "avatarUrl", "bio", "bioData", "confirmed",
        "fullName", "idEnterprise", "idMemberReferrer", "idPremOrgsAdmin", "initials",
        "memberType", "nonPublic", "nonPublicAvailable", "products", "url", "username",
        "status", "avatarSource", "email", "gravatarHash", "idBoards", "idOrganizations",
        "idEnterprisesAdmin", "limits", "loginTypes", "prefs", "trophies",
        "uploadedAvatarHash", "uploadedAvatarUrl", "premiumFeatures", "idBoardsPinned",
        "oneTimeMessagesDismissed",
    ),
    "organization": (
        "id", "name", "displayName", "desc", "descData", "url", "website", "teamType",
        "logoHash", "logoUrl", "products", "powerUps", "idBoards", "memberships", "prefs",
        "premiumFeatures", "idEnterprise", "idMemberCreator", "dateLastActivity", "limits",
        "billableMemberCount",
    ),
    "label": ("id", "idBoard", "name", "color", "uses"),
    "checklist": ("id", "name", "idBoard", "idCard", "pos", "limits"),
    "checkItem": (
        "id", "idChecklist", "name", "nameData", "pos", "state", "type", "due", "dueReminder",
        "idMember",
    ),
    "attachment": (
        "id", "bytes", "date", "edgeColor", "idMember", "isUpload", "mimeType", "name",
        "previews", "url", "pos", "fileName",
    ),
    "action": ("id", "idMemberCreator", "data", "appCreator", "type", "date", "limits"),
    "sticker": ("id", "top", "left", "zIndex", "rotate", "image", "imageUrl", "imageScaled"),
    "checkItemState": ("idCheckItem", "state"),
    "membership": ("id", "idMember", "memberType", "unconfirmed", "deactivated"),
    "notification": (
        "id", "unread", "type", "date", "dateRead", "data", "appCreator", "idMemberCreator",
        "idAction", "reactions",
    ),
    "token": ("id", "identifier", "idMember", "dateCreated", "dateExpires", "permissions"),
}  # fmt: skip

ALWAYS: dict[str, tuple[str, ...]] = {
    "checkItem": ("id", "idChecklist"),
    "checkItemState": ("idCheckItem",),
}

ALL = "all"
BOARD_DEFAULT = "name,desc,descData,closed,idOrganization,pinned,url,shortUrl,prefs,labelNames"
BOARD_ON_CARD = "name,desc,descData,closed,idOrganization,pinned,url,prefs"
CARD_DEFAULT = (
    "badges,checkItemStates,closed,dateLastActivity,desc,descData,due,start,idBoard,"
    "idChecklists,idLabels,idList,idMembers,idShort,idAttachmentCover,manualCoverAttachment,"
    "labels,name,pos,shortUrl,url"
)
LIST_DEFAULT = "name,closed,idBoard,pos"
MEMBER_MINI = "avatarHash,fullName,initials,username"
MEMBER_NAMES = "fullName,username"
ACTION_MEMBER = (
    "activityBlocked,avatarHash,avatarUrl,fullName,idMemberReferrer,initials,nonPublic,"
    "nonPublicAvailable,username"
)
ORG_MINI = "name,displayName"
CHECK_ITEM_DEFAULT = "name,nameData,pos,state,due,dueReminder,idMember"


def parse_fields(
    value: str | None, resource: str, default: str = ALL, param: str = "fields"
) -> tuple[str, ...]:
    """Resolve a ``fields``-style parameter to the ordered field names to return.

    ``all`` selects every field; otherwise a comma list, each name known for ``resource``.
    The resource's always-returned fields (``id`` for most) come first.
    """
    raw = default if value is None else value
    known = FIELDS[resource]
    always = ALWAYS.get(resource, ("id",))
    if raw.strip() == ALL:
        return always + tuple(f for f in known if f not in always)
    wanted = {name.strip() for name in raw.split(",") if name.strip()}
    if not wanted <= set(known):
        raise invalid_value(param)
    return always + tuple(f for f in known if f in wanted and f not in always)


def project(obj: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Keep only ``fields`` of ``obj``, in that order."""
    return {name: obj[name] for name in fields if name in obj}
