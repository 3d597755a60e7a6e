"""Input rules and request shapes shared by the board, list, workspace, member and other writes.

They add to `trelloql.validation` (whose rules they reuse) what these resources need: email
addresses, enum values Trello spells differently, nested inputs flattened into Trello's
`prefs/name` parameters, and "exactly one of these fields".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from trelloql.errors import UserInputError
from trelloql.resolvers.base import Args, Write, WriteRequest
from trelloql.resolvers.mutations import from_input
from trelloql.validation import INPUT, Rule, checked

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ORGANIZATION_NAME = re.compile(r"^[a-z0-9_]{3,}$")


def email(value: Any, field_name: str) -> str:
    """An email address (one `@`, a dot in the domain, no spaces)."""
    if not isinstance(value, str) or not EMAIL.match(value) or len(value) > 256:
        raise UserInputError(f"`{field_name}` must be an email address", field_name)
    return value


def full_name(value: Any, field_name: str) -> str:
    """A full name: at least one character, no leading or trailing space."""
    if not isinstance(value, str) or not value or value != value.strip() or len(value) > 16384:
        raise UserInputError(
            f"`{field_name}` must be a name without leading or trailing spaces", field_name
        )
    return value


def organization_name(value: Any, field_name: str) -> str:
    """A workspace's short name: 3 or more lower-case letters, digits or underscores."""
    if not isinstance(value, str) or not ORGANIZATION_NAME.match(value):
        raise UserInputError(
            f"`{field_name}` must be 3 or more lower-case letters, digits or underscores",
            field_name,
        )
    return value


def spelled(values: Mapping[str, str]) -> Rule:
    """A GraphQL enum value sent as Trello spells it (`CARD_AGING` → `cardAging`)."""

    def rule(value: Any, field_name: str) -> str:
        if value not in values:
            raise UserInputError(f"`{field_name}` has an unknown value", field_name)
        return values[value]

    return rule


def nested(
    args: Args, name: str, rules: Mapping[str, Rule], prefix: str, sep: str
) -> dict[str, Any]:
    """The fields of the nested input `input.<name>`, checked, as `<prefix><sep><field>`."""
    given = (args.get(INPUT) or {}).get(name)
    if given is None:
        return {}
    where = f"{INPUT}.{name}"
    params = checked({where: given}, rules, argument=where)
    return {f"{prefix}{sep}{key}": value for key, value in params.items()}


def exactly_one(args: Args, names: tuple[str, ...]) -> str:
    """The one field of `input` among `names` that is set; BAD_USER_INPUT otherwise."""
    given = [n for n in names if (args.get(INPUT) or {}).get(n) is not None]
    if len(given) != 1:
        listed = ", ".join(f"`{n}`" for n in names)
        raise UserInputError(f"set exactly one of {listed}", INPUT)
    return given[0]


def build_with(
    rules: Mapping[str, Rule],
    path: tuple[str, ...] = (),
    required: tuple[str, ...] = (),
    extra: Callable[[Args], dict[str, Any]] | None = None,
    renamed: Mapping[str, str] | None = None,
    fixed: Mapping[str, Any] | None = None,
) -> Callable[[Args], WriteRequest]:
    """Like `from_input`, plus `extra` parameters from nested inputs."""
    plain = from_input(rules, path, required, renamed)

    def build(args: Args) -> WriteRequest:
        values, params = plain(args)
        if extra is not None:
            params.update(extra(args))
        params.update(fixed or {})
        return values, params

    return build


@dataclass(frozen=True)
class OneOf(Write):
    """A Write whose path ends in one of several literal routes, chosen by `build`.

    `choices` names, for a placeholder of `path`, every literal it may take; the coverage
    table counts each of those routes as sent by this mutation.
    """

    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
