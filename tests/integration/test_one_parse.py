"""A new document is parsed once: the query guard's syntax tree is the engine's too."""

from typing import Any

import pytest
import tartiflette.language.parsers.libgraphqlparser.parser as engine_parser

import trelloql.syntax_tree
from tests.conftest import Query


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents handed to libgraphqlparser from now on, by trelloql or by the engine
    on its own ("engine: ..." then)."""
    seen: list[str] = []
    for module, prefix in ((trelloql.syntax_tree, ""), (engine_parser, "engine: ")):

        def counting(
            text: str, parse: Any = module._parse_to_json_ast, prefix: str = prefix
        ) -> Any:
            seen.append(prefix + text)
            return parse(text)

        monkeypatch.setattr(module, "_parse_to_json_ast", counting)
    return seen


async def test_a_new_document_is_parsed_once(query: Query, parses: list[str]) -> None:
    text = '{ me { fullName boards { name } } } # new: "\\u00e9"'
    result = await query(text)
    assert "errors" not in result
    assert result["data"]["me"]["fullName"]
    assert len(parses) == 1
    await query(text)
    assert len(parses) == 1  # known documents are not parsed again


async def test_escapes_are_read_as_characters(query: Query, parses: list[str]) -> None:
    result = await query('{ search(query: "caf\\u00e9") { boards { name } } }')
    assert "errors" not in result
    assert parses == ['{ search(query: "café") { boards { name } } }']


async def test_what_does_not_parse_is_reported_by_the_engine(
    query: Query, parses: list[str]
) -> None:
    result = await query("{ me { fullName ")
    assert result["data"] is None
    (error,) = result["errors"]
    assert "syntax error" in error["message"]
    assert error["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    assert parses == ["{ me { fullName ", "engine: { me { fullName "]
