"""A small path router shared by HTTP requests and /batch sub-requests."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import Ctx

Handler = Callable[["Ctx"], Any]
Cost = Callable[[Mapping[str, str]], int]


WRITE_METHODS = frozenset({"POST", "PUT", "DELETE"})


@dataclass(frozen=True)
class Route:
    """A route: ``pattern`` segments in braces are path parameters."""

    pattern: str
    handler: Handler
    method: str = "GET"
    member_limited: bool = False
    """Counts against the per-token limit of the non-nested ``/members/{id}`` route."""
    cost: Cost | None = None
    """Rate-limit units of one call (default 1); /batch costs one per URL."""

    @property
    def segments(self) -> tuple[str, ...]:
        """The pattern split into path segments."""
        return tuple(self.pattern.strip("/").split("/"))

    def match(self, parts: list[str]) -> dict[str, str] | None:
        """Path parameters when ``parts`` fit this pattern, else None."""
        if len(parts) != len(self.segments):
            return None
        params: dict[str, str] = {}
        for segment, part in zip(self.segments, parts, strict=True):
            if segment.startswith("{"):
                params[segment[1:-1]] = part
            elif segment != part:
                return None
        return params

    def units(self, query: Mapping[str, str]) -> int:
        """Rate-limit units this call costs."""
        return 1 if self.cost is None else self.cost(query)


class Router:
    """Routes in registration order; literal segments must be registered before clashes."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(
        self,
        pattern: str,
        handler: Handler,
        *,
        method: str = "GET",
        member_limited: bool = False,
        cost: Cost | None = None,
    ) -> None:
        """Register a route (GET unless ``method`` says POST, PUT or DELETE)."""
        if method != "GET" and method not in WRITE_METHODS:
            raise ValueError(f"unsupported method {method}")
        self.routes.append(Route(pattern, handler, method, member_limited, cost))

    def resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        """The route and parameters for ``method path`` (path without ``/1``), or None."""
        parts = path.strip("/").split("/")
        for route in self.routes:
            if route.method != method:
                continue
            params = route.match(parts)
            if params is not None:
                return route, params
        return None
