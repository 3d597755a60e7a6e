"""Run-time knobs of the sandbox Trello."""

from __future__ import annotations

from dataclasses import dataclass, field

from .faults import Faults


@dataclass
class SandboxConfig:
    """Behaviour switches; the server reads them on every request, so they may change live."""

    latency_ms: float = 0.0
    """Simulated latency: each HTTP request is answered this long after it arrived, the
    sandbox's own work included (a /batch call counts once)."""
    rate_limits: bool = True
    """Enforce Trello's per-token, per-key and member-route rate limits."""
    big_board_cards: int = 0
    """When > 0, seed an extra "Big Board" with this many cards over 10 lists."""
    extra_boards: int = 0
    """When > 0, seed this many small extra boards the main member belongs to."""
    faults: Faults = field(default_factory=Faults)
    """Injected failures (server errors, slow answers, drops, bad bodies); none by default."""
    drop_write_responses: bool = False
    """Perform every write (POST, PUT, DELETE), then close the connection without answering."""
