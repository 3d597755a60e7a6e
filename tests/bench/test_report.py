"""The benchmark's round counting and its table, without running anything."""

from __future__ import annotations

import json
from pathlib import Path

from bench.engine_cpu import EngineTimes
from bench.load import Latencies
from bench.report import Counts, Results, Row, table, write_json
from bench.upstream import rounds_of


def test_rounds_are_waves_of_calls_half_a_latency_apart() -> None:
    assert rounds_of([], 0.03) == 0
    assert rounds_of([1.000, 1.002, 1.001], 0.03) == 1
    assert rounds_of([1.000, 1.031, 1.032, 1.070], 0.03) == 3


def results() -> Results:
    latencies = Latencies(requests=20, failed=0, concurrency=1, seconds=2.0, p50_ms=95, p95_ms=99)
    return Results(
        environment={"python": "3.11"},
        latency_ms=30,
        rows=[
            Row(
                "kanban_board",
                planned=Counts(5, 27, 4),
                minimum=Counts(1, 1, 1),
                naive=Counts(5, 27, 4),
                cold_ms=140.0,
                sequential=latencies,
                concurrent=latencies,
                server_cpu_ms=10.5,
            ),
            Row("search", skipped="Query.search is not in the schema yet"),
        ],
        naive_is_planned=True,
        idle_rss_bytes=60 * 1024 * 1024,
        loaded_rss_bytes=90 * 1024 * 1024,
        engine=EngineTimes(5.5, 51.6, 255.3, 96.3, 3.4, 0.2),
        large_board="large_board",
    )


def test_table_has_one_aligned_line_per_query_and_the_engine_ratio() -> None:
    text = table(results())
    lines = text.splitlines()
    assert lines[2].split() == [
        "kanban_board", "5", "1", "5*", "27", "1", "27*", "4", "1", "140", "1.17",
        "95", "99", "95", "99", "10", "0", "10.5",
    ]  # fmt: skip
    assert lines[3].split(None, 1) == ["search", "skipped: Query.search is not in the schema yet"]
    assert len({len(line) for line in lines[:3]}) == 1
    assert "0.11 x graphql-core" in text
    assert "60.0 MiB idle, 90.0 MiB after the load" in text


def test_results_are_written_as_json(tmp_path: Path) -> None:
    path = write_json(results(), tmp_path, "run")
    data = json.loads(path.read_text())
    assert data["rows"][0]["planned"] == {"calls": 5, "units": 27, "rounds": 4}
    assert data["rows"][0]["sequential"]["per_second"] == 10
    assert data["engine"]["ratio"] == 5.5 / 51.6
    assert (tmp_path / "latest.json").read_text() == path.read_text()
