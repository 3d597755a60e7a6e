"""A small path router shared by HTTP requests and /batch sub-requests."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import Ctx

Handler = Callable[["Ctx"], Any]
Cost = Callable[[Mapping[str, str]], int]


@dataclass(frozen=True)
class Route:
    """A GET route: ``pattern`` segments in braces are path parameters."""

    pattern: str
    handler: Handler
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
        member_limited: bool = False,
        cost: Cost | None = None,
    ) -> None:
        """Register a GET route."""
        self.routes.append(Route(pattern, handler, member_limited, cost))

    def resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        """The route and parameters for ``method path`` (path without ``/1``), or None."""
        if method != "GET":
            return None
        parts = path.strip("/").split("/")
        for route in self.routes:
            params = route.match(parts)
            if params is not None:
                return route, params
        return None
