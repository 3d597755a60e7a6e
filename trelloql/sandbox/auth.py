"""Sandbox credentials and Trello-style key/token authentication."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import TrelloError
from .seed import member_id
from .seed_data import MEMBERS

SANDBOX_API_KEY: str = hashlib.md5(b"trelloql-sandbox-api-key").hexdigest()
"""The one API key (32 hex) the sandbox accepts."""

SANDBOX_TOKENS: dict[str, str] = {
    hashlib.sha256(f"trelloql-sandbox-token:{spec.username}".encode()).hexdigest(): member_id(i)
    for i, spec in enumerate(MEMBERS)
}
"""64-hex token -> member id, one per seeded member; the first is the main demo member."""

_OAUTH_PARAM = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class Identity:
    """Authenticated caller: the key and token used and the token's member."""

    key: str
    token: str
    member_id: str


def credentials(query: Mapping[str, str], headers: Mapping[str, str]) -> tuple[str, str]:
    """Key and token from the query string, else from an ``Authorization: OAuth ...`` header."""
    oauth: dict[str, str] = {}
    header = headers.get("Authorization", "")
    if header[:6].lower() == "oauth ":
        oauth = dict(_OAUTH_PARAM.findall(header))
    key = query.get("key") or oauth.get("oauth_consumer_key", "")
    token = query.get("token") or oauth.get("oauth_token", "")
    return key, token


def authenticate(query: Mapping[str, str], headers: Mapping[str, str]) -> Identity:
    """Check the credentials: 401 ``invalid key`` or ``invalid token`` when they are wrong."""
    key, token = credentials(query, headers)
    if key != SANDBOX_API_KEY:
        raise TrelloError(401, "invalid key")
    member = SANDBOX_TOKENS.get(token)
    if member is None:
        raise TrelloError(401, "invalid token")
    return Identity(key, token, member)
