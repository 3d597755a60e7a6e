"""Introspection that today's clients ask for, on top of Tartiflette's June 2018 one.

Clients built on graphql-js 16 or gql 3.5+ ask for `includeDeprecated` on arguments and
input fields and for `isDeprecated`/`deprecationReason` of input values; Tartiflette 1.4
rejects those queries. This module stands in for Tartiflette's built-in introspection
module (`use_current_introspection`): the same SDL and resolvers, plus those fields, plus
`__Schema.description`, `__Type.specifiedByURL` and `__Directive.isRepeatable`. Nothing in
trelloql's schema is deprecated, so the new fields answer "not deprecated".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tartiflette.engine
from tartiflette import Resolver
from tartiflette.schema.builtins import introspection as builtin

# Additions to the June 2018 introspection SDL, by the line they follow.
_ADDITIONS = {
    "  directives: [__Directive!]!\n": "  description: String\n",
    "  inputFields: [__InputValue!]\n": None,
    "  ofType: __Type\n": "  specifiedByURL: String\n",
    "  args: [__InputValue!]!\n": None,
    "  defaultValue: String\n": "  isDeprecated: Boolean!\n  deprecationReason: String\n",
    "  locations: [__DirectiveLocation!]!\n": "  isRepeatable: Boolean!\n",
}
_DEPRECATED_ARG = "(includeDeprecated: Boolean = false)"
_WITH_DEPRECATED = {
    "  inputFields: [__InputValue!]\n": f"  inputFields{_DEPRECATED_ARG}: [__InputValue!]\n",
    "  args: [__InputValue!]!\n": f"  args{_DEPRECATED_ARG}: [__InputValue!]!\n",
}


def current_sdl() -> str:
    """Tartiflette's introspection SDL with the fields current clients ask for."""
    sdl = (Path(builtin.__file__).parent / "introspection.sdl").read_text("utf-8")
    for line, addition in _ADDITIONS.items():
        if line not in sdl:
            raise RuntimeError(f"Tartiflette's introspection SDL changed: {line.strip()!r}")
        replacement = _WITH_DEPRECATED.get(line, line) + (addition or "")
        sdl = sdl.replace(line, replacement)
    return sdl


async def _false(_parent: Any, _args: Any, _ctx: Any, _info: Any) -> bool:
    return False


async def _none(_parent: Any, _args: Any, _ctx: Any, _info: Any) -> None:
    return None


def bake(schema_name: str, _config: Any = None) -> str:
    """Register the introspection resolvers and give the SDL (Tartiflette's module contract)."""
    Resolver("__Type.enumValues", schema_name=schema_name)(builtin.resolve_type_enum_values)
    Resolver("__Type.fields", schema_name=schema_name)(builtin.resolve_type_fields)
    Resolver("__InputValue.isDeprecated", schema_name=schema_name)(_false)
    Resolver("__InputValue.deprecationReason", schema_name=schema_name)(_none)
    Resolver("__Directive.isRepeatable", schema_name=schema_name)(_false)
    Resolver("__Type.specifiedByURL", schema_name=schema_name)(_none)
    Resolver("__Schema.description", schema_name=schema_name)(_none)
    return current_sdl()


def use_current_introspection() -> None:
    """Make every engine cooked from now on load this module instead of Tartiflette's."""
    modules: tuple[str, ...] = tartiflette.engine._BUILTINS_MODULES
    replaced = tuple(__name__ if name == builtin.__name__ else name for name in modules)
    # Tartiflette types it as a fixed-length tuple; the same names, one swapped.
    tartiflette.engine._BUILTINS_MODULES = replaced  # type: ignore[assignment]
