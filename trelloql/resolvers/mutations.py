"""Pieces shared by the Write mappings of every resource."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trelloql.resolvers.base import Args
from trelloql.validation import INPUT


def deleted(field: str = "id") -> Callable[[Any, Args], dict[str, Any]]:
    """The answer of a delete mutation: a DeletedPayload for the input's `field` id."""

    def answer(_reply: Any, args: Args) -> dict[str, Any]:
        return {"id": args[INPUT][field], "deleted": True}

    return answer
