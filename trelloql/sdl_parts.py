"""Parsing the SDL one file part at a time, so that start-up leaves less memory resident.

Tartiflette parses the whole SDL at once with lark: for trelloql's ~90 KB of SDL the parse
tree peaks at ~11 MiB, and the few nodes that live on stay scattered over that memory,
which then stays resident (pymalloc returns an arena only once all of it is free). Parsed
one part at a time (`read_sdl` heads each file's part with its name), the peak is one
part's and each part's garbage is reused by the next: ~9 MiB less for the idle service.
"""

from __future__ import annotations

import re
from typing import Any

import tartiflette.schema.transformer
from tartiflette.language.ast import DocumentNode
from tartiflette.language.parsers.lark import parse_to_document

_PART_HEADER = re.compile(r"^(?=# \S+\.graphql$)", re.MULTILINE)


def _has_definitions(part: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in part.split("\n"))


def sdl_parts(sdl: str) -> list[str]:
    """`sdl` cut before each file header, without the parts that define nothing."""
    return [part for part in _PART_HEADER.split(sdl) if _has_definitions(part)] or [sdl]


def parse_in_parts(sdl: str | bytes) -> Any:
    """The SDL's document, parsed part by part (error lines count from the part's header)."""
    parts = sdl_parts(sdl) if isinstance(sdl, str) else [sdl]
    if len(parts) == 1:
        return parse_to_document(sdl)
    return DocumentNode(
        definitions=[node for part in parts for node in parse_to_document(part).definitions]
    )


def use_parsing_in_parts() -> None:
    """Make every engine cooked from now on parse its SDL part by part."""
    tartiflette.schema.transformer.parse_to_document = parse_in_parts
