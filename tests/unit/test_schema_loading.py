"""The SDL files load as the GraphQL spec reads them."""

from trelloql.schema import block_string_value, normalise_block_strings


def test_block_strings_lose_common_indent_and_blank_edges() -> None:
    raw = "\n    First line.\n      Indented more.\n\n    Last line.\n  "
    assert block_string_value(raw) == "First line.\n  Indented more.\n\nLast line."


def test_descriptions_become_plain_strings() -> None:
    sdl = '"""\nA board — with “quotes”.\n"""\ntype Board { id: ID! }'
    assert normalise_block_strings(sdl) == '"A board — with “quotes”."\ntype Board { id: ID! }'
