"""Declarative Trello mappings for GraphQL fields, and the generic resolvers serving them."""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from trelloql.context import RequestContext
from trelloql.engine_tuning import NOT_NOW, now_read
from trelloql.errors import UserInputError
from trelloql.plain_fields import plain_read
from trelloql.selection import selected_names

Args = Mapping[str, Any]
ArgsToParams = Callable[[Args], dict[str, str]]

FIELDS_CACHE_SIZE = 4096
_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]{1,100}$")


def no_params(_args: Args) -> dict[str, str]:
    """For fields whose arguments do not reach Trello."""
    return {}


def filter_param(args: Args) -> dict[str, str]:
    """Trello's `filter` from the GraphQL `filter` enum argument."""
    return {"filter": str(args["filter"]).lower()}


@dataclass(frozen=True)
class Fetch:
    """A field answered by GETting a Trello path.

    `path` is a template: for root fields its names come from the field's
    arguments, for object fields from the parent object's Trello fields.
    """

    field: str
    path: str
    type_name: str
    params: ArgsToParams = no_params
    requires: tuple[str, ...] = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        names = tuple(n for _, n, _, _ in string.Formatter().parse(self.path) if n)
        object.__setattr__(self, "requires", names)

    @property
    def is_root(self) -> bool:
        """Whether this field hangs off Query."""
        return self.field.startswith("Query.")


@dataclass(frozen=True)
class Embedded:
    """A field whose objects Trello already sends inside the parent, under `source`."""

    field: str
    source: str
    type_name: str

    @property
    def requires(self) -> tuple[str, ...]:
        """The parent's Trello fields this field reads."""
        return (self.source,)


@dataclass(frozen=True)
class Upper:
    """A Trello enum value sent in lower case, exposed as a GraphQL enum value."""

    field: str

    @property
    def requires(self) -> tuple[str, ...]:
        """The parent's Trello field of the same name."""
        return (self.field.split(".", 1)[1],)


WriteRequest = tuple[dict[str, str], dict[str, Any]]
BuildWrite = Callable[[Args], WriteRequest]


@dataclass(frozen=True)
class Write:
    """A mutation answered by one Trello write (POST, PUT or DELETE), never retried.

    `build` validates the field's arguments (raising UserInputError before any call)
    and returns the values of the path template and the JSON body to send.
    `answer` turns Trello's reply into the field's value (by default, the reply).
    `then`, for writes whose reply is not the changed object, is a read answered instead:
    its path takes the same values as `path`, its fields come from the selection.
    """

    field: str
    method: str
    path: str
    build: BuildWrite
    answer: Callable[[Any, Args], Any] = lambda reply, _args: reply
    then: Fetch | None = None

    @property
    def requires(self) -> tuple[str, ...]:
        """Writes read nothing from a parent object."""
        return ()


Mapping_ = Fetch | Embedded | Upper | Write


class Graph:
    """Every mapped field by `Type.field`, and what fetching an object of a type needs."""

    def __init__(self, mappings: list[Mapping_]) -> None:
        self.by_field: dict[str, Mapping_] = {m.field: m for m in mappings}
        self._computed: dict[str, dict[str, Mapping_]] = {}
        for mapping in mappings:
            type_name, name = mapping.field.split(".", 1)
            if isinstance(mapping, Fetch | Embedded):
                self._computed.setdefault(type_name, {})[name] = mapping
        # Every resolver of a list's items asks the same; the selections of a schema are few.
        self._trello_fields = lru_cache(maxsize=FIELDS_CACHE_SIZE)(self._fields_of)
        self._fields_param = lru_cache(maxsize=FIELDS_CACHE_SIZE)(self._joined)

    def request(
        self, mapping: Fetch, parent: Any, args: Args, selected: AbstractSet[str]
    ) -> tuple[str, dict[str, str]] | None:
        """The naive Trello GET for a Fetch field: path and params, `fields=` from `selected`.

        None when the parent lacks the id the path needs (e.g. a board with no workspace).
        """
        if mapping.is_root:
            values = {name: checked_id(str(args[name]), name) for name in mapping.requires}
        else:
            values = {}
            for name in mapping.requires:
                value = parent.get(name)
                if value is None:
                    return None
                values[name] = quote(str(value), safe="")
        params = dict(mapping.params(args))
        params["fields"] = self.fields_param(mapping.type_name, selected)
        return mapping.path.format(**values), params

    def trello_fields(self, type_name: str, selected: AbstractSet[str]) -> frozenset[str]:
        """The Trello `fields=` that serve `selected` GraphQL fields of `type_name`."""
        return self._trello_fields(type_name, frozenset(selected))

    def _fields_of(self, type_name: str, selected: frozenset[str]) -> frozenset[str]:
        computed = self._computed.get(type_name, {})
        fields = {"id"}
        for name in selected:
            if name.startswith("__"):
                continue
            mapping = computed.get(name)
            if mapping is None:
                fields.add(name)
            else:
                fields.update(n for n in mapping.requires if n not in ("filter",))
        return frozenset(fields)

    def fields_param(self, type_name: str, selected: AbstractSet[str]) -> str:
        """`trello_fields` as Trello's comma list, in a stable order."""
        return self._fields_param(type_name, frozenset(selected))

    def _joined(self, type_name: str, selected: frozenset[str]) -> str:
        return ",".join(sorted(self.trello_fields(type_name, selected)))


def checked_id(value: str, argument: str = "id") -> str:
    """A Trello id, short link or name, safe to put in a path."""
    if not _ID_PATTERN.match(value):
        raise UserInputError(f"`{argument}` is not a valid Trello id, short link or name", argument)
    return quote(value, safe="")


def fetch_resolver(graph: Graph, mapping: Fetch) -> Callable[..., Any]:
    """The resolver for a Fetch field: one (de-duplicated, batched) Trello GET.

    With the planner on, the GET also carries what Trello can nest of the field's
    selection, and the nested answers are handed to the children: a field whose answer
    its parent's planned GET embedded takes it without building a request.
    """

    def bind(args: dict[str, Any], ctx: RequestContext, info: Any) -> Callable[[Any], Any] | None:
        """The read of the answer a planned GET of a parent embedded for this field (NOT_NOW
        where it did not); None without a planner."""
        planner = ctx.planner
        if planner is None or mapping.is_root:
            return None
        return planner.serving(mapping, args, ctx.selected(info), ctx.loader, NOT_NOW)

    @now_read(bind)
    async def resolve(parent: Any, args: dict[str, Any], ctx: RequestContext, info: Any) -> Any:
        read = bind(args, ctx, info)
        if read is not None:
            answer = read(parent)
            if answer is not NOT_NOW:
                return answer
        selected = ctx.selected(info)
        request = graph.request(mapping, parent, args, selected)
        if request is None:
            return None
        if ctx.planner is not None:
            return await ctx.planner.fetch(mapping, request, parent, args, info, ctx)
        return await ctx.loader.get(*request)

    return resolve


def write_resolver(mapping: Write, graph: Graph | None = None) -> Callable[..., Any]:
    """The resolver for a Write field: validate, send once, forget cached reads.

    With `mapping.then` (and the `graph` to compute its fields), the changed object is read
    back after the write; a failing read-back is reported, the write is never repeated.
    """

    async def resolve(_parent: Any, args: dict[str, Any], ctx: RequestContext, info: Any) -> Any:
        values, body = mapping.build(args)
        checked = {name: checked_id(value, name) for name, value in values.items()}
        reply = await ctx.client.request(
            mapping.method, mapping.path.format(**checked), body=body or None
        )
        ctx.loader.forget()
        if mapping.then is None or graph is None:
            return mapping.answer(reply, args)
        selected = selected_names(info.field_nodes, info.fragments)
        fields = graph.trello_fields(mapping.then.type_name, selected)
        return await ctx.loader.get(
            mapping.then.path.format(**checked), {"fields": ",".join(sorted(fields))}
        )

    return resolve


def embedded_resolver(mapping: Embedded) -> Callable[..., Any]:
    """The resolver for an Embedded field: read the parent's Trello field."""
    source = mapping.source

    def read(parent: Any) -> Any:
        return parent.get(source) or []

    @now_read(lambda _args, _ctx, _info: read)
    async def resolve(parent: Any, _args: dict[str, Any], _ctx: Any, _info: Any) -> Any:
        return read(parent)

    return resolve


def upper_resolver(mapping: Upper) -> Callable[..., Any]:
    """The resolver for an Upper field: Trello's lower-case value as a GraphQL enum value
    (which the tuned engine reads without calling it, through `plain_read`)."""
    (name,) = mapping.requires

    def upper(parent: Mapping[str, Any]) -> Any:
        value = parent.get(name)
        return value.upper() if isinstance(value, str) else None

    @plain_read(upper, upper_of=name)
    async def resolve(parent: Any, _args: dict[str, Any], _ctx: Any, _info: Any) -> Any:
        return upper(parent)

    return resolve
