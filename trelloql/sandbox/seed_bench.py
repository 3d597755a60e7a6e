"""Optional benchmark boards: one "Big Board" and any number of small extra boards."""

from __future__ import annotations

from random import Random
from typing import TYPE_CHECKING

from .seed_data import BoardSpec

if TYPE_CHECKING:
    from .seed import Builder

BIG_BOARD_NAME = "Big Board"
_STAGES = (
    "Inbox", "Triage", "Ready", "In Progress", "Code Review", "QA", "Staging", "Released",
    "Monitoring", "Archive",
)  # fmt: skip
_VERBS = ("Refactor", "Migrate", "Document", "Benchmark", "Harden", "Review", "Split", "Retire")
_NOUNS = (
    "billing service", "audit log", "search index", "session store", "export job",
    "webhook relay", "rate limiter", "feature flags", "email templates", "image resizer",
)  # fmt: skip
_EXTRA_NAMES = (
    "Client Onboarding", "Hiring Pipeline", "Marketing Calendar", "Sprint Planning",
    "Customer Feedback", "Office Move", "Quarterly Goals", "Support Escalations",
)  # fmt: skip
_LABELS = (
    ("green", "Low"), ("yellow", "Medium"), ("orange", "High"), ("red", "Critical"),
    ("purple", ""), ("blue", "Ops"),
)  # fmt: skip


def add_big_board(builder: Builder, cards: int) -> None:
    """Add "Big Board" (main member admin) with ``cards`` cards spread over 10 lists."""
    per_list = [cards // len(_STAGES) + (1 if i < cards % len(_STAGES) else 0) for i in range(10)]
    counter = iter(range(1, cards + 1))
    lists = tuple(
        (stage, tuple(_task_name(next(counter)) for _ in range(count)))
        for stage, count in zip(_STAGES, per_list, strict=True)
    )
    spec = BoardSpec(
        name=BIG_BOARD_NAME,
        desc=f"Benchmark board with {cards} cards.",
        org=None,
        permission="private",
        background="grey",
        created="2024-07-01T09:00",
        members=(("ada", "admin"), ("alan", "normal")),
        labels=_LABELS,
        lists=lists,
        descriptions=("Generated for load tests.",),
        checklists=(("Definition of done", ("Tests", "Docs", "Deployed")),),
    )
    builder.add_board(spec, Random("big-board"), (20, 120))


def add_extra_boards(builder: Builder, count: int) -> None:
    """Add ``count`` small boards (3 lists of 4 cards) the main member administers."""
    rng = Random("extra-boards")
    for index in range(count):
        base = _EXTRA_NAMES[index % len(_EXTRA_NAMES)]
        name = f"{base} {index // len(_EXTRA_NAMES) + 1}"
        lists = tuple(
            (stage, tuple(f"{base}: {stage.lower()} item {n}" for n in range(1, 5)))
            for stage in ("To Do", "Doing", "Done")
        )
        spec = BoardSpec(
            name=name,
            desc="",
            org=None,
            permission="private",
            background="blue",
            created=f"2024-08-{1 + index % 28:02d}T{index // 28 % 24:02d}:00",
            members=(("ada", "admin"),),
            labels=_LABELS,
            lists=lists,
            descriptions=("Generated for load tests.",),
            checklists=(),
        )
        builder.add_board(spec, rng, (600, 3600))


def _task_name(number: int) -> str:
    verb = _VERBS[number % len(_VERBS)]
    noun = _NOUNS[number // len(_VERBS) % len(_NOUNS)]
    return f"{verb} {noun} #{number}"
