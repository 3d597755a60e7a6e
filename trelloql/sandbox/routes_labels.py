"""``/labels/{id}``."""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .fields import project
from .nested import fields_of
from .routing import Router
from .views import label_view


def get_label(ctx: Ctx) -> dict[str, Any]:
    """``GET /labels/{id}``."""
    label = ctx.label(ctx.params["label"])
    return project(label_view(ctx.store, label), fields_of(ctx, "fields", "label"))


def register(router: Router) -> None:
    """Add the label routes."""
    router.add("/labels/{label}", get_label)
