"""Trello mappings of Board fields and the board entry point."""

from trelloql.resolvers.base import Fetch, filter_param
from trelloql.resolvers.lookups import Lookup, pick
from trelloql.resolvers.paging import action_params

MAPPINGS = [
    Fetch("Query.board", "/boards/{id}", "Board"),
    Fetch("Board.lists", "/boards/{id}/lists", "List", filter_param),
    Fetch("Board.cards", "/boards/{id}/cards", "Card", filter_param),
    Fetch("Board.members", "/boards/{id}/members", "Member", filter_param),
    Fetch("Board.labels", "/boards/{id}/labels", "Label", lambda _args: {"limit": "1000"}),
    Fetch("Board.checklists", "/boards/{id}/checklists", "Checklist"),
    Fetch("Board.organization", "/organizations/{idOrganization}", "Organization"),
    Fetch("Board.actions", "/boards/{id}/actions", "Action", action_params),
    Fetch("Board.memberCreator", "/members/{idMemberCreator}", "Member"),
    Lookup(
        "Board.memberships",
        "/boards/{id}/memberships",
        "Membership",
        filter_param,
        fields_param=None,
    ),
    Lookup("Board.boardStars", "/boards/{id}/boardStars", "BoardStar", fields_param=None),
    Lookup(
        "Board.myPrefs",
        "/boards/{id}",
        "BoardMyPrefs",
        lambda _args: {"fields": "id", "myPrefs": "true"},
        fields_param=None,
        answer=pick("myPrefs"),
    ),
    Fetch("Membership.member", "/members/{idMember}", "Member"),
    Fetch("BoardStar.board", "/boards/{idBoard}", "Board"),
]
