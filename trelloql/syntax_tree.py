"""One parse of each new document, shared by the query guard and the engine.

Tartiflette parses a query with libgraphqlparser (C), which hands over the syntax tree as
JSON, then builds and validates its own nodes from it. The query guard measures the same
JSON tree (plain dicts and lists) before the engine runs, and the engine then builds its
nodes from that tree instead of parsing the document a second time: a new document costs
one C parse, where the guard's own graphql-core parse used to cost more than the C parse
and Tartiflette's JSON decoding together.

`\\u` escapes in string literals are written as characters first (see
`trelloql.unicode_escapes`), as libgraphqlparser would otherwise mangle them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from tartiflette.language.parsers.libgraphqlparser.parser import _parse_to_json_ast
from tartiflette.language.parsers.libgraphqlparser.transformers import document_from_ast_json
from tartiflette.types.exceptions.tartiflette import GraphQLSyntaxError, TartifletteError
from tartiflette.utils.errors import to_graphql_error

from trelloql.fastjson import loads
from trelloql.unicode_escapes import literal_unicode_escapes

ParseAndValidate = Callable[[Any, Any], Any]

TREES_KEPT = 8
"""Trees kept between the guard's look and the engine's parse of the same document (a
request's two happen within one loop turn or two; a miss only costs a second parse)."""


class TooDeep(Exception):
    """The document nests too deep for its syntax tree to be read."""


def syntax_tree(text: str) -> dict[str, Any] | None:
    """The document's syntax tree as libgraphqlparser gives it, or None when it does not
    parse (the engine then reports why, in its own words); TooDeep when it nests deeper
    than its tree can be read (about 300 levels)."""
    return _tree(literal_unicode_escapes(text))


@lru_cache(maxsize=TREES_KEPT)
def _tree(text: str) -> dict[str, Any] | None:
    try:
        raw = _parse_to_json_ast(text)
    except (GraphQLSyntaxError, ValueError):
        return None
    try:
        tree = loads(raw)
    except RecursionError:
        raise TooDeep from None
    return tree if isinstance(tree, dict) else None


def shared_tree_query_cache(maxsize: int = 512) -> Callable[[ParseAndValidate], ParseAndValidate]:
    """A Tartiflette `query_cache_decorator`: the engine's usual LRU of parsed and validated
    documents, built from the syntax tree the guard already read when it did."""

    def decorate(parse_and_validate: ParseAndValidate) -> ParseAndValidate:
        @lru_cache(maxsize=maxsize)
        def parse(query: Any, schema: Any) -> Any:
            if isinstance(query, str):
                query = literal_unicode_escapes(query)
                try:
                    tree = _tree(query)
                except TooDeep:
                    tree = None
                if tree is not None:
                    return _validated(tree, query, schema)
            return parse_and_validate(query, schema)  # for the engine's own syntax error

        return parse

    return decorate


def _validated(tree: dict[str, Any], query: str, schema: Any) -> Any:
    """Tartiflette's `parse_and_validate_query`, from an already parsed tree."""
    try:
        document = document_from_ast_json(tree, query, schema)
    except TartifletteError as error:
        return None, [error]
    except Exception as error:
        return None, [to_graphql_error(error, message="Server encountered an error.")]
    errors = document.validators.errors  # type: ignore[union-attr]
    return (None, errors) if errors else (document, None)
