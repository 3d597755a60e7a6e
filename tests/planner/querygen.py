"""A seeded generator of realistic GraphQL queries for this schema, with aliases and fragments."""

from __future__ import annotations

import random
from dataclasses import dataclass

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)

ACTION_TYPES = ["commentCard", "createCard", "updateCard", "updateCard:idList", "createList"]


@dataclass
class Ids:
    """Ids to ask for, per root field (existing, private and unknown ones)."""

    by_root: dict[str, list[str]]


class QueryGenerator:
    """Walks the schema from Query, choosing fields, arguments, aliases and fragments."""

    def __init__(self, schema: GraphQLSchema, ids: Ids, seed: int, max_depth: int = 4) -> None:
        self.schema = schema
        self.ids = ids
        self.random = random.Random(seed)
        self.max_depth = max_depth
        self.fragments: dict[str, str] = {}

    def query(self) -> str:
        """One query document."""
        self.fragments = {}
        query_type = self.schema.query_type
        assert query_type is not None
        roots = [name for name in query_type.fields if name in self.ids.by_root or name == "me"]
        chosen = self.random.sample(roots, k=self.random.randint(1, min(3, len(roots))))
        parts = []
        for n, name in enumerate(chosen):
            field = query_type.fields[name]
            args = f'(id: "{self.random.choice(self.ids.by_root[name])}")' if field.args else ""
            alias = f"r{n}: " if self.random.random() < 0.3 else ""
            parts.append(f"{alias}{name}{args} {self.selection(field.type, 1)}")
        body = "{ " + " ".join(parts) + " }"
        return body + "".join(f"\n{text}" for text in self.fragments.values())

    def selection(self, output_type: object, depth: int) -> str:
        """A selection set for an object type."""
        named = get_named_type(output_type)
        assert isinstance(named, GraphQLObjectType)
        scalars = [n for n, f in named.fields.items() if not _is_object(f.type)]
        objects = [n for n, f in named.fields.items() if _is_object(f.type)]
        picked = self.random.sample(scalars, k=self.random.randint(1, min(4, len(scalars))))
        if depth < self.max_depth and objects:
            picked += self.random.sample(objects, k=self.random.randint(0, min(3, len(objects))))
        parts = []
        for n, name in enumerate(picked):
            field = named.fields[name]
            text = name + self.arguments(field.args)
            if _is_object(field.type):
                text += " " + self.selection(field.type, depth + 1)
                if self.random.random() < 0.25:
                    twin = (
                        name
                        + self.arguments(field.args)
                        + " "
                        + self.selection(field.type, depth + 1)
                    )
                    parts.append(f"a{depth}_{n}: {twin}")
            parts.append(text)
        if self.random.random() < 0.15:
            fragment = f"F{len(self.fragments)}"
            self.fragments[fragment] = (
                f"fragment {fragment} on {named.name} {{ {self.random.choice(scalars)} }}"
            )
            parts.append(f"...{fragment}")
        if self.random.random() < 0.1:
            parts.append(f"... on {named.name} {{ {self.random.choice(scalars)} }}")
        return "{ " + " ".join(parts) + " }"

    def arguments(self, args: dict) -> str:
        """Values for a field's arguments; some left to their defaults."""
        given = []
        for name, arg in args.items():
            if self.random.random() < 0.5:
                continue
            kind = get_named_type(arg.type)
            if isinstance(kind, GraphQLEnumType):
                given.append(f"{name}: {self.random.choice(list(kind.values))}")
            elif name == "limit":
                given.append(f"{name}: {self.random.choice([1, 3, 20, 1000])}")
            elif isinstance(_unwrap(arg.type), GraphQLList):
                picks = self.random.sample(ACTION_TYPES, k=self.random.randint(1, 2))
                given.append(f"{name}: [{', '.join(f'{chr(34)}{p}{chr(34)}' for p in picks)}]")
        return f"({', '.join(given)})" if given else ""


def _unwrap(graphql_type: object) -> object:
    return graphql_type.of_type if isinstance(graphql_type, GraphQLNonNull) else graphql_type


def _is_object(graphql_type: object) -> bool:
    return isinstance(get_named_type(graphql_type), GraphQLObjectType)
