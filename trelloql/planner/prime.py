"""After a planned GET: hand each nested answer to the children that will ask for it.

Two ways, from one walk of the answer: `serve_answer` keeps each child answer by its parent
object (what the child's resolver looks up first: no request to build, no read to match),
and `prime_answer` primes the loader under the request each child's own resolver would
make, for reads that reach the same data another way (deferred by the planner until such
a read comes).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any

from trelloql.planner.compile import Serving
from trelloql.planner.shapes import OBJECT_ROUTES
from trelloql.trello.loader import Served

# (mapping key, parent object, args, selected names) -> naive (path, params), or None
NaiveRequest = Callable[[str, Any, Any, set[str]], tuple[str, dict[str, str]] | None]
Prime = Callable[[str, dict[str, str], Any], None]
ServedUnder = Callable[[Hashable], Served]
ServingKey = Callable[[Serving], Hashable]


def present_fields(items: Iterable[Any], asked: set[str]) -> set[str]:
    """The fields an embedded answer really holds (what was asked, when it is empty)."""
    objects = [item for item in items if isinstance(item, dict)]
    if not objects:
        return set(asked)
    return set.intersection(*(set(obj) for obj in objects))


def serve_answer(
    root: Any,
    servings: list[Serving],
    key_of: ServingKey,
    served_under: ServedUnder,
    parent: object | None = None,
) -> None:
    """Keep every child answer a planned GET embedded, by parent object, in the table
    `served_under` gives for its serving's key.

    `parent` stands for a single `root` object: the object the resolvers were handed,
    when the GET fetched that parent again through a route that nests more.
    """
    roots = root if isinstance(root, list) else [root]
    tables: dict[int, Served] = {}
    for obj in roots:
        if isinstance(obj, dict):
            for serving, found, top in _walk(obj, [obj], servings):
                table = tables.get(id(serving))
                if table is None:
                    table = tables[id(serving)] = served_under(key_of(serving))
                if top and parent is not None:
                    table.update((id(parent), (parent, answer)) for _owner, answer in found)
                else:
                    table.update((id(owner), (owner, answer)) for owner, answer in found)


def prime_answer(
    root: Any, servings: list[Serving], naive_request: NaiveRequest, prime: Prime
) -> None:
    """Prime the loader with every child answer a planned GET embedded."""
    roots = root if isinstance(root, list) else [root]
    for obj in roots:
        if not isinstance(obj, dict):
            continue
        for serving, found, _top in _walk(obj, [obj], servings):
            selection, slot = serving.selection, serving.slot
            for owner, answer in found:
                request = naive_request(selection.field, owner, selection.args, selection.names)
                if request is None:
                    continue
                items = answer if isinstance(answer, list) else [answer]
                path, params = request
                asked = set(params.get("fields", "").split(",")) | slot.fields
                fields = present_fields(items, asked)
                prime(path, {**params, "fields": ",".join(sorted(fields))}, answer)
                prime_objects(selection.type_name, items, prime)


Found = list[tuple[dict[str, Any], Any]]


def _walk(
    request_root: dict[str, Any], parents: list[Any], servings: list[Serving], top: bool = True
) -> Iterator[tuple[Serving, Found, bool]]:
    """Each serving with the (parent, answer) pairs the answer holds for it, depth first,
    and whether its parents are the request's own object."""
    for serving in servings:
        found = _answers(request_root, parents, serving)
        yield serving, found, top
        if serving.children:
            items = [
                item
                for _owner, answer in found
                for item in (answer if isinstance(answer, list) else [answer])
            ]
            yield from _walk(request_root, items, serving.children, top=False)


def _answers(request_root: dict[str, Any], parents: list[Any], serving: Serving) -> Found:
    """The answer of a serving's field for each parent that has one."""
    nest, key = serving.nest, serving.slot.key
    objects = [parent for parent in parents if isinstance(parent, dict)]
    if nest.back:
        return [(parent, request_root) for parent in objects]
    if nest.ref is not None:
        by_id = _by_id(request_root.get(key))
        if by_id is None:
            return []
        found: Found = []
        for parent in objects:
            answer = _referenced(by_id, parent.get(nest.ref))
            if answer is not None:
                found.append((parent, answer))
        return found
    if nest.join_by is not None:
        if key not in request_root:
            return []
        groups: dict[Any, list[Any]] = {}
        for item in request_root[key]:
            groups.setdefault(item.get(nest.join_by), []).append(item)
        return [(parent, groups.get(parent.get("id"), [])) for parent in objects]
    return [(parent, parent[nest.key]) for parent in objects if nest.key in parent]


def _by_id(collection: Any) -> dict[Any, Any] | None:
    """A collection's items by id; None when it is not a list."""
    if not isinstance(collection, list):
        return None
    return {item.get("id"): item for item in collection if isinstance(item, dict)}


def _referenced(by_id: dict[Any, Any], ids: Any) -> Any:
    """The items with the given id (or ids, in order); None if any is missing."""
    if isinstance(ids, list):
        found = [by_id.get(one) for one in ids]
        return None if None in found else found
    return by_id.get(ids)


def prime_objects(type_name: str, items: Iterable[Any], prime: Prime) -> None:
    """Prime each object's own route (`/lists/{id}`) with the fields it came with."""
    route = OBJECT_ROUTES.get(type_name)
    if route is None:
        return
    for item in items:
        if isinstance(item, dict) and "id" in item:
            fields = ",".join(sorted(set(item)))
            prime(route.format(id=item["id"]), {"fields": fields}, item)
