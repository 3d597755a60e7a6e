"""The SDL parsed part by part is the SDL parsed whole."""

from typing import Any

import pytest
import tartiflette.schema.transformer
from lark.exceptions import UnexpectedToken
from tartiflette.language.parsers.lark import parse_to_document

from trelloql.schema import read_sdl
from trelloql.sdl_parts import parse_in_parts, sdl_parts, use_parsing_in_parts
from trelloql.settings import DEFAULT_SDL_DIR

TWO_FILES = "# a.graphql\ntype A { id: ID }\n# b.graphql\n# nothing here\n# c.graphql\nscalar C\n"


def _names(document: Any) -> list[tuple[str, str]]:
    return [(type(node).__name__, str(node.name)) for node in document.definitions]


def test_parts_start_at_file_headers_and_skip_empty_ones() -> None:
    assert sdl_parts(TWO_FILES) == ["# a.graphql\ntype A { id: ID }\n", "# c.graphql\nscalar C\n"]


def test_text_without_headers_is_one_part() -> None:
    assert sdl_parts("type A { id: ID }") == ["type A { id: ID }"]


def test_the_schema_parses_to_the_same_definitions() -> None:
    sdl = read_sdl(DEFAULT_SDL_DIR)
    assert len(sdl_parts(sdl)) > 1
    assert _names(parse_in_parts(sdl)) == _names(parse_to_document(sdl))


def test_a_syntax_error_is_still_raised() -> None:
    with pytest.raises(UnexpectedToken):
        parse_in_parts("# a.graphql\ntype A { id: ID }\n# b.graphql\ntype {\n")


def test_engines_use_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tartiflette.schema.transformer, "parse_to_document", parse_to_document)
    use_parsing_in_parts()
    assert tartiflette.schema.transformer.parse_to_document is parse_in_parts
