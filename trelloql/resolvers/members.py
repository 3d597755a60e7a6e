"""Trello mappings of Member fields and the member entry points."""

from trelloql.resolvers.base import Fetch, filter_param

MAPPINGS = [
    Fetch("Query.me", "/members/me", "Member"),
    Fetch("Query.member", "/members/{id}", "Member"),
    Fetch("Member.boards", "/members/{id}/boards", "Board", filter_param),
    Fetch("Member.organizations", "/members/{id}/organizations", "Organization", filter_param),
    Fetch("Member.cards", "/members/{id}/cards", "Card", filter_param),
]
