"""Embedded sandbox Trello: a local stand-in for the Trello REST API with seeded data.

Typical use in a test::

    async with SandboxServer(SandboxConfig(rate_limits=False)) as sandbox:
        board = sandbox.store.board_by_name("Product Launch")
        token = next(iter(SANDBOX_TOKENS))  # Ada Lovelace, the main demo member
        # GET f"{sandbox.base_url}/boards/{board['id']}?key={SANDBOX_API_KEY}&token={token}"
        assert sandbox.stats.count("/1/boards") == 1

Writes (POST, PUT, DELETE) take their parameters from the query string, a form body or a
JSON body, change the store for the life of the process (``store.reset()`` restores the
seed) and are listed by ``stats.writes()``; ``SandboxConfig(drop_write_responses=True)``
performs each write, then drops the connection without answering.
"""

from .app import create_sandbox_app
from .auth import SANDBOX_API_KEY, SANDBOX_TOKENS
from .config import SandboxConfig
from .server import SandboxServer, serve_forever
from .stats import RecordedRequest, Stats
from .store import Store

__all__ = [
    "SANDBOX_API_KEY",
    "SANDBOX_TOKENS",
    "RecordedRequest",
    "SandboxConfig",
    "SandboxServer",
    "Stats",
    "Store",
    "create_sandbox_app",
    "serve_forever",
]
