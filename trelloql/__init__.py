"""trelloql: a GraphQL API for Trello."""

__version__ = "0.1.0"
