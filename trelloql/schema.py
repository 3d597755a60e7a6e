"""Loading the SDL in sdl/ and cooking the Tartiflette engine from it."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from tartiflette import Engine
from tartiflette.schema.registry import SchemaRegistry

from trelloql.engine_tuning import TunedEngine
from trelloql.errors import coerce_error
from trelloql.fastjson import loads
from trelloql.introspection import use_current_introspection
from trelloql.sdl_parts import use_parsing_in_parts
from trelloql.syntax_tree import shared_tree_query_cache

MODULES = ["trelloql.scalars", "trelloql.resolvers"]


def sdl_files(sdl_dir: Path) -> list[Path]:
    """The schema's .graphql files, in the order the engine reads them."""
    files = sorted(sdl_dir.glob("*.graphql"))
    if not files:
        raise FileNotFoundError(f"no .graphql files in {sdl_dir}")
    return files


def read_sdl(sdl_dir: Path) -> str:
    """The whole schema as one SDL text, each file's part headed by its name."""
    return "\n".join(
        f"# {path.name}\n{normalise_block_strings(path.read_text('utf-8'))}"
        for path in sdl_files(sdl_dir)
    )


_BLOCK_STRING = re.compile(r'"""(.*?)"""', re.DOTALL)


def block_string_value(raw: str) -> str:
    """A block string's value as the GraphQL spec defines it: common indent and blank
    first/last lines removed (Tartiflette 1.4 keeps them, and clients would see them)."""
    lines = raw.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    common = min(indents, default=0)
    lines = [lines[0], *(line[common:] for line in lines[1:])]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def normalise_block_strings(sdl: str) -> str:
    """Rewrite each `\"\"\"block\"\"\"` description as a plain string with its spec value."""
    return _BLOCK_STRING.sub(
        lambda m: json.dumps(block_string_value(m.group(1)), ensure_ascii=False), sdl
    )


def new_schema_name() -> str:
    """A schema name of its own, so that several engines can live in one process."""
    return f"trelloql-{uuid.uuid4().hex}"


def new_engine() -> Engine:
    """An uncooked engine with trelloql's resolvers, scalars and error coercer (tuned)."""
    use_current_introspection()
    use_parsing_in_parts()
    return TunedEngine(
        error_coercer=coerce_error,
        json_loader=loads,  # of the parser's JSON syntax tree of each new document
        modules=MODULES,
        query_cache_decorator=shared_tree_query_cache(),
    )


async def cook(engine: Engine, sdl_dir: Path, schema_name: str) -> None:
    """Cook `engine` from `sdl_dir`, keeping no copy of the SDL text: Tartiflette reads its
    copy only while cooking (~350 KB, as one emoji makes the SDL four bytes a character)."""
    await engine.cook(sdl=read_sdl(sdl_dir), schema_name=schema_name)
    SchemaRegistry.find_schema_info(schema_name).pop("sdl", None)


async def cooked_engine(sdl_dir: Path) -> Engine:
    """An engine cooked from `sdl_dir`, e.g. to check or print the schema."""
    engine = new_engine()
    await cook(engine, sdl_dir, new_schema_name())
    return engine
