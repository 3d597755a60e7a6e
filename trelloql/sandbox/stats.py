"""What the sandbox received, for tests that count requests and rate-limit units."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RecordedRequest:
    """One HTTP request as received."""

    method: str
    path: str
    """Request path including Trello's ``/1`` prefix."""
    query: dict[str, str]
    batch_urls: list[str] | None = None
    """The sub-URLs of a ``/1/batch`` request; None for other requests."""
    status: int | None = None
    """Response status, once sent."""
    params: dict[str, str] | None = None
    """The parameters of a write (query, form or JSON body, as ``form.write_params`` reads them)."""


@dataclass
class Stats:
    """Every HTTP request the sandbox received, in arrival order."""

    requests: list[RecordedRequest] = field(default_factory=list)

    def count(self, path_prefix: str | None = None) -> int:
        """Number of HTTP requests (a /batch is one), optionally only paths with this prefix."""
        if path_prefix is None:
            return len(self.requests)
        return sum(1 for r in self.requests if r.path.startswith(path_prefix))

    def writes(self, path_prefix: str = "") -> list[RecordedRequest]:
        """The POST, PUT and DELETE requests, optionally only paths with this prefix."""
        return [
            r
            for r in self.requests
            if r.method in ("POST", "PUT", "DELETE") and r.path.startswith(path_prefix)
        ]

    def units(self) -> int:
        """Rate-limit units: one per request, but a /batch counts one per URL inside it."""
        return sum(1 if r.batch_urls is None else max(1, len(r.batch_urls)) for r in self.requests)

    def reset(self) -> None:
        """Forget everything recorded."""
        self.requests.clear()
