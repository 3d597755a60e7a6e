"""Trello mappings of Board fields and the board entry point."""

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Fetch, filter_param

MAX_ACTIONS = 1000


def action_params(args: Args) -> dict[str, str]:
    """Trello's action paging params, checked before any call."""
    limit = args.get("limit")
    if limit is None or not 1 <= limit <= MAX_ACTIONS:
        raise UserInputError(f"`limit` must be between 1 and {MAX_ACTIONS}", "limit")
    params = {"limit": str(limit)}
    if args.get("filter"):
        params["filter"] = ",".join(args["filter"])
    for name in ("before", "since"):
        if args.get(name):
            params[name] = str(args[name])
    return params


MAPPINGS = [
    Fetch("Query.board", "/boards/{id}", "Board"),
    Fetch("Board.lists", "/boards/{id}/lists", "List", filter_param),
    Fetch("Board.cards", "/boards/{id}/cards", "Card", filter_param),
    Fetch("Board.members", "/boards/{id}/members", "Member", filter_param),
    Fetch("Board.labels", "/boards/{id}/labels", "Label", lambda _args: {"limit": "1000"}),
    Fetch("Board.checklists", "/boards/{id}/checklists", "Checklist"),
    Fetch("Board.organization", "/organizations/{idOrganization}", "Organization"),
    Fetch("Board.actions", "/boards/{id}/actions", "Action", action_params),
]
