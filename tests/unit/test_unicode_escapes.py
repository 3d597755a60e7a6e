"""`\\u` escapes are rewritten as characters before Tartiflette's parser sees them."""

import json

import pytest
from tartiflette.language.parsers.libgraphqlparser.parser import _parse_to_json_ast

from trelloql.unicode_escapes import literal_unicode_escapes


def parsed_argument(query: str) -> str:
    """The first argument's string value, as Tartiflette's parser reads it."""
    document = json.loads(_parse_to_json_ast(query))
    field = document["definitions"][0]["selectionSet"]["selections"][0]
    value: str = field["arguments"][0]["value"]["value"]
    return value


@pytest.mark.parametrize(
    ("escaped", "meant"),
    [
        ("\\u00e9", "é"),
        ("\\u20ac", "€"),
        ("\\u0100x", "Āx"),
        ("\\ud83d\\ude00", "😀"),
        ("a\\nb\\u0009", "a\nb\t"),
        ('q\\"\\\\u00e9', 'q"\\u00e9'),
    ],
)
def test_escapes_reach_the_engine_as_meant(escaped: str, meant: str) -> None:
    query = '{ a(x: "' + escaped + '") }'
    assert parsed_argument(literal_unicode_escapes(query)) == meant


def test_the_engine_parser_needs_it() -> None:
    with pytest.raises(UnicodeDecodeError):
        parsed_argument('{ a(x: "\\u00e9") }')


@pytest.mark.parametrize(
    "query",
    [
        '{ a(x: "plain") }',
        '{ a(x: """block \\u00e9""") } # comment \\u00e9',
        '{ a(x: "\\u00e9 }',
        '{ a(x: "\\ud800") }',
    ],
    ids=["no-escape", "block-string-and-comment", "does-not-lex", "lone-surrogate"],
)
def test_other_text_is_untouched(query: str) -> None:
    assert literal_unicode_escapes(query) == query
