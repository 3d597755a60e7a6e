"""Measuring a GraphQL document against the abuse limits, before anything runs.

Tokens are counted first (`trelloql.lexemes`, over at most `max_chars` characters), so
that only bounded documents are parsed at all. The document is then read as the syntax
tree that libgraphqlparser, the engine's own parser, makes of it (`trelloql.syntax_tree`;
the engine builds its document from the same tree): plain dicts. A document that does not
parse is left to the engine, which rejects it with its own message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from trelloql.lexemes import count_tokens
from trelloql.settings import Settings
from trelloql.syntax_tree import TooDeep, syntax_tree

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})

Node = dict[str, Any]
"""A node of libgraphqlparser's syntax tree: its `kind` and that kind's fields."""


@dataclass(frozen=True)
class GuardLimits:
    """The abuse limits; see docs/operations.md for how the defaults were chosen."""

    max_chars: int = 40_000
    max_tokens: int = 1_000
    max_depth: int = 8
    max_aliases: int = 15
    max_directives: int = 50
    max_cost: int = 2_000
    introspection: bool = True


class QueryRejected(Exception):
    """The document breaks a limit; `code` goes to `extensions.code`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class Selected:
    """The parsed document and the operation that will run."""

    document: Node
    operation: Node
    fragments: dict[str, Node]
    cost: int = 0
    """The estimated number of Trello requests (once the guard has checked it)."""

    @property
    def operation_name(self) -> str | None:
        """The operation's own name, if it has one."""
        return name_of(self.operation)


CostFunction = Callable[[Selected], int]


# Verdicts are remembered for documents up to this size (clients repeat their queries).
VERDICT_CACHE_SIZE = 256
VERDICT_CACHE_MAX_CHARS = 10_000


@dataclass(frozen=True)
class QueryGuard:
    """The limits and the cost estimate the middleware applies."""

    limits: GuardLimits
    cost: CostFunction
    _verdicts: Callable[[str, str | None], Selected | QueryRejected | None] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        verdicts = lru_cache(maxsize=VERDICT_CACHE_SIZE)(self._verdict)
        object.__setattr__(self, "_verdicts", verdicts)

    def check(self, text: str, operation_name: str | None) -> Selected | None:
        """`check_query` with this guard's limits; repeated documents are checked once."""
        verdict = (
            self._verdicts(text, operation_name)
            if len(text) <= VERDICT_CACHE_MAX_CHARS
            else self._verdict(text, operation_name)
        )
        if isinstance(verdict, QueryRejected):
            raise QueryRejected(verdict.code, verdict.message)  # a fresh one: no growing traceback
        return verdict

    def _verdict(self, text: str, operation_name: str | None) -> Selected | QueryRejected | None:
        try:
            return check_query(text, operation_name, self.limits, self.cost)
        except QueryRejected as exc:
            return exc

    @classmethod
    def from_settings(cls, settings: Settings, cost: CostFunction) -> QueryGuard:
        """The guard configured by TRELLOQL_MAX_* and TRELLOQL_INTROSPECTION."""
        limits = GuardLimits(
            max_chars=settings.max_query_chars,
            max_tokens=settings.max_query_tokens,
            max_depth=settings.max_query_depth,
            max_aliases=settings.max_query_aliases,
            max_directives=settings.max_query_directives,
            max_cost=settings.max_query_cost,
            introspection=settings.introspection,
        )
        return cls(limits, cost)


def check_query(
    text: str, operation_name: str | None, limits: GuardLimits, cost: CostFunction
) -> Selected | None:
    """Raise QueryRejected when `text` breaks a limit; return the parsed operation.

    Returns None when the document does not parse or names no runnable
    operation: the engine then answers with the precise error.
    """
    if len(text) > limits.max_chars:
        raise QueryRejected(
            "QUERY_TOO_LARGE",
            f"The query is {len(text)} characters long; the limit is {limits.max_chars}.",
        )
    if count_tokens(text) > limits.max_tokens:
        raise QueryRejected(
            "QUERY_TOO_MANY_TOKENS",
            f"The query has more tokens than the limit of {limits.max_tokens}.",
        )
    try:
        document = syntax_tree(text)
    except TooDeep:
        raise QueryRejected(
            "QUERY_TOO_DEEP", f"The query nests too deep; the limit is {limits.max_depth}."
        ) from None
    if document is None:
        return None
    selected = select_operation(document, operation_name)
    if selected is None:
        return None
    _check_counts(document, limits)
    if not limits.introspection and uses_introspection(document):
        raise QueryRejected("INTROSPECTION_DISABLED", "Introspection is turned off on this server.")
    depth = query_depth(selected)
    if depth > limits.max_depth:
        raise QueryRejected(
            "QUERY_TOO_DEEP",
            f"The query nests {depth} fields deep; the limit is {limits.max_depth}.",
        )
    estimate = cost(selected)
    if estimate > limits.max_cost:
        raise QueryRejected(
            "QUERY_TOO_COSTLY",
            f"The query would need about {estimate} Trello requests; the limit is "
            f"{limits.max_cost}. Select fewer nested lists, or split the query.",
        )
    return replace(selected, cost=estimate)


def name_of(node: Node | None) -> str | None:
    """The value of a node's `name` (an operation's may be absent)."""
    name = None if node is None else node.get("name")
    return name["value"] if name else None


def selections(node: Node) -> list[Node]:
    """The selections of a node's selection set; none for a leaf field."""
    selection_set = node.get("selectionSet")
    return selection_set["selections"] if selection_set else []


def type_condition(node: Node) -> str | None:
    """The type a fragment or inline fragment applies to, if it names one."""
    condition = node.get("typeCondition")
    return condition["name"]["value"] if condition else None


def select_operation(document: Node, name: str | None) -> Selected | None:
    """The operation `name` picks (or the only one), with the document's fragments."""
    definitions = document["definitions"]
    operations = [d for d in definitions if d["kind"] == "OperationDefinition"]
    if name:
        operations = [op for op in operations if name_of(op) == name]
    if len(operations) != 1:
        return None
    fragments = {name_of(d) or "": d for d in definitions if d["kind"] == "FragmentDefinition"}
    return Selected(document, operations[0], fragments)


def _check_counts(document: Node, limits: GuardLimits) -> None:
    aliases, directives = _aliases_and_directives(document)
    if aliases > limits.max_aliases:
        raise QueryRejected(
            "QUERY_TOO_MANY_ALIASES",
            f"The query uses {aliases} aliases; the limit is {limits.max_aliases}.",
        )
    if directives > limits.max_directives:
        raise QueryRejected(
            "QUERY_TOO_MANY_DIRECTIVES",
            f"The query uses {directives} directives; the limit is {limits.max_directives}.",
        )


def _aliases_and_directives(document: Node) -> tuple[int, int]:
    """Aliases (`__typename` ones are free) and directives in the document: on its
    operations and fragments, their variables and everything they select."""
    aliases = directives = 0
    for definition in document["definitions"]:
        for variable in definition.get("variableDefinitions") or ():
            directives += len(variable.get("directives") or ())
    for node in _selected_nodes(document):
        directives += len(node.get("directives") or ())
        if node.get("alias") is not None:
            aliases += node["name"]["value"] != "__typename"
    return aliases, directives


def _selected_nodes(document: Node) -> Iterator[Node]:
    """Every definition of the document and every selection in it, iteratively (deep
    documents must not exhaust the stack)."""
    stack = list(document["definitions"])
    while stack:
        node = stack.pop()
        yield node
        stack.extend(selections(node))


def uses_introspection(document: Node) -> bool:
    """Whether the document selects `__schema` or `__type` anywhere.

    (A fragment the operation does not use is an error the engine reports anyway.)
    """
    return any(
        node["kind"] == "Field" and node["name"]["value"] in INTROSPECTION_ROOTS
        for node in _selected_nodes(document)
    )


def query_depth(selected: Selected) -> int:
    """Fields on the longest path of the operation, leaves included; fragments are
    followed, introspection subtrees (`__schema`, `__type`) are not counted."""
    return _Depth(selected.fragments).depth(selected.operation, frozenset())


class _Depth:
    """`query_depth`'s walk: methods rather than nested functions, which would leave a
    reference cycle behind per query."""

    def __init__(self, fragments: dict[str, Node]) -> None:
        self.fragments = fragments
        self.memo: dict[str, int] = {}

    def depth(self, node: Node, active: frozenset[str]) -> int:
        deepest = 0
        for selection in selections(node):
            kind = selection["kind"]
            if kind == "Field":
                if selection["name"]["value"] in INTROSPECTION_ROOTS:
                    continue
                deepest = max(deepest, 1 + self.depth(selection, active))
            elif kind == "InlineFragment":
                deepest = max(deepest, self.depth(selection, active))
            elif kind == "FragmentSpread":
                deepest = max(deepest, self.fragment_depth(selection["name"]["value"], active))
        return deepest

    def fragment_depth(self, name: str, active: frozenset[str]) -> int:
        fragment = self.fragments.get(name)
        if fragment is None or name in active:
            return 0
        if name not in self.memo:
            self.memo[name] = self.depth(fragment, active | {name})
        return self.memo[name]
