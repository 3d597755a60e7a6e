"""The benchmark's results: one plain-text table, and the same numbers as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.engine_cpu import EngineTimes
from bench.load import Latencies

MIB = 1024 * 1024


@dataclass(frozen=True)
class Counts:
    """Upstream traffic of one execution of a query."""

    calls: int
    units: int
    rounds: int


@dataclass(frozen=True)
class Row:
    """One suite query's results; `skipped` says why it did not run."""

    name: str
    planned: Counts | None = None
    minimum: Counts | None = None
    naive: Counts | None = None
    cold_ms: float | None = None
    sequential: Latencies | None = None
    concurrent: Latencies | None = None
    server_cpu_ms: float | None = None
    skipped: str | None = None


@dataclass
class Results:
    """Everything one benchmark run measured."""

    environment: dict[str, Any]
    latency_ms: float
    rows: list[Row]
    naive_is_planned: bool
    idle_rss_bytes: int
    loaded_rss_bytes: int
    engine: EngineTimes | None = None
    large_board: str = ""
    notes: list[str] = field(default_factory=list)


COLUMNS = (
    ("query", "", "<"),
    ("calls", "plan", ">"),
    ("", "min", ">"),
    ("", "naive", ">"),
    ("units", "plan", ">"),
    ("", "min", ">"),
    ("", "naive", ">"),
    ("rounds", "plan", ">"),
    ("", "min", ">"),
    ("cold", "ms", ">"),
    ("cold/", "rounds*lat", ">"),
    ("c=1", "p50 ms", ">"),
    ("", "p95 ms", ">"),
    ("c=16", "p50 ms", ">"),
    ("", "p95 ms", ">"),
    ("", "req/s", ">"),
    ("", "failed", ">"),
    ("server", "CPU ms", ">"),
)


def _cells(row: Row, latency_ms: float, naive_mark: str) -> list[str]:
    if row.skipped is not None:
        return [row.name, f"skipped: {row.skipped}"]
    assert row.planned is not None
    assert row.minimum is not None
    assert row.sequential is not None
    assert row.concurrent is not None
    cold = row.cold_ms or 0.0
    target = row.planned.rounds * latency_ms
    return [
        row.name,
        str(row.planned.calls),
        str(row.minimum.calls),
        f"{row.naive.calls}{naive_mark}" if row.naive else "-",
        str(row.planned.units),
        str(row.minimum.units),
        f"{row.naive.units}{naive_mark}" if row.naive else "-",
        str(row.planned.rounds),
        str(row.minimum.rounds),
        f"{cold:.0f}",
        f"{cold / target:.2f}" if target else "-",
        f"{row.sequential.p50_ms:.0f}",
        f"{row.sequential.p95_ms:.0f}",
        f"{row.concurrent.p50_ms:.0f}",
        f"{row.concurrent.p95_ms:.0f}",
        f"{row.concurrent.per_second:.0f}",
        str(row.sequential.failed + row.concurrent.failed),
        f"{row.server_cpu_ms:.1f}" if row.server_cpu_ms is not None else "-",
    ]


def table(results: Results) -> str:
    """The results as one aligned plain-text table, with its footnotes."""
    naive_mark = "*" if results.naive_is_planned else ""
    body = [_cells(row, results.latency_ms, naive_mark) for row in results.rows]
    full = [cells for cells in body if len(cells) == len(COLUMNS)]
    widths = [
        max([len(top), len(sub)] + [len(cells[i]) for cells in full])
        for i, (top, sub, _) in enumerate(COLUMNS)
    ]
    widths[0] = max([widths[0]] + [len(cells[0]) for cells in body])

    def line(cells: list[str]) -> str:
        if len(cells) != len(COLUMNS):
            return f"{cells[0]:<{widths[0]}}  {cells[1]}"
        return "  ".join(
            f"{cell:{align}{width}}"
            for cell, width, (_, _, align) in zip(cells, widths, COLUMNS, strict=True)
        ).rstrip()

    lines = [
        line([top for top, _, _ in COLUMNS]),
        line([sub for _, sub, _ in COLUMNS]),
        *(line(cells) for cells in body),
    ]
    lines.append("")
    lines.extend(footer(results))
    return "\n".join(lines)


def footer(results: Results) -> list[str]:
    """The lines under the table: engine CPU, memory and notes."""
    out = []
    engine = results.engine
    if engine is not None:
        out += [
            f"Engine CPU, {results.large_board} (1,000 cards x 10 fields) from replayed Trello "
            "answers, median per execution:",
            f"  trelloql (tuned Tartiflette)  {engine.trelloql_ms:7.1f} ms  = "
            f"{engine.ratio:.2f} x graphql-core",
            f"  graphql-core, same SDL/data   {engine.graphql_core_ms:7.1f} ms",
            f"  stock Tartiflette 1.4.1       {engine.stock_tartiflette_ms:7.1f} ms",
            f"  Tartiflette, concurrency off  {engine.sequential_tartiflette_ms:7.1f} ms",
            f"  encoding the answer: json.dumps {engine.json_dumps_ms:.1f} ms"
            + (
                f", orjson {engine.orjson_dumps_ms:.1f} ms"
                if engine.orjson_dumps_ms is not None
                else ""
            ),
        ]
    out.append(
        f"Service resident memory: {results.idle_rss_bytes / MIB:.1f} MiB idle, "
        f"{results.loaded_rss_bytes / MIB:.1f} MiB after the load"
    )
    out += results.notes
    return out


def write_json(results: Results, directory: Path, stamp: str) -> Path:
    """Write the results to `directory/<stamp>.json` and `latest.json`; the first path."""
    directory.mkdir(parents=True, exist_ok=True)
    data = asdict(results)
    for row in data["rows"]:
        for key in ("sequential", "concurrent"):
            if row[key] is not None:
                answered = row[key]["requests"] - row[key]["failed"]
                row[key]["per_second"] = answered / row[key]["seconds"]
    if results.engine is not None:
        data["engine"]["ratio"] = results.engine.ratio
    text = json.dumps(data, indent=2)
    path = directory / f"{stamp}.json"
    path.write_text(text)
    (directory / "latest.json").write_text(text)
    return path
