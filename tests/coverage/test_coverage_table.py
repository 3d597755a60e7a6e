"""docs/coverage.md is what scripts/coverage renders from the committed operation list and the
live resolver mappings; every operation is reached or explained; the matcher's rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from trelloql.coverage import (
    Row,
    extract,
    load_operations,
    mapped_calls,
    match,
    reached,
    render,
)
from trelloql.resolvers import GRAPH
from trelloql.resolvers.base import Fetch, Write
from trelloql.resolvers.write_rules import OneOf

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = ROOT / "docs" / "trello-operations.json"
TABLE = ROOT / "docs" / "coverage.md"


def _rows() -> tuple[list[Row], list[str]]:
    return reached(load_operations(OPERATIONS.read_text("utf-8")), GRAPH.by_field)


def test_the_committed_table_matches_the_mappings() -> None:
    rows, _ = _rows()
    assert TABLE.read_text("utf-8") == render(rows), "run scripts/coverage and commit the table"


def test_every_operation_is_reached_or_explained() -> None:
    rows, problems = _rows()
    assert problems == []
    assert len(rows) == 220
    reachable = sum(row.status in ("reached", "equivalent") for row in rows)
    assert reachable / len(rows) >= 0.9


def test_the_script_checks_the_table() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "coverage"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_extract_keeps_the_covered_resources_in_order() -> None:
    document = {
        "paths": {
            "/boards/{id}": {"get": {}, "put": {}, "parameters": []},
            "/emoji": {"get": {}},
            "/search/members/": {"get": {}},
        }
    }
    assert extract(document) == [
        {"method": "GET", "path": "/boards/{id}"},
        {"method": "PUT", "path": "/boards/{id}"},
        {"method": "GET", "path": "/search/members/"},
    ]


def test_matching_prefers_literal_segments() -> None:
    documented = [
        ("PUT", "/lists/{id}/{field}"),
        ("PUT", "/lists/{id}/closed"),
        ("POST", "/members/{id}/boardStars"),
        ("GET", "/search/members/"),
    ]
    assert match(("PUT", "/lists/{id}/closed"), documented) == ("PUT", "/lists/{id}/closed")
    assert match(("PUT", "/lists/{id}/name"), documented) == ("PUT", "/lists/{id}/{field}")
    assert match(("POST", "/members/me/boardStars"), documented) == documented[2]
    assert match(("GET", "/search/members"), documented) == documented[3]
    assert match(("GET", "/lists/{id}/closed"), documented) is None
    assert match(("PUT", "/lists/{a}/{b}/{c}"), documented) is None


def test_mapped_calls_include_read_backs_and_every_route_of_a_one_of() -> None:
    read_back = Fetch("Mutation.x", "/boards/{id}", "Board")
    nothing = lambda _args: ({}, {})  # noqa: E731
    prefs = {"pref": ("showSidebar", "emailPosition")}
    mappings = {
        "Mutation.a": Write("Mutation.a", "POST", "/boards/{id}/x", nothing, then=read_back),
        "Mutation.b": OneOf(
            "Mutation.b", "PUT", "/boards/{id}/myPrefs/{pref}", nothing, choices=prefs
        ),
    }
    assert mapped_calls(mappings) == [
        (("POST", "/boards/{id}/x"), "Mutation.a"),
        (("GET", "/boards/{id}"), "Mutation.a"),
        (("PUT", "/boards/{id}/myPrefs/showSidebar"), "Mutation.b"),
        (("PUT", "/boards/{id}/myPrefs/emailPosition"), "Mutation.b"),
    ]
