"""trelloql's lexing agrees with graphql-core's lexer: token counts and string values."""

import pytest
from graphql import get_introspection_query
from graphql.error import GraphQLError
from graphql.language import Lexer, Source, TokenKind
from hypothesis import given
from hypothesis import strategies as st

from trelloql.lexemes import count_tokens, string_value, strings


def lexer_tokens(text: str) -> int:
    """Tokens as graphql-core's lexer counts them (as its parser's token limit does)."""
    lexer, count = Lexer(Source(text)), 0
    while lexer.advance().kind is not TokenKind.EOF:
        count += 1
    return count


def lexer_string(literal: str) -> str | None:
    """The value graphql-core reads from a string literal, or None when it refuses it."""
    try:
        token = Lexer(Source(literal)).advance()
    except GraphQLError:
        return None
    return token.value if token.kind is TokenKind.STRING and token.end == len(literal) else None


@pytest.mark.parametrize(
    "text",
    [
        get_introspection_query(),
        "\ufeff{ a,, b ,c }",
        'query Q($a: Int = -1, $b: Float = 2.5e-3) { x: me(s: "a \\" # b") { ...F } }',
        '{ a(s: """block "" \\""" # not a comment\n""", t: "") } # a comment',
        "{ a(list: [1, -2.0, true, null, ENUM, {k: $v}]) @d(if: false) }",
    ],
)
def test_tokens_are_counted_as_graphql_lexes_them(text: str) -> None:
    assert count_tokens(text) == lexer_tokens(text)


SIMPLE = ["\\n", "\\t", '\\"', "\\\\", "\\/", "\\b", "\\f", "\\r", "\\x"]
UNICODE = ["\\u00e9", "\\u20AC", "\\ud83d\\ude00", "\\ud83d", "\\ude00"]
WIDE = ["\\u{1F600}", "\\u{e9}", "\\u{D800}", "\\u{110000}"]
ESCAPES = st.sampled_from([*SIMPLE, *UNICODE, *WIDE])
PIECES = st.lists(st.one_of(ESCAPES, st.text(alphabet=st.characters(exclude_characters='"\\\n\r'))))


@given(pieces=PIECES)
def test_string_values_are_read_as_graphql_reads_them(pieces: list[str]) -> None:
    literal = '"' + "".join(pieces) + '"'
    assert string_value(literal) == lexer_string(literal)


def test_strings_are_found_with_their_places() -> None:
    text = '{ a(x: "\\u00e9", y: """b""", z: "\\q") } # "c"'
    assert list(strings(text)) == [(7, 15, "é")]
