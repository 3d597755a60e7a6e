"""The coverage table: which of Trello's REST operations the graph reaches, and how.

A development tool behind `scripts/coverage`. `extract` takes the operations of the covered
resources out of Trello's OpenAPI document; `reached` reads the resolver mappings (every
Fetch path as a GET, every Write as its method and path, and the GET a write reads back);
`render` writes the Markdown table: for each operation the GraphQL fields and mutations that
send it, or an equivalent field (the same data through another route), or why it is left out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from trelloql.coverage_notes import EQUIVALENT, INTERNAL, LEFT_OUT
from trelloql.resolvers.base import Fetch, Write

RESOURCES = (
    "members", "boards", "lists", "cards", "organizations", "actions", "checklists", "labels",
    "customFields", "webhooks", "search", "batch", "notifications",
)  # fmt: skip
METHODS = ("get", "post", "put", "delete")

Operation = tuple[str, str]
"""An HTTP method in upper case and an OpenAPI path, e.g. `("GET", "/boards/{id}")`."""


def extract(openapi: Mapping[str, Any]) -> list[dict[str, str]]:
    """The (method, path) of each operation of the covered resources, in the document's order."""
    found = []
    for path, item in openapi["paths"].items():
        if path.strip("/").split("/")[0] not in RESOURCES:
            continue
        found += [{"method": m.upper(), "path": path} for m in METHODS if m in item]
    return found


def _shape(path: str) -> tuple[str, ...]:
    """Path segments with every `{placeholder}` as `{}`, without a trailing slash."""
    return tuple("{}" if s.startswith("{") else s for s in path.strip("/").split("/"))


def _fits(mapped: tuple[str, ...], documented: tuple[str, ...]) -> int | None:
    """How many literal segments agree (higher is closer), or None when they do not fit.

    A placeholder fits only a placeholder; a literal fits the same literal or, less closely,
    a documented placeholder (`/lists/{id}/name` is an instance of `/lists/{id}/{field}`).
    """
    if len(mapped) != len(documented):
        return None
    score = 0
    for ours, theirs in zip(mapped, documented, strict=True):
        if ours == theirs:
            score += ours != "{}"
        elif not (theirs == "{}" and ours != "{}"):
            return None
    return score


def match(operation: Operation, operations: Iterable[Operation]) -> Operation | None:
    """The documented operation a mapped (method, path) sends, the closest fit first."""
    method, path = operation
    shape = _shape(path)
    best: tuple[int, Operation] | None = None
    for candidate in operations:
        if candidate[0] != method:
            continue
        score = _fits(shape, _shape(candidate[1]))
        if score is not None and (best is None or score > best[0]):
            best = (score, candidate)
    return None if best is None else best[1]


def mapped_calls(mappings: Mapping[str, Any]) -> list[tuple[Operation, str]]:
    """Every (method, path) the graph's mappings send, with the field that sends it."""
    calls: list[tuple[Operation, str]] = []
    for field, mapping in mappings.items():
        if isinstance(mapping, Write):
            calls += [((mapping.method, path), field) for path in _expanded(mapping)]
            if mapping.then is not None:
                calls.append((("GET", mapping.then.path), field))
        elif isinstance(mapping, Fetch):
            calls.append((("GET", mapping.path), field))
            other = getattr(mapping, "other", None)
            if isinstance(other, Fetch):
                calls.append((("GET", other.path), field))
    return calls


def _expanded(mapping: Write) -> list[str]:
    """The write's path, or each literal route a `OneOf` write may take."""
    paths = [mapping.path]
    for placeholder, literals in getattr(mapping, "choices", {}).items():
        paths = [p.replace("{" + placeholder + "}", lit) for p in paths for lit in literals]
    return paths


@dataclass
class Row:
    """One documented operation and how the graph reaches it."""

    method: str
    path: str
    fields: list[str]
    status: str
    note: str


def reached(
    operations: list[dict[str, str]], mappings: Mapping[str, Any]
) -> tuple[list[Row], list[str]]:
    """A row per operation, and the problems found (a note for a reached operation...)."""
    documented = [(op["method"], op["path"]) for op in operations]
    fields: dict[Operation, list[str]] = defaultdict(list)
    problems = []
    for call, field in mapped_calls(mappings):
        target = match(call, documented)
        if target is not None and field not in fields[target]:
            fields[target].append(field)
    rows = []
    for op in operations:
        key = (op["method"], op["path"])
        found = sorted(fields.get(key, []))
        notes = [table[key] for table in (INTERNAL, EQUIVALENT, LEFT_OUT) if key in table]
        if len(notes) > 1 or (found and key in LEFT_OUT) or (found and key in EQUIVALENT):
            problems.append(f"{key[0]} {key[1]}: reached, and also noted as not reached")
        if found:
            status, note = "reached", INTERNAL.get(key, "")
        elif key in INTERNAL:
            status, note = "reached", INTERNAL[key]
        elif key in EQUIVALENT:
            status, note = "equivalent", EQUIVALENT[key]
        elif key in LEFT_OUT:
            status, note = "left out", LEFT_OUT[key]
        else:
            status, note = "missing", "not reached yet"
            problems.append(f"{key[0]} {key[1]}: neither reached nor explained")
        rows.append(Row(op["method"], op["path"], found, status, note))
    stale = (set(INTERNAL) | set(EQUIVALENT) | set(LEFT_OUT)) - set(documented)
    problems += [f"{m} {p}: noted, but not a documented operation" for m, p in sorted(stale)]
    return rows, problems


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def render(rows: list[Row]) -> str:
    """The Markdown table of `docs/coverage.md`."""
    total = len(rows)
    direct = sum(r.status == "reached" for r in rows)
    equivalent = sum(r.status == "equivalent" for r in rows)
    left = total - direct - equivalent
    lines = [
        "# Trello API coverage",
        "",
        "Generated by `scripts/coverage` from Trello's OpenAPI document and trelloql's resolver",
        "mappings; do not edit by hand. Regenerate with",
        "`scripts/coverage path/to/trello-openapi.json` (or, from the committed operation list,",
        "`scripts/coverage`).",
        "",
        f"Of the **{total}** operations of the {len(RESOURCES)} covered resources "
        f"({', '.join(RESOURCES)}):",
        "",
        f"- **{direct}** ({_percent(direct, total)}) are sent by a GraphQL field or mutation;",
        f"- **{equivalent}** ({_percent(equivalent, total)}) are not sent, but the same read or "
        "change is reachable through the field or mutation named (by another route);",
        f"- **{left}** ({_percent(left, total)}) are left out, each with its reason.",
        "",
        f"Reachable through the graph: **{direct + equivalent}** of {total} "
        f"(**{_percent(direct + equivalent, total)}**).",
        "",
        "| Resource | Operations | Sent | Equivalent | Left out |",
        "|---|---:|---:|---:|---:|",
    ]
    by_resource: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_resource[row.path.strip("/").split("/")[0]].append(row)
    for resource in RESOURCES:
        group = by_resource.get(resource, [])
        counts = [sum(r.status == s for r in group) for s in ("reached", "equivalent")]
        lines.append(
            f"| {resource} | {len(group)} | {counts[0]} | {counts[1]} | "
            f"{len(group) - sum(counts)} |"
        )
    for resource in RESOURCES:
        lines += [
            "", f"## {resource}", "", "| Operation | Reached by | Notes |", "|---|---|---|",
        ]  # fmt: skip
        for row in by_resource.get(resource, []):
            if row.status == "reached":
                shown = ", ".join(f"`{f}`" for f in row.fields) or "—"
            elif row.status == "equivalent":
                shown = "≈ " + ", ".join(f"`{f}`" for f in _named(row.note))
            else:
                shown = f"*{row.status}*"
            note = _explained(row).replace("|", "\\|")
            lines.append(f"| `{row.method} {row.path}` | {shown} | {note} |")
    return "\n".join(lines) + "\n"


def _explained(row: Row) -> str:
    """The note without the field names an equivalence note starts with (shown apart)."""
    if row.status == "equivalent":
        return row.note.split(":", 1)[1].strip()
    return row.note


def _named(note: str) -> list[str]:
    """The GraphQL fields an equivalence note names (its leading `Type.field` words)."""
    head = note.split(":", 1)[0]
    return [part.strip() for part in head.split(",") if part.strip()]


def load_operations(text: str) -> list[dict[str, str]]:
    """The committed operation list (`docs/trello-operations.json`)."""
    data = json.loads(text)
    return [{"method": o["method"], "path": o["path"]} for o in data]


def dump_operations(operations: list[dict[str, str]]) -> str:
    """The operation list as committed: one JSON object per line, stable for diffs."""
    lines = ",\n".join(f"  {json.dumps(op, ensure_ascii=False)}" for op in operations)
    return f"[\n{lines}\n]\n"
