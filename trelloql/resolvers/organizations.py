"""Trello mappings of Organization fields and the workspace entry point."""

from trelloql.resolvers.base import Fetch, filter_param
from trelloql.resolvers.lookups import Lookup
from trelloql.resolvers.paging import action_params

MAPPINGS = [
    Fetch("Query.organization", "/organizations/{id}", "Organization"),
    Fetch("Organization.boards", "/organizations/{id}/boards", "Board", filter_param),
    Fetch("Organization.members", "/organizations/{id}/members", "Member"),
    Fetch("Organization.actions", "/organizations/{id}/actions", "Action", action_params),
    Lookup(
        "Organization.memberships",
        "/organizations/{id}/memberships",
        "Membership",
        filter_param,
        fields_param=None,
    ),
    Lookup(
        "Organization.membership",
        "/organizations/{id}/memberships/{idMembership}",
        "Membership",
        from_args=("idMembership",),
        fields_param=None,
    ),
    Lookup("Organization.tags", "/organizations/{id}/tags", "Tag", fields_param=None),
    Lookup("Organization.exports", "/organizations/{id}/exports", "Export", fields_param=None),
    Lookup(
        "Organization.newBillableGuests",
        "/organizations/{id}/newBillableGuests/{idBoard}",
        "Member",
        from_args=("idBoard",),
        fields_param=None,
    ),
]
