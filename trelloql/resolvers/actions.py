"""Trello mappings of Action fields, its reactions, the action entry point, reaction mutations."""

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Fetch, Mapping_, Write, WriteRequest
from trelloql.resolvers.lookups import Lookup
from trelloql.resolvers.mutations import deleted, from_input
from trelloql.validation import INPUT, checked, object_id, path_values, text

MAPPINGS: list[Mapping_] = [
    Fetch("Query.action", "/actions/{id}", "Action"),
    Fetch("Action.memberCreator", "/actions/{id}/memberCreator", "Member"),
    Lookup("Action.member", "/actions/{id}/member", "Member", optional=True),
    Lookup("Action.board", "/actions/{id}/board", "Board", when="data.board", optional=True),
    Lookup("Action.card", "/actions/{id}/card", "Card", when="data.card", optional=True),
    Lookup("Action.list", "/actions/{id}/list", "List", when="data.list", optional=True),
    Lookup(
        "Action.organization",
        "/actions/{id}/organization",
        "Organization",
        when="data.organization",
        optional=True,
    ),
    Lookup("Action.reactions", "/actions/{id}/reactions", "Reaction", fields_param=None),
    Lookup(
        "Action.reaction",
        "/actions/{id}/reactions/{idReaction}",
        "Reaction",
        from_args=("idReaction",),
        fields_param=None,
    ),
    Lookup(
        "Action.reactionsSummary",
        "/actions/{id}/reactionsSummary",
        "ReactionSummary",
        fields_param=None,
    ),
    Fetch("Reaction.member", "/members/{idMember}", "Member"),
]

EMOJI_RULES = {
    "idAction": object_id, "shortName": text(1, 100), "native": text(1, 32),
    "unified": text(1, 64), "skinVariation": text(1, 64),
}  # fmt: skip


def add_reaction(args: Args) -> WriteRequest:
    """`POST /actions/{idAction}/reactions`: the emoji by short name, character or code points."""
    params = checked(args, EMOJI_RULES, ("idAction",))
    values = path_values(params, "idAction")
    if not {"shortName", "native", "unified"} & set(params):
        raise UserInputError("name the emoji by `shortName`, `native` or `unified`", INPUT)
    return values, params


MAPPINGS += [
    Write("Mutation.addReaction", "POST", "/actions/{idAction}/reactions", add_reaction),
    Write(
        "Mutation.deleteReaction",
        "DELETE",
        "/actions/{idAction}/reactions/{id}",
        from_input({"idAction": object_id, "id": object_id}, path=("idAction", "id")),
        deleted(),
    ),
]
