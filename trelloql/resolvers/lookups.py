"""Reads the plain `Fetch` cannot express, and their resolver.

A `Lookup` is a Fetch whose path may also take values from the field's own arguments
(`Card.sticker(id:)` → `/cards/{id}/stickers/{idSticker}`), whose route may not take
`fields=`, whose fields parameter may have another name, and whose answer may be reshaped
(e.g. one member of a nested object). Being a Fetch, it tells `Graph` which parent fields it
needs, and the coverage table finds its path like any other read.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from trelloql.context import RequestContext
from trelloql.resolvers.base import Args, Fetch, Graph, checked_id
from trelloql.selection import selected_names
from trelloql.trello.errors import TrelloNotFound

Answer = Callable[[Any, Args, Any], Any]


def _reply(reply: Any, _args: Args, _parent: Any) -> Any:
    return reply


def pick(key: str, default: Any = None) -> Answer:
    """An answer that keeps one member of Trello's reply (e.g. `myPrefs` of a board)."""

    def answer(reply: Any, _args: Args, _parent: Any) -> Any:
        return reply.get(key, default) if isinstance(reply, dict) else default

    return answer


def with_parent(**names: str) -> Answer:
    """An answer that copies parent fields into each object (e.g. the card of a state)."""

    def answer(reply: Any, _args: Args, parent: Any) -> Any:
        extra = {key: parent.get(source) for key, source in names.items()}
        if isinstance(reply, list):
            return [{**item, **extra} for item in reply]
        return {**reply, **extra} if isinstance(reply, dict) else reply

    return answer


@dataclass(frozen=True)
class Lookup(Fetch):
    """A Fetch with path values from arguments, an optional fields param and a reshaped answer.

    `from_args` names path values taken from the field's arguments (checked like ids);
    `fields_param` is the name of the route's fields parameter, or None when it has none;
    `local` names parent values that are not Trello fields (copied in by another answer);
    `when` is a dotted parent key (`data.card`) without which the field is null, uncalled;
    `optional` makes Trello's 404 a null rather than an error;
    `enums` names `from_args` arguments that are GraphQL enums, sent in Trello's lower case.
    """

    from_args: tuple[str, ...] = ()
    fields_param: str | None = "fields"
    answer: Answer = _reply
    local: tuple[str, ...] = ()
    when: str | None = None
    optional: bool = False
    enums: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        skip = () if self.is_root else (*self.from_args, *self.local)
        requires = [n for n in self.path_names if n not in skip]
        if self.when is not None and self.when.split(".")[0] not in requires:
            requires.append(self.when.split(".")[0])
        object.__setattr__(self, "requires", tuple(requires))

    @property
    def path_names(self) -> tuple[str, ...]:
        """Every name in the path template, in order."""
        return tuple(n for _, n, _, _ in string.Formatter().parse(self.path) if n)


def _present(parent: Any, dotted: str) -> bool:
    value = parent
    for key in dotted.split("."):
        if not isinstance(value, dict) or value.get(key) is None:
            return False
        value = value[key]
    return True


def lookup_path(mapping: Lookup, parent: Any, args: Args) -> str | None:
    """The Trello path for this field, or None when the parent lacks a value it needs."""
    if mapping.when is not None and not _present(parent, mapping.when):
        return None
    values = {}
    for name in mapping.path_names:
        if mapping.is_root or name in mapping.from_args:
            value = str(args[name])
            values[name] = checked_id(value.lower() if name in mapping.enums else value, name)
        else:
            found = parent.get(name) if isinstance(parent, dict) else None
            if found is None:
                return None
            values[name] = quote(str(found), safe="")
    return mapping.path.format(**values)


def lookup_resolver(graph: Graph, mapping: Lookup) -> Callable[..., Any]:
    """The resolver of a Lookup: arguments checked, then one (de-duplicated, batched) GET."""

    async def resolve(parent: Any, args: dict[str, Any], ctx: RequestContext, info: Any) -> Any:
        path = lookup_path(mapping, parent, args)
        params = dict(mapping.params(args))
        if path is None:
            return None
        if mapping.fields_param is not None:
            selected = selected_names(info.field_nodes, info.fragments)
            fields = graph.trello_fields(mapping.type_name, selected)
            params[mapping.fields_param] = ",".join(sorted(fields))
        try:
            reply = await ctx.loader.get(path, params)
        except TrelloNotFound:
            if mapping.optional:
                return None
            raise
        return mapping.answer(reply, args, parent)

    return resolve
