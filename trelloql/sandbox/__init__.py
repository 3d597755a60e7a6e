"""Embedded sandbox Trello: a local stand-in for the Trello REST API with seeded data."""

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
