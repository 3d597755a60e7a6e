"""Loading the SDL in sdl/ and cooking the Tartiflette engine from it."""

from __future__ import annotations

import uuid
from pathlib import Path

from tartiflette import Engine

from trelloql.engine_tuning import TunedEngine
from trelloql.errors import coerce_error

MODULES = ["trelloql.scalars", "trelloql.resolvers"]


def sdl_files(sdl_dir: Path) -> list[Path]:
    """The schema's .graphql files, in the order the engine reads them."""
    files = sorted(sdl_dir.glob("*.graphql"))
    if not files:
        raise FileNotFoundError(f"no .graphql files in {sdl_dir}")
    return files


def read_sdl(sdl_dir: Path) -> str:
    """The whole schema as one SDL text, each file's part headed by its name."""
    return "\n".join(f"# {path.name}\n{path.read_text('utf-8')}" for path in sdl_files(sdl_dir))


def new_schema_name() -> str:
    """A schema name of its own, so that several engines can live in one process."""
    return f"trelloql-{uuid.uuid4().hex}"


def new_engine() -> Engine:
    """An uncooked engine with trelloql's resolvers, scalars and error coercer (tuned)."""
    return TunedEngine(error_coercer=coerce_error, modules=MODULES)


async def cooked_engine(sdl_dir: Path) -> Engine:
    """An engine cooked from `sdl_dir`, e.g. to check or print the schema."""
    engine = new_engine()
    await engine.cook(sdl=read_sdl(sdl_dir), schema_name=new_schema_name())
    return engine
