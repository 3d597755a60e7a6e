"""GraphQL's lexical grammar in one regular expression: counting tokens, reading strings.

Each match is a run of ignored characters (white space, commas, the byte order mark), a
comment, or one token: a block string, a string, `...`, a number, a name, or any other
single character (a punctuator, or a character no token starts with, which the parser
then refuses). Strings are matched possessively, so an unterminated one costs one scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LEXEMES = re.compile(
    r"[\s,\ufeff]+|#[^\n\r]*|("
    r'"""(?:\\"""|[^"]|"(?!""))*+"""'
    r'|"(?:[^"\\\n\r]|\\.)*+"'
    r"|\.\.\."
    r"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"
    r"|[_A-Za-z][_0-9A-Za-z]*"
    r"|.)",
    re.DOTALL,
)

# An escape sequence inside a string: variable-width or fixed-width Unicode, or one character.
_ESCAPE = re.compile(r"\\(?:u\{([0-9A-Fa-f]{1,8})\}|u([0-9A-Fa-f]{4})|(.))", re.DOTALL)
_ESCAPED = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _Invalid(Exception):
    """An escape sequence GraphQL does not allow."""


def count_tokens(text: str) -> int:
    """The document's lexical tokens as GraphQL counts them (not commas, comments, spaces)."""
    lexemes = _LEXEMES.findall(text)
    return len(lexemes) - lexemes.count("")


def strings(text: str) -> Iterator[tuple[int, int, str]]:
    """Each (non-block) string literal of the document: its start, its end, its value;
    literals whose escapes GraphQL refuses are left out."""
    for match in _LEXEMES.finditer(text):
        token = match.group(1)
        if token and len(token) > 1 and token[0] == '"' and not token.startswith('"""'):
            value = string_value(token)
            if value is not None:
                yield match.start(1), match.end(1), value


def string_value(literal: str) -> str | None:
    """The value of a string literal (quotes included) as GraphQL reads it, or None when
    GraphQL refuses it (an unknown escape, a lone surrogate)."""
    body = literal[1:-1]
    try:
        value = _ESCAPE.sub(_unescaped, body)
        # Fixed-width escapes may spell a surrogate pair: join them, refuse lone halves.
        return value.encode("utf-16", "surrogatepass").decode("utf-16")
    except (_Invalid, UnicodeError):
        return None


def _unescaped(match: re.Match[str]) -> str:
    wide, fixed, char = match.groups()
    if char is not None:
        if char not in _ESCAPED:
            raise _Invalid(char)
        return _ESCAPED[char]
    point = int(wide or fixed, 16)
    if wide is not None and (point > 0x10FFFF or 0xD800 <= point <= 0xDFFF):
        raise _Invalid(wide)
    return chr(point)
