"""The SDL files load as the GraphQL spec reads them."""

from tartiflette.schema.registry import SchemaRegistry

from trelloql.schema import (
    block_string_value,
    cook,
    new_engine,
    new_schema_name,
    normalise_block_strings,
)
from trelloql.settings import DEFAULT_SDL_DIR


def test_block_strings_lose_common_indent_and_blank_edges() -> None:
    raw = "\n    First line.\n      Indented more.\n\n    Last line.\n  "
    assert block_string_value(raw) == "First line.\n  Indented more.\n\nLast line."


def test_descriptions_become_plain_strings() -> None:
    sdl = '"""\nA board — with “quotes”.\n"""\ntype Board { id: ID! }'
    assert normalise_block_strings(sdl) == '"A board — with “quotes”."\ntype Board { id: ID! }'


async def test_cooking_keeps_no_copy_of_the_sdl_text() -> None:
    engine, name = new_engine(), new_schema_name()
    await cook(engine, DEFAULT_SDL_DIR, name)
    assert "sdl" not in SchemaRegistry.find_schema_info(name)
    answer = await engine.execute("{ __schema { queryType { name } } }")
    assert answer == {"data": {"__schema": {"queryType": {"name": "Query"}}}}
