"""Typed keys of the aiohttp application state."""

from __future__ import annotations

from dataclasses import dataclass

import aiohttp
from aiohttp import web

from trelloql.planner import Planner
from trelloql.settings import Settings
from trelloql.trello.client import Credentials


@dataclass(frozen=True)
class Upstream:
    """Where upstream calls go and with which default credentials."""

    base_url: str
    credentials: Credentials
    timeout: aiohttp.ClientTimeout
    sandbox: bool


@dataclass
class Lifecycle:
    """Readiness state: set when serving, cleared when draining."""

    serving: bool = False
    draining: bool = False


SETTINGS = web.AppKey("settings", Settings)
SESSION = web.AppKey("session", aiohttp.ClientSession)
UPSTREAM = web.AppKey("upstream", Upstream)
LIFECYCLE = web.AppKey("lifecycle", Lifecycle)
PLANNER = web.AppKey("planner", Planner)
