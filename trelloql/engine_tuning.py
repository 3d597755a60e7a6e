"""Engine tuning: plain fields completed inline, resolvers run eagerly, tasks only for real waits.

Tartiflette 1.4.1 completes every field through about ten coroutine layers and, by default,
one asyncio task per field and per list item: ~350 ms of CPU for 1,000 cards x 10 fields,
against ~50 ms for graphql-core and ~6 ms for this (docs/benchmarks.md). `TunedEngine` keeps
Tartiflette's parsing, validation, resolvers, errors and root execution, and swaps the output
coercers of object and list fields for ones that:

- complete *plain* leaf fields (`trelloql.plain_fields`: default resolver or a
  `plain_read`, scalar or enum type, no arguments, no directives) with a direct dict read
  and the scalar's `coerce_output`; anything unusual (a null for a non-null field, a value
  the scalar refuses) goes through the engine's own path, so errors are exactly
  Tartiflette's;
- run every other field's resolution eagerly, up to its first real wait: resolvers whose
  answer is already there (embedded data, a primed or shared loader read) finish inline,
  and only those waiting on I/O become tasks, all started in the same loop turn, so sibling
  Trello reads are still coalesced into one round;
- resolve and complete what is already there without any coroutine: a field whose
  resolver offers a `now_read` (an answer its parent's planned GET embedded, an embedded
  list, the default resolver on a dict) is read synchronously and all below it completed
  in place (`_DirectField.now`); the first part that would wait or fail gives way
  (NOT_NOW) to the coroutine path, which then does that field as before;
- collect each selection's sub-fields once per execution, not once per object, and
  complete its objects by one function generated for it (`trelloql.plain_objects`):
  straight-line code for the plain fields (a board's cards), and for the others, in each
  execution, the reads their resolvers bound and the completion of what those give (a
  card's labels, members and checklists, when its board's planned GET embedded them).

Fields with resolvers (and those not plain) are resolved by `_DirectField`: one coroutine
instead of Tartiflette's chain, argument coercion only for fields that have arguments, and
scalar/enum results completed inline. It also coerces arguments without a task each (see
`TunedEngine`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Iterable
from contextvars import ContextVar
from functools import partial
from typing import Any, NamedTuple

from tartiflette import Engine
from tartiflette.coercers.arguments import coerce_arguments
from tartiflette.coercers.common import Path
from tartiflette.coercers.outputs.common import complete_object_value, handle_field_error
from tartiflette.coercers.outputs.non_null_coercer import non_null_coercer
from tartiflette.constants import UNDEFINED_VALUE
from tartiflette.execution.collect import (
    collect_subfields,
    does_fragment_condition_match,
    get_field_entry_key,
)
from tartiflette.execution.helpers import get_field_definition
from tartiflette.execution.types import ResolveInfo
from tartiflette.language.ast import FieldNode, FragmentSpreadNode, InlineFragmentNode
from tartiflette.resolver.default import default_field_resolver, sync_arguments_coercer
from tartiflette.resolver.factory import resolve_field
from tartiflette.types.exceptions.tartiflette import MultipleException
from tartiflette.types.object import GraphQLObjectType
from tartiflette.utils.directives import introspection_directives_executor, resolver_executor
from tartiflette.utils.errors import extract_exceptions_from_results

from trelloql.eager import run_eagerly, settle
from trelloql.plain_fields import DICT_ATTRIBUTES, constant, leaf_coercion, plain_field
from trelloql.plain_objects import (
    Completer,
    Fallback,
    Plain,
    coerced,
    compile_completer,
    completer_factory,
)

Coercer = Callable[..., Coroutine[Any, Any, Any]]

SHARED_SELECTIONS = 1024
"""Selections kept across executions (of every document); all are dropped when full."""


class _Execution:
    """What one execution keeps: each selection's steps, by (object type, field nodes);
    each direct field's bound read, by its field nodes; each selection's completer with
    its fields resolved in this execution, by selection. Each entry holds the objects whose
    ids key it, so that the ids stay theirs."""

    __slots__ = ("completers", "reads", "selections")

    def __init__(self) -> None:
        self.selections: dict[tuple[int, int], tuple[list[Any], _Selection]] = {}
        self.reads: dict[int, tuple[list[Any], _DirectField, _Bound | None]] = {}
        self.completers: dict[int, tuple[_Selection, Completer | None]] = {}

    def clear(self) -> None:
        """Let go of everything kept."""
        self.selections.clear()
        self.reads.clear()
        self.completers.clear()


_EXECUTION: ContextVar[_Execution | None] = ContextVar("trelloql_engine_execution", default=None)


NOW_READ = "trelloql_now_read"
"""Attribute of a resolver holding a synchronous read of its answer when it needs no wait."""

NOT_NOW: Any = object()
"""What a `now_read` returns, and a completion gives, when the answer needs a wait (or the
engine's own path, for a null where one is not allowed, a refused value, an error)."""

NowRead = Callable[[Any], Any]
"""A synchronous read of a field's answer from one parent: the answer, or NOT_NOW."""

NowBind = Callable[[dict[str, Any], Any, Any], NowRead | None]
"""Gives a field's `NowRead` for its arguments, context and info (None when it has none)."""


def now_read(bind: NowBind) -> Callable[[Coercer], Coercer]:
    """Mark a resolver whose answer can be read synchronously when it is already there.

    `bind(args, ctx, info)` is called once per execution and selection of the field. It
    gives the `NowRead` of every parent: the answer, else NOT_NOW (and no side effects).
    The info it gets carries no path, as one read serves all parents. The tuned engine
    then resolves and completes the field, and what lies below it, without a coroutine."""

    def mark(resolver: Coercer) -> Coercer:
        setattr(resolver, NOW_READ, bind)
        return resolver

    return mark


def _bind_default(_args: Any, _ctx: Any, info: Any) -> NowRead | None:
    """Tartiflette's default resolver, for dict parents without a clashing attribute."""
    name = info.field_name
    return None if name in DICT_ATTRIBUTES else partial(_read_default, name)


def _read_default(name: str, parent: Any) -> Any:
    return parent.get(name) if type(parent) is dict else NOT_NOW


class TunedEngine(Engine):
    """A Tartiflette engine whose object and list fields complete through `install`.

    Arguments are coerced one after the other rather than in a task each: the values are
    the same, but a field's resolver (and its Trello read) then starts in the same loop
    turn as its argument-less siblings', so they share a round.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("custom_default_arguments_coercer", sync_arguments_coercer)
        super().__init__(*args, **kwargs)

    async def cook(self, *args: Any, **kwargs: Any) -> None:
        """Cook as Tartiflette does, then install the tuned coercers (once)."""
        cooked = self._cooked
        await super().cook(*args, **kwargs)
        if not cooked:
            default_resolver = (
                kwargs.get("custom_default_resolver") or self._custom_default_resolver
            )
            install(self._schema, plain_leaves=default_resolver is None)

    @property
    def schema(self) -> Any:
        """The cooked schema (None until cooked)."""
        return self._schema

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        """Execute as Tartiflette does, with what this execution keeps (`_Execution`)."""
        execution = _Execution()
        token = _EXECUTION.set(execution)
        try:
            return await super().execute(*args, **kwargs)
        finally:
            # Tasks started in the execution, and timers they leave (a pooled connection's
            # keep-alive), hold a copy of its context: emptied, what it kept holds nothing
            # of the request (its loader, its document's nodes).
            execution.clear()
            _EXECUTION.reset(token)


def install(schema: Any, plain_leaves: bool = True) -> None:
    """Swap the output coercer of every field of the schema's own object types, and resolve
    the fields without directives through `_DirectField`."""
    tuning = _Tuning(plain_leaves)
    for type_name, definition in schema.type_definitions.items():
        if type_name.startswith("__") or not isinstance(definition, GraphQLObjectType):
            continue
        for field in definition.implemented_fields.values():
            resolver = field.resolver
            if (
                not isinstance(resolver, partial)
                or resolver.func is not resolve_field
                or resolver.args
                or "output_coercer" not in resolver.keywords
            ):
                raise RuntimeError(
                    f"unexpected Tartiflette field resolver for {type_name}.{field.name}: "
                    "trelloql.engine_tuning needs revisiting for this Tartiflette version"
                )
            coercer = tuning.coercer(field.graphql_type)
            if coercer is not None:
                resolver = partial(
                    resolve_field, **{**resolver.keywords, "output_coercer": coercer}
                )
            field.resolver = _DirectField.resolver_of(
                field, resolver, tuning.now_coercer(field.graphql_type)
            )


class _DirectField:
    """Tartiflette's `resolve_field` in one coroutine, for a field without directives.

    Stock Tartiflette goes through about ten coroutines per field (argument coercion even
    without arguments, directive wrappers, the leaf's null/directives/enum coercers). This
    builds the same `ResolveInfo`, coerces arguments only if the field has any, calls the
    resolver directly and completes a scalar or enum value inline; anything it does not
    complete (a null, a value the scalar or enum refuses) goes through the field's output
    coercer, and errors through Tartiflette's `handle_field_error`, so both are Tartiflette's.
    Fields selected with directives (e.g. @skip) or in an introspection query take the
    stock path.
    """

    __slots__ = (
        "bind_now",
        "complete",
        "complete_now",
        "definition",
        "has_arguments",
        "items_type",
        "leaf",
        "non_null",
        "raw",
        "stock",
    )

    def __init__(
        self,
        definition: Any,
        stock: partial[Any],
        raw: Callable[..., Any],
        complete_now: Callable[..., Any] | None,
    ) -> None:
        self.definition, self.stock, self.raw = definition, stock, raw
        self.complete: Coercer = stock.keywords["output_coercer"]
        self.has_arguments = bool(definition.arguments)
        graphql_type = definition.graphql_type
        self.non_null = graphql_type.is_non_null_type
        self.leaf = leaf_coercion(graphql_type.wrapped_type if self.non_null else graphql_type)
        self.bind_now: NowBind | None = getattr(raw, NOW_READ, None)
        if raw is default_field_resolver:
            self.bind_now = _bind_default
        self.complete_now = complete_now if self.leaf is None else None
        if self.leaf is None and complete_now is None:
            self.bind_now = None  # nothing to complete it with synchronously
        self.items_type = _object_items(self.complete_now)

    @classmethod
    def resolver_of(
        cls, definition: Any, stock: partial[Any], complete_now: Callable[..., Any] | None
    ) -> Callable[..., Any]:
        """The field's resolver: direct when Tartiflette's is a plain call of the raw one."""
        wrapped = stock.keywords.get("resolver")
        if (
            definition.directives
            or definition.name.startswith("__")
            or not isinstance(wrapped, partial)
            or wrapped.func is not resolver_executor
            or len(wrapped.args) != 1
            or wrapped.keywords
        ):
            return stock
        return cls(definition, stock, wrapped.args[0], complete_now).resolve

    def _info(
        self, execution_context: Any, parent_type: Any, field_nodes: list[Any], path: Path | None
    ) -> ResolveInfo:
        """The `ResolveInfo` Tartiflette's `resolve_field` builds."""
        definition = self.definition
        return ResolveInfo(
            definition.name,
            field_nodes,
            definition.graphql_type,
            parent_type,
            path,
            execution_context.schema,
            execution_context.fragments,
            execution_context.root_value,
            execution_context.operation,
            execution_context.variable_values,
            False,
        )

    def _arguments(
        self, execution_context: Any, field_nodes: list[Any]
    ) -> Coroutine[Any, Any, dict[str, Any]]:
        """The coercion of the field's arguments (to await, or run eagerly)."""
        definition = self.definition
        coerced: Coroutine[Any, Any, dict[str, Any]] = coerce_arguments(
            definition.arguments,
            field_nodes[0],
            execution_context.variable_values,
            execution_context.context,
            coercer=definition.arguments_coercer,
        )
        return coerced

    def now(
        self, execution_context: Any, parent_type: Any, source: Any, field_nodes: list[Any]
    ) -> Any:
        """The field resolved and completed as `resolve` would, when its answer is already
        there and all of it completes without a wait or an error; else NOT_NOW.

        Nothing is recorded on this path (a failing part gives NOT_NOW and the coroutine
        path does it again), so it builds no paths."""
        bound = self.bound(execution_context, parent_type, field_nodes)
        if bound is None:
            return NOT_NOW
        try:
            result = bound.read(source)
        except Exception:
            return NOT_NOW
        if result is NOT_NOW or isinstance(result, Exception):
            return NOT_NOW
        if self.leaf is None:
            return self.complete_now(bound.info, execution_context, field_nodes, result)  # type: ignore[misc]
        return coerced(NOT_NOW, self.leaf, self.non_null, result)

    def bound(
        self, execution_context: Any, parent_type: Any, field_nodes: list[Any]
    ) -> _Bound | None:
        """The field's read for this execution and selection (bound on first use)."""
        execution = _EXECUTION.get()
        if execution is None:
            return None
        entry = execution.reads.get(id(field_nodes))
        if entry is not None and entry[0] is field_nodes and entry[1] is self:
            return entry[2]
        bound = self._bound(execution_context, parent_type, field_nodes)
        execution.reads[id(field_nodes)] = (field_nodes, self, bound)
        return bound

    def finish(
        self, bound: _Bound, execution_context: Any, field_nodes: list[Any]
    ) -> Callable[[Any], Any]:
        """What completes a value its bound read gave, as `now` does (NOT_NOW where the
        engine's own path is needed)."""
        if self.leaf is not None:
            return partial(coerced, NOT_NOW, self.leaf, self.non_null)
        assert self.complete_now is not None  # a field without either has no read
        complete = partial(self.complete_now, bound.info, execution_context, field_nodes)
        if self.items_type is None:
            return complete
        items = _ItemsCompleter(self.items_type, field_nodes, execution_context)
        return partial(_objects_now, complete, items)

    def _bound(
        self, execution_context: Any, parent_type: Any, field_nodes: list[Any]
    ) -> _Bound | None:
        """The field's read for this execution and selection, with its info: None when it
        has none, or it is selected with directives or in introspection, or its arguments
        need a wait or are refused."""
        bind = self.bind_now
        if bind is None or _has_directives(field_nodes):
            return None
        info = self._info(execution_context, parent_type, field_nodes, None)
        if info.is_introspection:
            return None
        args: Any = {}
        if self.has_arguments:
            done, args = run_eagerly(self._arguments(execution_context, field_nodes))
            if not done:
                args.close()
                return None
            if isinstance(args, Exception):
                return None
        try:
            read = bind(args, execution_context.context, info)
        except Exception:
            return None
        return None if read is None else _Bound(read, info)

    async def resolve(
        self,
        execution_context: Any,
        parent_type: Any,
        source: Any,
        field_nodes: list[Any],
        path: Path,
        is_introspection_context: bool,
    ) -> Any:
        """Resolve and complete the field as `tartiflette.resolver.factory.resolve_field`."""
        if is_introspection_context or _has_directives(field_nodes):
            return await self.stock(
                execution_context, parent_type, source, field_nodes, path, is_introspection_context
            )
        definition = self.definition
        ctx = execution_context.context
        info = self._info(execution_context, parent_type, field_nodes, path)
        try:
            if self.has_arguments:
                args = await self._arguments(execution_context, field_nodes)
            else:
                args = {}
            result = await self.raw(source, args, ctx, info)
            if info.is_introspection:
                result = await introspection_directives_executor(
                    result, ctx, info, context_coercer=ctx
                )
            if isinstance(result, Exception):
                raise result
            leaf = self.leaf
            if leaf is not None:
                if result is None:
                    if not self.non_null:
                        return None
                else:
                    try:
                        coerced = leaf(result)
                    except Exception:
                        coerced = None
                    if coerced is not None and coerced is not UNDEFINED_VALUE:
                        return coerced
            return await self.complete(result, info, execution_context, field_nodes, path)
        except Exception as error:
            return handle_field_error(
                error, field_nodes, path, definition.graphql_type, execution_context
            )


class _Bound(NamedTuple):
    """A field's read for one execution and selection, and the info it was bound with."""

    read: NowRead
    info: ResolveInfo


class _Step:
    """How to complete one response key of a selection."""

    __slots__ = (
        "direct",
        "field",
        "key",
        "leaf",
        "name",
        "nodes",
        "non_null",
        "plain",
        "same",
        "scalar",
    )

    def __init__(self, key: str, nodes: list[Any], field: Any, plain: Plain | None) -> None:
        self.key, self.nodes, self.field, self.name = key, nodes, field, field.name
        direct = getattr(field.resolver, "__self__", None)
        concurrent = field.parent_concurrently
        self.direct = direct if isinstance(direct, _DirectField) and concurrent else None
        self.plain = plain
        self.leaf = plain.leaf if plain else None
        self.scalar = plain.scalar if plain else None
        self.same = plain.same if plain and not (plain.finite or plain.int32) else None
        self.non_null = plain.non_null if plain else False


class _Selection:
    """A selection's steps, with the completer of its objects when every field of it is
    plain (else None), and what makes one in an execution when every other field of it
    can be resolved synchronously (else None)."""

    __slots__ = ("completer", "factory", "steps")

    def __init__(self, steps: list[_Step]) -> None:
        self.steps = steps
        self.completer: Completer | None = None
        self.factory: Callable[..., Completer] | None = None
        if all(step.plain is not None for step in steps):
            self.completer = compile_completer(
                [(step.key, step.name, step.plain) for step in steps if step.plain is not None]
            )
        elif all(step.plain is not None or step.direct is not None for step in steps):
            self.factory = completer_factory(
                [(step.key, step.name, step.plain) for step in steps], NOT_NOW
            )

    def completer_now(self, object_type: Any, execution_context: Any) -> Completer | None:
        """The completer of this selection's objects in this execution: its fields that are
        not plain read and completed as their direct field's `now` does (made on first use
        and kept for the execution); None when one of them has no synchronous read here."""
        if self.completer is not None:
            return self.completer
        execution = _EXECUTION.get()
        if self.factory is None or execution is None:
            return None
        entry = execution.completers.get(id(self))
        if entry is not None and entry[0] is self:
            return entry[1]
        completer = self._made(self.factory, object_type, execution_context)
        execution.completers[id(self)] = (self, completer)
        return completer

    def _made(
        self, factory: Callable[..., Completer], object_type: Any, execution_context: Any
    ) -> Completer | None:
        """The completer from the factory, given each other field's bound read and finish."""
        pairs: list[Callable[[Any], Any]] = []
        for step in self.steps:
            if step.plain is not None:
                continue
            assert step.direct is not None  # as the factory was made
            bound = step.direct.bound(execution_context, object_type, step.nodes)
            if bound is None:
                return None
            pairs += [bound.read, step.direct.finish(bound, execution_context, step.nodes)]
        return factory(*pairs)


class _Tuning:
    """The tuned coercers of one schema."""

    def __init__(self, plain_leaves: bool) -> None:
        self.plain_leaves = plain_leaves
        self._plain: dict[int, Plain | None] = {}
        # (object type, field nodes) ids -> those nodes and their selection, for selections
        # without directives: the same for every execution of their document.
        self._shared: dict[tuple[int, ...], tuple[tuple[Any, ...], _Selection]] = {}

    def coercer(self, graphql_type: Any) -> Coercer | None:
        """The tuned output coercer of a field type; None to keep Tartiflette's."""
        if graphql_type.is_non_null_type:
            wrapped = graphql_type.wrapped_type
            if self._tunable_object(wrapped):
                return partial(self._complete_object, wrapped, True)
            if wrapped.is_list_type:
                return self._list_coercer(wrapped, non_null=True)
            inner = self.coercer(wrapped)
            return None if inner is None else partial(non_null_coercer, inner_coercer=inner)
        if graphql_type.is_list_type:
            return self._list_coercer(graphql_type)
        if self._tunable_object(graphql_type):
            return partial(self._complete_object, graphql_type, False)
        return None

    def _list_coercer(self, list_type: Any, non_null: bool = False) -> Coercer:
        item_type = list_type.wrapped_type
        inner = self.coercer(item_type) or _named_coercer(item_type)
        named = item_type.wrapped_type if item_type.is_non_null_type else item_type
        object_type = named if self._tunable_object(named) else None
        inner_now = self.now_coercer(item_type)
        return partial(_complete_list, item_type, inner, inner_now, non_null, object_type)

    def now_coercer(self, graphql_type: Any) -> Callable[..., Any] | None:
        """The synchronous completion of an object or list field type (NOT_NOW for what
        needs the engine's own path); None for other types."""
        non_null = graphql_type.is_non_null_type
        named = graphql_type.wrapped_type if non_null else graphql_type
        if self._tunable_object(named):
            return partial(self._object_now, named, non_null)
        if not named.is_list_type:
            return None
        item_type = named.wrapped_type
        inner = self.now_coercer(item_type)
        if inner is None:
            return None
        item_named = item_type.wrapped_type if item_type.is_non_null_type else item_type
        object_type = item_named if self._tunable_object(item_named) else None
        return partial(_list_now, inner, non_null, object_type)

    def _object_now(
        self,
        object_type: Any,
        non_null: bool,
        info: Any,
        execution_context: Any,
        field_nodes: list[Any],
        result: Any,
    ) -> Any:
        """`_complete_object` without a wait: the completed object, or NOT_NOW as soon as
        any of its fields needs a wait or the engine's own path."""
        if result is None:
            return NOT_NOW if non_null else None
        if info.is_introspection:
            return NOT_NOW
        selection = self._cached_selection(object_type, field_nodes)
        if selection is None:
            done, selection = run_eagerly(
                self._selection(execution_context, object_type, field_nodes)
            )
            if not done:
                selection.close()
                return NOT_NOW
            if isinstance(selection, Exception):
                return NOT_NOW
        return _fields_now(selection, object_type, result, execution_context)

    @staticmethod
    def _tunable_object(graphql_type: Any) -> bool:
        return (
            isinstance(graphql_type, GraphQLObjectType)
            and not graphql_type.name.startswith("__")
            and not graphql_type.directives
        )

    async def _complete_object(
        self,
        object_type: Any,
        non_null: bool,
        result: Any,
        info: Any,
        execution_context: Any,
        field_nodes: list[Any],
        path: Path,
    ) -> Any:
        """Tartiflette's object completion (and non-null check), plain fields inline.

        The coercers are positional partials of this and `_complete_list`, which Python calls
        faster than keyword ones."""
        if result is None:
            if non_null:
                raise ValueError(
                    "Cannot return null for non-nullable field "
                    f"{info.parent_type.name}.{info.field_name}."
                )
            return None
        if info.is_introspection:
            return await complete_object_value(
                result, info, execution_context, field_nodes, path, object_type
            )
        values: dict[str, Any] = {}
        waiting: list[tuple[str, Coroutine[Any, Any, Any]]] = []
        resolved = False
        selection = self._cached_selection(object_type, field_nodes)
        if selection is None:
            selection = await self._selection(execution_context, object_type, field_nodes)
        completer = selection.completer_now(object_type, execution_context)
        if completer is not None:
            completed = completer(result)
            if completed is not None:
                return completed
        get = result.get if type(result) is dict else None
        for step in selection.steps:
            value = _plain_value(step, result, get)
            if value is not NOT_NOW:
                values[step.key] = value
                continue
            if step.direct is not None:
                value = step.direct.now(execution_context, object_type, result, step.nodes)
                if value is not NOT_NOW:
                    values[step.key] = value
                    continue
            resolved = True
            field = step.field
            running = field.resolver(
                execution_context, object_type, result, step.nodes, Path(path, step.key), False
            )
            if not field.parent_concurrently:
                try:
                    values[step.key] = await running
                except BaseException:
                    for _, rest in waiting:
                        rest.close()
                    raise
                continue
            done, value = run_eagerly(running)
            values[step.key] = value
            if not done:
                waiting.append((step.key, value))
        if not resolved:
            return values  # Plain fields only: no error, no undefined value.
        if waiting:
            keys = [key for key, _ in waiting]
            for key, value in zip(keys, await settle([w for _, w in waiting]), strict=True):
                values[key] = value
        exceptions = _errors(values.values())
        if exceptions:
            raise exceptions
        if any(value is UNDEFINED_VALUE for value in values.values()):
            return {key: value for key, value in values.items() if value is not UNDEFINED_VALUE}
        return values

    @staticmethod
    def _cached_selection(object_type: Any, field_nodes: list[Any]) -> _Selection | None:
        execution = _EXECUTION.get()
        if execution is not None:
            entry = execution.selections.get((id(object_type), id(field_nodes)))
            if entry is not None and entry[0] is field_nodes:
                return entry[1]
        return None

    async def _selection(
        self, execution_context: Any, object_type: Any, field_nodes: list[Any]
    ) -> _Selection:
        """The selection's steps, collected on first use and cached for the execution; one
        without directives (which variables could switch) also for later executions of the
        same document, as it cannot change."""
        shared_key = (id(object_type), *map(id, field_nodes))
        shared = self._shared.get(shared_key)
        if shared is not None:
            selection = shared[1]
        else:
            collected = _collected_now(execution_context, object_type, field_nodes)
            static = collected is not None
            if collected is None:
                collected = await collect_subfields(execution_context, object_type, field_nodes)
            selection = self._built(execution_context, object_type, collected)
            if static:
                if len(self._shared) >= SHARED_SELECTIONS:
                    self._shared.clear()
                # The entry holds the nodes, so their ids in its key stay theirs.
                self._shared[shared_key] = (tuple(field_nodes), selection)
        execution = _EXECUTION.get()
        if execution is not None:
            execution.selections[(id(object_type), id(field_nodes))] = (field_nodes, selection)
        return selection

    def _built(
        self, execution_context: Any, object_type: Any, collected: dict[str, list[Any]]
    ) -> _Selection:
        """The steps of a collected selection."""
        steps = []
        for response_key, nodes in collected.items():
            field = get_field_definition(execution_context.schema, object_type, nodes[0].name.value)
            if field is None:
                continue
            plain = None
            if not any(node.directives for node in nodes):
                if field.name == "__typename" and not field.directives:
                    plain = Plain(constant(object_type.name))
                else:
                    plain = self._plain_field(field)
            steps.append(_Step(response_key, nodes, field, plain))
        return _Selection(steps)

    def _plain_field(self, field: Any) -> Plain | None:
        key = id(field)
        if key not in self._plain:
            self._plain[key] = plain_field(field, self.plain_leaves)
        return self._plain[key]


def _named_coercer(graphql_type: Any) -> Coercer:
    """Tartiflette's own coercer for a named (or non-null named) item type."""
    if graphql_type.is_non_null_type:
        return partial(non_null_coercer, inner_coercer=_named_coercer(graphql_type.wrapped_type))
    if graphql_type.is_list_type:
        item_type = graphql_type.wrapped_type
        return partial(_complete_list, item_type, _named_coercer(item_type), None, False, None)
    return graphql_type.output_coercer


async def _complete_list(
    item_type: Any,
    inner: Coercer,
    inner_now: Callable[..., Any] | None,
    non_null: bool,
    object_type: Any,
    result: Any,
    info: Any,
    execution_context: Any,
    field_nodes: list[Any],
    path: Path,
) -> Any:
    """Tartiflette's list completion (and non-null check), items run eagerly, not in tasks.

    Objects whose selection's completer does all their fields (a board's 1,000 cards with
    their names and dates, each card's labels) are completed by it, without a coroutine
    each, once one item of the selection has gone the full way in this execution and its
    steps are known (`object_type` is the items' tunable object type, else None)."""
    if result is None:
        if non_null:
            raise ValueError(
                "Cannot return null for non-nullable field "
                f"{info.parent_type.name}.{info.field_name}."
            )
        return None
    if not isinstance(result, list):
        raise TypeError(
            "Expected Iterable, but did not find one for field "
            f"{info.parent_type.name}.{info.field_name}."
        )
    values: list[Any] = []
    waiting: list[tuple[int, Coroutine[Any, Any, Any]]] = []
    completer = _items_completer(object_type, field_nodes, execution_context)
    for index, item in enumerate(result):
        if completer is not None:
            completed = completer(item)
            if completed is not None:
                values.append(completed)
                continue
        elif index == 1:
            completer = _items_completer(object_type, field_nodes, execution_context)
            completed = None if completer is None else completer(item)
            if completed is not None:
                values.append(completed)
                continue
        if inner_now is not None and not isinstance(item, Exception):
            value = inner_now(info, execution_context, field_nodes, item)
            if value is not NOT_NOW:
                values.append(value)
                continue
        item_path = Path(path, index)
        if isinstance(item, Exception):
            values.append(_handled(item, field_nodes, item_path, item_type, execution_context))
            continue
        done, value = run_eagerly(inner(item, info, execution_context, field_nodes, item_path))
        if not done:
            value = _catching(value, field_nodes, item_path, item_type, execution_context)
            waiting.append((index, value))
        elif isinstance(value, Exception):
            value = _handled(value, field_nodes, item_path, item_type, execution_context)
        values.append(value)
    if waiting:
        settled = await settle([w for _, w in waiting])
        for (index, _), value in zip(waiting, settled, strict=True):
            values[index] = value
    exceptions = _errors(values)
    if exceptions:
        raise exceptions
    return values


def _plain_value(step: _Step, result: Any, get: Callable[[str], Any] | None) -> Any:
    """A plain step's value, read and coerced inline (`get` reads a dict result); NOT_NOW
    for a step that is not plain, or a value that needs the engine's own path (a null for
    a non-null field, a value the scalar refuses, a parent the leaf cannot read)."""
    if step.scalar is not None and get is not None:
        value = get(step.name)
        if type(value) is step.same:
            return value
        return coerced(NOT_NOW, step.scalar, step.non_null, value)
    if step.leaf is not None:
        try:
            return step.leaf(result)
        except Fallback:
            return NOT_NOW
    return NOT_NOW


def _items_completer(
    object_type: Any, field_nodes: list[Any], execution_context: Any
) -> Completer | None:
    """The completer of the items' selection in this execution, when its steps are known
    in it and it has one; else None."""
    if object_type is None:
        return None
    selection = _Tuning._cached_selection(object_type, field_nodes)
    return None if selection is None else selection.completer_now(object_type, execution_context)


def _errors(results: Iterable[Any]) -> MultipleException | None:
    """`extract_exceptions_from_results`, without building an empty one when none failed."""
    failed = [result for result in results if isinstance(result, MultipleException)]
    return extract_exceptions_from_results(failed) if failed else None


def _has_directives(field_nodes: list[Any]) -> bool:
    """Whether a field is selected with directives (the usual single node checked directly)."""
    return bool(field_nodes[0].directives) or (
        len(field_nodes) > 1 and any(node.directives for node in field_nodes)
    )


def _handled(
    error: Exception, field_nodes: list[Any], path: Path, item_type: Any, execution_context: Any
) -> Any:
    """A list item's error as Tartiflette's `complete_value_catching_error` treats it:
    recorded (the item is then None), or returned located when the item is non-null."""
    try:
        return handle_field_error(error, field_nodes, path, item_type, execution_context)
    except Exception as located:
        return located


async def _catching(
    running: Awaitable[Any],
    field_nodes: list[Any],
    path: Path,
    item_type: Any,
    execution_context: Any,
) -> Any:
    """A list item's completion that had to wait, its error treated as `_handled` does."""
    try:
        return await running
    except Exception as error:
        return _handled(error, field_nodes, path, item_type, execution_context)


def _fields_now(
    selection: _Selection, object_type: Any, result: Any, execution_context: Any
) -> Any:
    """An object completed by its selection's completer in this execution, or NOT_NOW."""
    completer = selection.completer_now(object_type, execution_context)
    completed = None if completer is None else completer(result)
    return NOT_NOW if completed is None else completed


def _list_now(
    inner: Callable[..., Any],
    non_null: bool,
    object_type: Any,
    info: Any,
    execution_context: Any,
    field_nodes: list[Any],
    result: Any,
) -> Any:
    """`_complete_list` without a wait: the completed list, or NOT_NOW as soon as an item
    needs a wait or the engine's own path.

    Once the items' completer is known in this execution (after the first item at the
    latest), it completes the rest in one pass."""
    if result is None:
        return NOT_NOW if non_null else None
    if not isinstance(result, list) or info.is_introspection:
        return NOT_NOW
    if not result:
        return []
    values: list[Any] = []
    completer = _items_completer(object_type, field_nodes, execution_context)
    for index, item in enumerate(result):
        if completer is None and index == 1:
            completer = _items_completer(object_type, field_nodes, execution_context)
        if completer is not None:
            rest = list(map(completer, result[index:] if index else result))
            if None in rest and not _completed_others(
                rest, result, index, inner, info, execution_context, field_nodes
            ):
                return NOT_NOW
            return values + rest if values else rest
        value = inner(info, execution_context, field_nodes, item)
        if value is NOT_NOW:
            return NOT_NOW
        values.append(value)
    return values


def _completed_others(
    completed: list[Any],
    items: list[Any],
    start: int,
    inner: Callable[..., Any],
    info: Any,
    execution_context: Any,
    field_nodes: list[Any],
) -> bool:
    """Complete in place, through `inner`, the items from `start` on that a completer left
    as None; False when one of them cannot be completed without a wait."""
    for index, value in enumerate(completed):
        if value is None:
            value = inner(info, execution_context, field_nodes, items[start + index])
            if value is NOT_NOW:
                return False
            completed[index] = value
    return True


def _object_items(complete_now: Callable[..., Any] | None) -> Any:
    """The object type of a list field's items, when `complete_now` completes a list of
    objects (a `_list_now` with an object type); else None."""
    if isinstance(complete_now, partial) and complete_now.func is _list_now:
        return complete_now.args[2]
    return None


class _ItemsCompleter:
    """The completer of a list field's items in one execution, looked up until their
    selection is known (after one list went the whole way) and then kept."""

    __slots__ = ("completer", "execution_context", "field_nodes", "object_type")

    def __init__(self, object_type: Any, field_nodes: list[Any], execution_context: Any) -> None:
        self.object_type, self.field_nodes = object_type, field_nodes
        self.execution_context = execution_context
        self.completer: Completer | None = None

    def find(self) -> Completer | None:
        """The completer, once known."""
        if self.completer is None:
            self.completer = _items_completer(
                self.object_type, self.field_nodes, self.execution_context
            )
        return self.completer


def _objects_now(complete: Callable[[Any], Any], items: _ItemsCompleter, result: Any) -> Any:
    """A list of objects completed in one pass of their completer, once it is known;
    otherwise (and where it leaves an item) by `complete`, the list's `_list_now`."""
    if type(result) is list and result:
        completer = items.completer or items.find()
        if completer is not None:
            completed = list(map(completer, result))
            if None not in completed:
                return completed
    return complete(result)


def _collected_now(
    execution_context: Any, runtime_type: Any, field_nodes: list[Any]
) -> dict[str, list[Any]] | None:
    """Tartiflette's `collect_subfields`, without a wait, for selections without
    directives (nothing to evaluate); None when any selection has some.

    Depth first in document order as Tartiflette goes, with a stack of the selection
    sets being read (a recursive closure would leave a reference cycle per call)."""
    fields: dict[str, list[Any]] = {}
    visited: set[str] = set()
    for node in field_nodes:
        if not node.selection_set:
            continue
        stack = [iter(node.selection_set.selections)]
        while stack:
            selection = next(stack[-1], None)
            if selection is None:
                stack.pop()
            elif selection.directives:
                return None
            elif isinstance(selection, FieldNode):
                fields.setdefault(get_field_entry_key(selection), []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                if does_fragment_condition_match(execution_context, selection, runtime_type):
                    stack.append(iter(selection.selection_set.selections))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in visited:
                    continue
                visited.add(name)
                fragment = execution_context.fragments[name]
                if fragment and does_fragment_condition_match(
                    execution_context, fragment, runtime_type
                ):
                    stack.append(iter(fragment.selection_set.selections))
    return fields
