"""Static tables behind the seed: people, workspaces, boards, lists and card names.

A list name or card name starting with ``~`` is seeded closed (the ``~`` is dropped).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MemberSpec:
    username: str
    full_name: str
    bio: str
    created: str


@dataclass(frozen=True)
class OrgSpec:
    name: str
    display_name: str
    desc: str
    website: str
    permission: str
    members: tuple[tuple[str, str], ...]
    created: str


@dataclass(frozen=True)
class BoardSpec:
    name: str
    desc: str
    org: str | None
    permission: str
    background: str
    created: str
    members: tuple[tuple[str, str], ...]
    labels: tuple[tuple[str, str], ...]
    lists: tuple[tuple[str, tuple[str, ...]], ...]
    descriptions: tuple[str, ...]
    checklists: tuple[tuple[str, tuple[str, ...]], ...]
    closed: bool = False
    starred_by: tuple[str, ...] = ()
    personal: bool = False


MEMBERS = (
    MemberSpec("ada", "Ada Lovelace", "Writes the notes nobody else reads.", "2023-03-01T10:00"),
    MemberSpec(
        "grace", "Grace Hopper", "Compilers, nanoseconds, the odd moth.", "2023-03-02T11:30"
    ),
    MemberSpec("alan", "Alan Turing", "Machines, morphogenesis, long runs.", "2023-03-05T08:15"),
    MemberSpec(
        "katherine", "Katherine Johnson", "Checks trajectories by hand.", "2023-03-09T14:40"
    ),
    MemberSpec("margaret", "Margaret Hamilton", "Software engineering, early.", "2023-04-11T09:05"),
)

ORGS = (
    OrgSpec(
        "analyticalengines", "Analytical Engines", "Product team for the Engine platform.",
        "https://analytical-engines.example.com", "private",
        (("ada", "admin"), ("alan", "normal"), ("katherine", "normal"), ("margaret", "normal")),
        "2023-05-02T09:00",
    ),
    OrgSpec(
        "compilerguild", "Compiler Guild", "Maintainers of an open-source compiler toolchain.",
        "https://compiler-guild.example.org", "public",
        (("grace", "admin"), ("ada", "normal"), ("alan", "normal")),
        "2023-05-20T16:00",
    ),
)  # fmt: skip

WORK_COMMENTS = (
    "Picked this up, first pass should be ready by Thursday.",
    "Blocked on sign-off from legal, pinged them again this morning.",
    "Looks good to me. Merging once CI is green.",
    "Can we split this in two? The second half depends on the API change.",
    "Added screenshots from staging.",
    "Pushed a fix to the branch, needs another review.",
    "A customer reported this again today, bumping the priority.",
    "Done. Left notes in the description for next time.",
    "This overlaps with the onboarding work, let's sync tomorrow.",
    "Numbers updated with last week's data.",
    "Reproduced on the release candidate, log attached.",
    "Moving this out of the sprint, we ran out of time.",
)
PERSONAL_COMMENTS = (
    "Reminder: the form needs a new photo.",
    "Booked for next Tuesday at 10:30.",
    "Halfway through, chapter 7 is the good one.",
    "Forecast says Saturday stays dry.",
    "Ordered the missing parts.",
)

ATTACHMENTS = (
    ("launch-plan.pdf", "application/pdf", 482133, ""),
    ("mockup-v3.png", "image/png", 1284551, ""),
    ("crash-log.txt", "text/plain", 18233, ""),
    ("Design spec", "", None, "https://docs.example.com/engine/design-spec"),
    ("Upstream issue", "", None, "https://git.example.org/compiler/issues/1423"),
    ("screenshot-2024-03-12.png", "image/png", 342211, ""),
    ("budget.xlsx", "application/vnd.ms-excel", 55231, ""),
)

STICKERS = ("thumbsup", "check", "star", "heart", "clock", "warning")
