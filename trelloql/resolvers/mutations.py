"""Pieces shared by the Write mappings of every resource."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from trelloql.resolvers.base import Args, BuildWrite, WriteRequest
from trelloql.validation import INPUT, Rule, checked, path_values


def from_input(
    rules: Mapping[str, Rule],
    path: tuple[str, ...] = (),
    required: tuple[str, ...] = (),
    renamed: Mapping[str, str] | None = None,
    fixed: Mapping[str, Any] | None = None,
) -> BuildWrite:
    """A Write's `build`: check the `input` fields by `rules` and make Trello's request.

    `path` fields (required) fill the path template; the other checked fields are sent
    under their own names, or as `renamed` says (`{"idMember": "value"}`), with `fixed`.
    """

    def build(args: Args) -> WriteRequest:
        params = checked(args, rules, (*path, *required))
        values = path_values(params, *path)
        for name, trello_name in (renamed or {}).items():
            if name in params:
                params[trello_name] = params.pop(name)
        params.update(fixed or {})
        return values, params

    return build


def deleted(field: str = "id") -> Callable[[Any, Args], dict[str, Any]]:
    """The answer of a delete mutation: a DeletedPayload for the input's `field` id."""

    def answer(_reply: Any, args: Args) -> dict[str, Any]:
        return {"id": args[INPUT][field], "deleted": True}

    return answer
