"""graphql-core's parser without the rest of graphql-core.

The service only lexes and parses queries with graphql-core (`graphql.language`, with
`graphql.error`), but importing any part of it runs `graphql/__init__`, which loads all of
graphql-core: types, validation, execution, utilities, ~100 modules and ~3 MiB of idle
memory never used. `load_lazily()` registers the `graphql` package without running its
`__init__`, so `import graphql.language` loads just that sub-package and what it needs;
the first use of a name the package itself exports (`from graphql import build_schema`,
as tools and tests do) runs the `__init__` then, and the package is complete as usual.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any


def load_lazily() -> None:
    """Register `graphql` with its `__init__` deferred (a no-op once it is imported)."""
    spec = importlib.util.find_spec("graphql") if "graphql" not in sys.modules else None
    if spec is None or spec.loader is None:
        return
    loader = spec.loader
    package = importlib.util.module_from_spec(spec)

    def complete(name: str) -> Any:
        del package.__dict__["__getattr__"]
        loader.exec_module(package)
        return getattr(package, name)

    package.__dict__["__getattr__"] = complete
    sys.modules["graphql"] = package
