"""trelloql: a GraphQL API for Trello."""

from trelloql.lean_graphql import load_lazily

__version__ = "0.1.0"

load_lazily()
