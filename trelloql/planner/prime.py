"""After a planned GET: hand each nested answer to the loader, as its naive request's answer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from trelloql.planner.compile import Serving
from trelloql.planner.shapes import OBJECT_ROUTES

# (mapping key, parent object, args, selected names) -> naive (path, params), or None
NaiveRequest = Callable[[str, Any, Any, set[str]], tuple[str, dict[str, str]] | None]
Prime = Callable[[str, dict[str, str], Any], None]


def present_fields(items: Iterable[Any], asked: set[str]) -> set[str]:
    """The fields an embedded answer really holds (what was asked, when it is empty)."""
    objects = [item for item in items if isinstance(item, dict)]
    if not objects:
        return set(asked)
    return set.intersection(*(set(obj) for obj in objects))


def prime_answer(
    root: Any,
    servings: list[Serving],
    naive_request: NaiveRequest,
    prime: Prime,
) -> None:
    """Prime the loader with every child answer a planned GET embedded."""
    roots = root if isinstance(root, list) else [root]
    for obj in roots:
        if isinstance(obj, dict):
            _prime_level(obj, [obj], servings, naive_request, prime)


def _prime_level(
    request_root: dict[str, Any],
    parents: list[Any],
    servings: list[Serving],
    naive_request: NaiveRequest,
    prime: Prime,
) -> None:
    for serving in servings:
        nest, slot, selection = serving.nest, serving.slot, serving.selection
        for parent in parents:
            if not isinstance(parent, dict):
                continue
            if nest.back:
                answer: Any = request_root
            elif nest.ref is not None:
                answer = _referenced(request_root.get(slot.key), parent.get(nest.ref))
                if answer is None:
                    continue
            elif nest.join_by is not None:
                if slot.key not in request_root:
                    continue
                answer = [
                    item
                    for item in request_root[slot.key]
                    if item.get(nest.join_by) == parent.get("id")
                ]
            elif nest.key in parent:
                answer = parent[nest.key]
            else:
                continue
            request = naive_request(selection.field, parent, selection.args, selection.names)
            if request is None:
                continue
            items = answer if isinstance(answer, list) else [answer]
            path, params = request
            fields = present_fields(items, set(params.get("fields", "").split(",")) | slot.fields)
            prime(path, {**params, "fields": ",".join(sorted(fields))}, answer)
            prime_objects(selection.type_name, items, prime)
            _prime_level(request_root, items, serving.children, naive_request, prime)


def _referenced(collection: Any, ids: Any) -> Any:
    """The items of `collection` with the given id (or ids, in order); None if any is missing."""
    if not isinstance(collection, list):
        return None
    by_id = {item.get("id"): item for item in collection if isinstance(item, dict)}
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
