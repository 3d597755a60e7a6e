"""The schema contract: the committed snapshot and the breaking-change report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts" / name), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_snapshot_is_the_live_schema() -> None:
    result = _script("schema-snapshot", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_released_snapshot_exists_and_parses() -> None:
    result = _script("schema-diff")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Changes from released.graphql to schema.graphql:")


def test_schema_diff_reports_breaking_and_dangerous_changes(tmp_path: Path) -> None:
    old = tmp_path / "old.graphql"
    new = tmp_path / "new.graphql"
    old.write_text("enum Color { RED }\ntype Query { a: Int\n b: String\n c: Color }\n")
    new.write_text("enum Color { RED BLUE }\ntype Query { a: String\n c: Color }\n")
    args = ("--old", str(old), "--new", str(new))
    report = _script("schema-diff", *args)
    assert report.returncode == 0, report.stderr
    assert "BREAKING FIELD_REMOVED: Field Query.b was removed." in report.stdout
    assert (
        "BREAKING FIELD_CHANGED_KIND: Field Query.a changed type from Int to String."
        in report.stdout
    )
    assert "DANGEROUS VALUE_ADDED_TO_ENUM" in report.stdout
    assert _script("schema-diff", *args, "--strict").returncode == 1
