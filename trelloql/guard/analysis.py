"""Measuring a GraphQL document against the abuse limits, before anything runs.

Documents are read with graphql-core's parser (Tartiflette has no hook for extra
validation rules), which stops at the token limit, so parsing is always bounded. A
document graphql-core cannot parse is left to the engine, which rejects it with its
own message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from graphql.error import GraphQLError
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)

from trelloql.settings import Settings

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})


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

    document: DocumentNode
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    cost: int = 0
    """The estimated number of Trello requests (once the guard has checked it)."""


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
    try:
        document = parse(text, no_location=True, max_lexical_tokens=limits.max_tokens)
    except GraphQLError as error:
        if error.message.endswith(f"more than {limits.max_tokens} tokens. Parsing aborted."):
            raise QueryRejected(
                "QUERY_TOO_MANY_TOKENS",
                f"The query has more tokens than the limit of {limits.max_tokens}.",
            ) from None
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


def select_operation(document: DocumentNode, name: str | None) -> Selected | None:
    """The operation `name` picks (or the only one), with the document's fragments."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name:
        operations = [op for op in operations if op.name is not None and op.name.value == name]
    if len(operations) != 1:
        return None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return Selected(document, operations[0], fragments)


def _check_counts(document: DocumentNode, limits: GuardLimits) -> None:
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


def _aliases_and_directives(document: DocumentNode) -> tuple[int, int]:
    """Aliases (`__typename` ones are free) and directives in the document.

    Executable definitions are walked through their selections only (where aliases and
    directives can be); anything else, which the engine refuses anyway, node by node.
    """
    aliases = directives = 0
    stack: list[Node] = []
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode):
            stack.append(definition)
            for variable in getattr(definition, "variable_definitions", None) or ():
                directives += len(variable.directives or ())
        else:
            directives += sum(len(getattr(n, "directives", None) or ()) for n in _walk(definition))
    while stack:
        node = stack.pop()
        directives += len(getattr(node, "directives", None) or ())
        if isinstance(node, FieldNode) and node.alias is not None:
            aliases += node.name.value != "__typename"
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)
    return aliases, directives


def _walk(node: Node) -> Iterator[Node]:
    """Every node under `node`, iteratively (deep documents must not exhaust the stack)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for key in current.keys:
            value = getattr(current, key, None)
            if isinstance(value, Node):
                stack.append(value)
            elif isinstance(value, tuple | list):
                stack.extend(item for item in value if isinstance(item, Node))


def uses_introspection(document: DocumentNode) -> bool:
    """Whether the document selects `__schema` or `__type` anywhere.

    (A fragment the operation does not use is an error the engine reports anyway.)
    """
    return any(
        isinstance(node, FieldNode) and node.name.value in INTROSPECTION_ROOTS
        for node in _walk(document)
    )


def query_depth(selected: Selected) -> int:
    """Fields on the longest path of the operation, leaves included; fragments are
    followed, introspection subtrees (`__schema`, `__type`) are not counted."""
    memo: dict[str, int] = {}

    def depth(selection_set: SelectionSetNode | None, active: frozenset[str]) -> int:
        if selection_set is None:
            return 0
        deepest = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value in INTROSPECTION_ROOTS:
                    continue
                deepest = max(deepest, 1 + depth(selection.selection_set, active))
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, depth(selection.selection_set, active))
            elif isinstance(selection, FragmentSpreadNode):
                deepest = max(deepest, fragment_depth(selection.name.value, active))
        return deepest

    def fragment_depth(name: str, active: frozenset[str]) -> int:
        fragment = selected.fragments.get(name)
        if fragment is None or name in active:
            return 0
        if name not in memo:
            memo[name] = depth(fragment.selection_set, active | {name})
        return memo[name]

    return depth(selected.operation.selection_set, frozenset())
