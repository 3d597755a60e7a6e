"""Field and value suggestions, hidden when introspection is off."""

from __future__ import annotations

import re

_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def hide_suggestions(message: str) -> str:
    """The message without "Did you mean ...?" hints, which would leak the schema."""
    return _SUGGESTION.sub("", message)
