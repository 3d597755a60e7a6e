"""The boards of the seed, with their lists, card names, labels and checklist templates."""

from __future__ import annotations

from .seed_data import BoardSpec

PRODUCT_LAUNCH = BoardSpec(
    name="Product Launch",
    desc="Everything for the Engine 2.0 launch on 14 May: content, site, support and metrics.",
    org="analyticalengines",
    permission="org",
    background="blue",
    created="2024-01-08T09:00",
    members=(("ada", "admin"), ("alan", "normal"), ("katherine", "normal"), ("margaret", "normal")),
    labels=(
        ("green", "Marketing"), ("yellow", "Design"), ("orange", "Engineering"),
        ("red", "Blocker"), ("purple", ""), ("blue", "Docs"),
    ),
    lists=(
        ("~Ideas", (
            "Launch party at the office", "Referral programme", "Product Hunt launch",
            "Swag for beta testers",
        )),
        ("Backlog", (
            "Draft pricing page copy", "Record onboarding walkthrough video",
            "Localise launch email (FR, DE, JA)", "Set up status page for launch day",
            "Prepare press kit", "Confirm partner quotes for the blog post",
        )),
        ("In Progress", (
            "Finalise launch blog post", "Landing page hero illustration",
            "Analyse beta feedback survey", "Load-test signup flow at 10x traffic",
            "Write release notes for 2.0",
        )),
        ("Review", (
            "Legal review of updated terms of service", "Pricing FAQ",
            "App store screenshots", "Customer webinar slide deck",
        )),
        ("Launched", (
            "Waitlist email #1", "Teaser post on social", "Beta programme invites",
            "Launch KPI dashboards", "~Design system v2 tokens",
        )),
    ),
    descriptions=(
        "Owner: marketing. Needs a final read from product before it ships.",
        "Acceptance: reviewed by two people, links checked, tone matches the style guide.",
        "See the launch plan attachment for dates and the approval chain.",
        "Keep it short. The audience is existing customers upgrading from 1.x.",
    ),
    checklists=(
        ("Launch checklist", ("Copy approved", "Assets exported", "Links checked", "Scheduled")),
        ("Review", ("Product sign-off", "Legal sign-off", "Accessibility pass")),
    ),
    starred_by=("ada",),
)  # fmt: skip

BUG_TRIAGE = BoardSpec(
    name="Bug Triage",
    desc="Incoming reports for the compiler. Triage daily; confirmed bugs need a repro.",
    org="compilerguild",
    permission="org",
    background="red",
    created="2024-01-15T10:30",
    members=(("grace", "admin"), ("ada", "normal"), ("alan", "normal")),
    labels=(
        ("red", "crash"), ("orange", "regression"), ("yellow", "needs-repro"),
        ("green", "good first issue"), ("sky", "docs"), ("black", ""),
    ),
    lists=(
        ("Incoming", (
            "Segfault when parsing nested generics", "Error message points at the wrong column",
            "Build fails on ARM64 with LTO enabled", "Broken link in the install guide",
            "Windows paths with spaces are split", "Warning flood with -Wall on system headers",
        )),
        ("Confirmed", (
            "Infinite loop in the constant folder", "Wrong overflow check on u64 shift",
            "Debug info missing for inlined functions", "Incremental builds 15% slower",
        )),
        ("Fixing", (
            "Data race in parallel codegen", "Crash on empty match arm",
            "Unicode identifiers rejected in macros", "Linker picks the wrong libc on musl",
        )),
        ("Verified", (
            "Off-by-one in the line table", "Memory leak in the diagnostics buffer",
            "Typo in --help output", "Panic on unterminated string literal",
            "~Stale cache after toolchain upgrade",
        )),
    ),
    descriptions=(
        "Steps to reproduce are in the first comment. Seen on 0.14 and main.",
        "Reported by a downstream packager; affects release builds only.",
        "Minimal repro attached. Bisected to the inliner rewrite.",
        "Low risk fix, but needs a regression test before merging.",
    ),
    checklists=(
        ("Repro", ("Minimal test case", "Bisected", "Regression test added")),
        ("Release", ("Changelog entry", "Backport to 0.14")),
    ),
)  # fmt: skip

PERSONAL = BoardSpec(
    name="Personal",
    desc="",
    org=None,
    permission="private",
    background="green",
    created="2024-01-20T19:00",
    members=(("ada", "admin"),),
    labels=(
        ("green", "Home"), ("blue", "Health"), ("pink", "Fun"), ("lime", ""),
        ("purple", "Learning"), ("red", "Urgent"),
    ),
    lists=(
        ("To Do", (
            "Renew passport", "Book dentist appointment", "Read The Mythical Man-Month",
            "Plan weekend hike to Snowdon", "Back up the photo library", "Call the insurer",
        )),
        ("Doing", (
            "Learn Rust ownership rules", "Tidy home office cabling", "Write thank-you notes",
            "Train for the 10k run",
        )),
        ("Done", (
            "Fix bike brakes", "Pay council tax", "Birthday present for Byron",
            "~Cancel unused streaming subscription",
        )),
    ),
    descriptions=("Before the end of the month.", "Not urgent, but keeps slipping."),
    checklists=(("Steps", ("Find the form", "Gather documents", "Submit", "Follow up")),),
    starred_by=("ada",),
    personal=True,
)  # fmt: skip

CONFERENCE_TALK = BoardSpec(
    name="Conference Talk 2023",
    desc="Talk for EngineConf 2023: 'Notes on the Analytical Engine, revisited'.",
    org=None,
    permission="private",
    background="orange",
    created="2024-01-09T08:00",
    members=(("ada", "admin"), ("katherine", "normal")),
    labels=(
        ("yellow", "Content"), ("purple", "Slides"), ("green", "Logistics"),
        ("red", "Deadline"), ("blue", ""), ("sky", ""),
    ),
    lists=(
        ("Outline", (
            "Pick a title", "Write abstract for the CFP", "Three key takeaways",
            "Collect war stories",
        )),
        ("Slides", (
            "Opening slide with the Engine diagram", "Backup video of the live demo",
            "Benchmarks chart", "Q&A backup slides",
        )),
        ("Rehearsal", (
            "Dry run with the team", "Time the talk (target 25 min)",
            "Record a rehearsal for feedback", "Pack clicker and adapters",
        )),
    ),
    descriptions=("Slot: day 2, 11:00, main hall.", "Speaker notes live in the shared doc."),
    checklists=(("Prep", ("Draft", "Feedback", "Final")),),
    closed=True,
)  # fmt: skip

COMPILER_ROADMAP = BoardSpec(
    name="Compiler Roadmap 2025",
    desc="Grace's private planning board.",
    org=None,
    permission="private",
    background="purple",
    created="2024-02-01T12:00",
    members=(("grace", "admin"),),
    labels=(
        ("green", "Performance"), ("yellow", "Tooling"), ("orange", "Language"),
        ("red", "Breaking"), ("purple", ""), ("blue", "Research"),
    ),
    lists=(
        ("Now", ("Incremental type checker", "New register allocator", "LSP server rewrite")),
        ("Next", ("Deprecate the legacy IR", "Package registry mirror", "Profile-guided builds")),
        ("Later", ("Self-hosting milestone", "WebAssembly backend", "Formal spec draft")),
    ),
    descriptions=("Needs an RFC first.", "Depends on the IR cleanup."),
    checklists=(("RFC", ("Draft", "Community review", "Accepted")),),
    starred_by=("grace",),
)  # fmt: skip

COMMUNITY_WIKI = BoardSpec(
    name="Community Wiki",
    desc="Public plan for the contributor documentation.",
    org=None,
    permission="public",
    background="sky",
    created="2024-02-10T15:00",
    members=(("alan", "admin"),),
    labels=(
        ("green", "Guide"), ("blue", "Reference"), ("yellow", "Needs review"),
        ("red", "Outdated"), ("sky", ""), ("pink", ""),
    ),
    lists=(
        ("Pages to write", ("Getting started guide", "Contributor style guide", "Licensing FAQ")),
        ("Drafts", ("Release process", "Code of conduct translation")),
        ("Published", ("Building from source", "Reporting a security issue", "Glossary")),
    ),
    descriptions=("Target: newcomers with no compiler background.",),
    checklists=(("Review", ("Tech review", "Copy edit")),),
)  # fmt: skip

HIRING_PLAN = BoardSpec(
    name="Engine Hiring Plan",
    desc="Open roles for the Engine team this half.",
    org="analyticalengines",
    permission="org",
    background="lime",
    created="2024-02-20T09:30",
    members=(("katherine", "admin"), ("margaret", "normal")),
    labels=(
        ("green", "Engineering"), ("yellow", "Design"), ("orange", "Urgent"),
        ("red", "Blocked"), ("purple", "Contract"), ("blue", ""),
    ),
    lists=(
        ("Open roles", ("Senior backend engineer", "Product designer", "Technical writer")),
        ("Interviewing", ("Site reliability engineer", "Data analyst")),
        ("Offers", ("Frontend engineer",)),
    ),
    descriptions=("Hiring manager owns the scorecard.",),
    checklists=(("Loop", ("Screen", "Technical", "Team fit", "References")),),
)  # fmt: skip

BOARDS = (
    PRODUCT_LAUNCH, CONFERENCE_TALK, BUG_TRIAGE, PERSONAL, COMPILER_ROADMAP, COMMUNITY_WIKI,
    HIRING_PLAN,
)  # fmt: skip
