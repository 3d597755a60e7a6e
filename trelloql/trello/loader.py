"""Per-request de-duplication of Trello GETs, coalesced into `/batch` calls."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from trelloql.trello.client import MAX_BATCH_URLS, Params, TrelloClient, encode_url

# How many event-loop turns to keep waiting while sibling resolvers still add reads.
SETTLE_TURNS = 3


@dataclass
class _Read:
    """One GET to send (or sent): its path, its params but `fields`, and the merged fields."""

    path: str
    params: dict[str, str]
    fields: set[str] | None
    future: asyncio.Future[Any]
    sent: bool = False

    def covers(self, fields: set[str] | None) -> bool:
        """Whether this read's answer holds every field asked for."""
        if self.fields is None or fields is None:
            return self.fields is None and fields is None
        return self.sent is False or fields <= self.fields

    def final_params(self) -> dict[str, str]:
        """The params to send, `fields` included."""
        if self.fields is None:
            return self.params
        return {**self.params, "fields": ",".join(sorted(self.fields))}


@dataclass
class TrelloLoader:
    """Fetches each Trello object at most once per GraphQL request.

    Reads of the same path asked for in the same moment are merged (their `fields`
    united); distinct reads of one moment go out together, alone as a plain GET,
    otherwise in `/batch` calls of up to ten URLs. Later reads reuse any earlier
    answer that holds the fields they need.
    """

    client: TrelloClient
    rounds: int = 0
    _reads: dict[str, list[_Read]] = field(default_factory=dict)
    _pending: list[_Read] = field(default_factory=list)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def get(self, path: str, params: Params | None = None) -> asyncio.Future[Any]:
        """A future for the decoded body of GET `path?params`, shared with equal reads."""
        rest = dict(params or {})
        fields = set(rest.pop("fields").split(",")) if "fields" in rest else None
        key = encode_url(path, rest)
        reads = self._reads.setdefault(key, [])
        for read in reads:
            if read.covers(fields):
                if not read.sent and fields is not None and read.fields is not None:
                    read.fields |= fields
                return read.future
        read = _Read(path, rest, fields, asyncio.get_running_loop().create_future())
        reads.append(read)
        self._pending.append(read)
        if len(self._pending) == 1:
            asyncio.get_running_loop().call_soon(self._settle, 1, SETTLE_TURNS)
        return read.future

    def prime(self, path: str, params: Params | None, value: Any) -> None:
        """Record an answer fetched another way, so that later reads reuse it."""
        rest = dict(params or {})
        fields = set(rest.pop("fields").split(",")) if "fields" in rest else None
        future = asyncio.get_running_loop().create_future()
        future.set_result(value)
        read = _Read(path, rest, fields, future, sent=True)
        self._reads.setdefault(encode_url(path, rest), []).append(read)

    def _settle(self, seen: int, turns: int) -> None:
        """Wait until a loop turn adds no read (bounded), then send the round."""
        if len(self._pending) != seen and turns > 0:
            asyncio.get_running_loop().call_soon(self._settle, len(self._pending), turns - 1)
            return
        pending, self._pending = self._pending, []
        self.rounds += 1
        for read in pending:
            read.sent = True
        for start in range(0, len(pending), MAX_BATCH_URLS):
            task = asyncio.ensure_future(self._send(pending[start : start + MAX_BATCH_URLS]))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _send(self, reads: list[_Read]) -> None:
        results: list[Any]
        try:
            if len(reads) == 1:
                results = [await self.client.get(reads[0].path, reads[0].final_params())]
            else:
                urls = [encode_url(read.path, read.final_params()) for read in reads]
                results = await self.client.batch(urls)
        except Exception as exc:  # every asker gets the failure; none waits forever
            results = [exc] * len(reads)
        for read, result in zip(reads, results, strict=True):
            if read.future.done():
                continue
            if isinstance(result, BaseException):
                read.future.set_exception(result)
            else:
                read.future.set_result(result)
