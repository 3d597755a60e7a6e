"""Trello mappings of Enterprise fields, the enterprise entry point and its edges."""

from trelloql.resolvers.base import Fetch

MAPPINGS = [
    Fetch("Query.enterprise", "/enterprises/{id}", "Enterprise"),
    Fetch("Enterprise.admins", "/enterprises/{id}/admins", "Member"),
    Fetch("Member.enterprise", "/enterprises/{idEnterprise}", "Enterprise"),
    Fetch("Organization.enterprise", "/enterprises/{idEnterprise}", "Enterprise"),
]
