"""A workaround for Tartiflette's parser and `\\u` escapes in string literals.

libgraphqlparser, which Tartiflette parses with, turns an escape like `\\u00e9`
into a single raw byte, so any escape of a code point above U+007F either
crashes the parse (the engine then reports an internal error) or changes the
string silently. Literal characters are parsed correctly, so before the engine
parses a document, such escapes are rewritten as the characters they stand for.
"""

from __future__ import annotations

from trelloql.lexemes import strings


def _quoted(value: str) -> str:
    """A GraphQL string literal for `value`, escaping only what must be escaped."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def literal_unicode_escapes(query: str) -> str:
    """`query` with the `\\u` escapes of its string literals written as characters.

    String literals GraphQL refuses are left as they are, for the engine to report.
    """
    if "\\u" not in query:
        return query
    pieces: list[str] = []
    position = 0
    for start, end, value in strings(query):
        if "\\u" in query[start:end]:
            pieces += [query[position:start], _quoted(value)]
            position = end
    return "".join([*pieces, query[position:]])
