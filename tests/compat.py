"""Test-only shim: aioresponses 0.7.9 predates aiohttp 3.14's `stream_writer` argument.

aiohttp 3.14 is a security release, so the service runs on it; aioresponses builds its
fake responses without the new argument (pnuckowski/aioresponses#289, fix pending in
#288). Until a release carries the fix, `mocked_trello()` gives aioresponses a response
class that supplies an idle writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

from aiohttp import ClientResponse
from aioresponses import aioresponses
from aioresponses import core as aioresponses_core


@dataclass
class _IdleWriter:
    """What ClientResponse reads from a request writer that already finished."""

    output_size: int = 0


class _ResponseWithWriter(ClientResponse):
    def __init__(self, *args: Any, stream_writer: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, stream_writer=stream_writer or _IdleWriter(), **kwargs)


@contextmanager
def mocked_trello(passthrough: list[str] | None = None) -> Iterator[aioresponses]:
    """aioresponses, working on the aiohttp the project runs on.

    URLs starting with a `passthrough` prefix (e.g. the app under test) reach the network.
    """
    with (
        mock.patch.object(aioresponses_core, "ClientResponse", _ResponseWithWriter),
        aioresponses(passthrough=passthrough or []) as mocked,
    ):
        yield mocked
