"""The DateTime and JSON scalars of sdl/scalars.graphql."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tartiflette import Scalar
from tartiflette.constants import UNDEFINED_VALUE
from tartiflette.language.ast import FloatValueNode, IntValueNode, StringValueNode

from trelloql.plain_objects import output_as_is


class DateTime:
    """ISO 8601 instants, passed through as Trello writes them."""

    @staticmethod
    @output_as_is(str)
    def coerce_output(value: Any) -> str:
        """Trello's ISO string, or a datetime formatted as one."""
        if isinstance(value, datetime):
            return value.isoformat().replace("+00:00", "Z")
        return str(value)

    @staticmethod
    def coerce_input(value: Any) -> str:
        """An ISO 8601 string from a variable, checked."""
        if not isinstance(value, str):
            raise TypeError("DateTime must be an ISO 8601 string")
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return value

    @staticmethod
    def parse_literal(ast: Any) -> Any:
        """An ISO 8601 string literal, checked."""
        if not isinstance(ast, StringValueNode):
            return UNDEFINED_VALUE
        try:
            return DateTime.coerce_input(ast.value)
        except ValueError:
            return UNDEFINED_VALUE


class JSON:
    """Any JSON value, passed through."""

    @staticmethod
    def coerce_output(value: Any) -> Any:
        """The value as it is."""
        return value

    @staticmethod
    def coerce_input(value: Any) -> Any:
        """The value as it is."""
        return value

    @staticmethod
    def parse_literal(ast: Any) -> Any:
        """Literals are taken as their raw value when they have one."""
        return getattr(ast, "value", UNDEFINED_VALUE)


class Position:
    """`top`, `bottom` or a number, passed through for the mutation's input checks."""

    @staticmethod
    def coerce_output(value: Any) -> Any:
        """The value as it is."""
        return value

    @staticmethod
    def coerce_input(value: Any) -> Any:
        """A string or a number from a variable."""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise TypeError("Position must be `top`, `bottom` or a number")
        return value

    @staticmethod
    def parse_literal(ast: Any) -> Any:
        """A string, integer or float literal."""
        if isinstance(ast, StringValueNode):
            return ast.value
        if isinstance(ast, IntValueNode):
            return int(ast.value)
        if isinstance(ast, FloatValueNode):
            return float(ast.value)
        return UNDEFINED_VALUE


async def bake(schema_name: str, _config: Any = None) -> str:
    """Register the scalars with the named schema."""
    Scalar("DateTime", schema_name=schema_name)(DateTime)
    Scalar("JSON", schema_name=schema_name)(JSON)
    Scalar("Position", schema_name=schema_name)(Position)
    return ""
