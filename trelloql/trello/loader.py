"""Per-request de-duplication of Trello GETs, coalesced into `/batch` calls."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from trelloql.trello.client import MAX_BATCH_URLS, Params, TrelloClient, encode_url
from trelloql.trello.params import NESTED_PARAMS, split_params

# A round goes out once this many event-loop turns in a row added no read (sibling
# resolvers reach the loader a few turns apart), or after MAX_TURNS turns at the latest.
IDLE_TURNS = 3
MAX_TURNS = 50
Prime = Callable[[str, Params | None, Any], None]
"""`TrelloLoader.prime`: record the answer of GET path?params."""
Served = dict[int, tuple[object, Any]]
"""The answers of a child field found in planned answers: by the id of each parent object,
that object and its answer (`TrelloLoader.served_under`)."""


@dataclass
class _Read:
    """One GET of a path: its plain params, its field-set params, its answer."""

    path: str
    plain: dict[str, str]
    sets: dict[str, set[str]]
    future: asyncio.Future[Any]
    sent: bool = False

    def covers(self, plain: dict[str, str], sets: dict[str, frozenset[str]]) -> bool:
        """Whether this read's answer holds everything a read with these params needs."""
        if any(self.plain.get(name) != value for name, value in plain.items()):
            return False
        if any(name not in plain and name not in NESTED_PARAMS for name in self.plain):
            return False
        if ("fields" in sets) != ("fields" in self.sets):
            return False  # no `fields` means Trello's default set, not "any"
        return all(name in self.sets and value <= self.sets[name] for name, value in sets.items())

    def absorb(self, plain: dict[str, str], sets: dict[str, frozenset[str]]) -> bool:
        """Widen this unsent read to also answer another; False when they conflict."""
        if self.sent or ("fields" in sets) != ("fields" in self.sets):
            return False
        for name in plain.keys() ^ self.plain.keys():
            if name not in NESTED_PARAMS:
                return False
        if any(self.plain.get(name, value) != value for name, value in plain.items()):
            return False
        self.plain.update(plain)
        for name, value in sets.items():
            self.sets.setdefault(name, set()).update(value)
        return True

    def params(self) -> dict[str, str]:
        """The params to send."""
        joined = {name: ",".join(sorted(value)) for name, value in self.sets.items()}
        return {**self.plain, **joined}


@dataclass
class TrelloLoader:
    """Fetches each Trello object at most once per GraphQL request.

    Reads of one path asked for in the same moment are merged when they can be (field
    lists united, nested-resource params added); distinct reads of one moment go out
    together, alone as a plain GET, otherwise in `/batch` calls of up to ten URLs.
    Later reads reuse any earlier answer that holds what they need.

    Priming many answers at once (every object a large answer embeds) can be deferred: the
    deferred primes run at the first read that no earlier answer covers, so each read sees
    what it would have seen had they run at once. Child answers embedded in a planned answer
    are also kept by parent object (`served_under`), for their resolvers to take without a read.
    """

    client: TrelloClient
    rounds: int = 0
    _reads: dict[str, list[_Read]] = field(default_factory=dict)
    _pending: list[_Read] = field(default_factory=list)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _deferred: list[Callable[[Prime], None]] = field(default_factory=list)
    _served: dict[Hashable, Served] = field(default_factory=dict)

    def get(self, path: str, params: Params | None = None) -> asyncio.Future[Any]:
        """A future for the decoded body of GET `path?params`, shared with reads it covers."""
        plain, sets = split_params(dict(params or {}))
        covering = self._covering(path, plain, sets, sent_only=False)
        if covering is not None:
            return covering.future
        reads = self._reads.setdefault(path, [])
        for read in reads:
            if read.absorb(plain, sets):
                return read.future
        future = asyncio.get_running_loop().create_future()
        read = _Read(path, plain, {name: set(value) for name, value in sets.items()}, future)
        reads.append(read)
        self._pending.append(read)
        if len(self._pending) == 1:
            asyncio.get_running_loop().call_soon(self._settle, 1, 0, 0)
        return future

    def answered(self, path: str, params: Params | None = None) -> asyncio.Future[Any] | None:
        """The future of a read already sent or primed that covers this one, if any."""
        plain, sets = split_params(dict(params or {}))
        covering = self._covering(path, plain, sets, sent_only=True)
        return None if covering is None else covering.future

    def defer(self, priming: Callable[[Prime], None]) -> None:
        """Call `priming(self.prime)` before the next read that no answer so far covers.

        (Handed `prime` rather than closing over the loader, `priming` keeps the loader
        out of a reference cycle, so its answers are freed as soon as the request ends.)
        """
        self._deferred.append(priming)

    def served_under(self, key: Hashable) -> Served:
        """The answers of a child field (`key`) found in planned answers: by the id of each
        parent object, that object (an entry is its answer only if it is the same one) and
        its answer. The same dict for the loader's life (`forget` empties it), for the
        planner to fill and a reader to hold on to."""
        answers = self._served.get(key)
        if answers is None:
            answers = self._served[key] = {}
        return answers

    def _covering(
        self, path: str, plain: dict[str, str], sets: dict[str, frozenset[str]], sent_only: bool
    ) -> _Read | None:
        """A read covering this one, after running the deferred primes if none did."""
        for attempt in range(2):
            for read in self._reads.get(path, ()):
                if (read.sent or not sent_only) and read.covers(plain, sets):
                    return read
            if attempt or not self._deferred:
                break
            deferred, self._deferred = self._deferred, []
            for priming in deferred:
                priming(self.prime)
        return None

    def prime(self, path: str, params: Params | None, value: Any) -> None:
        """Record an answer fetched another way, so that later reads reuse it."""
        plain, sets = split_params(dict(params or {}))
        reads = self._reads.setdefault(path, [])
        if any(read.sent and read.covers(plain, sets) for read in reads):
            return
        future = asyncio.get_running_loop().create_future()
        future.set_result(value)
        mutable_sets = {name: set(v) for name, v in sets.items()}
        reads.append(_Read(path, plain, mutable_sets, future, sent=True))

    def forget(self) -> None:
        """Drop every answer read so far (after a write changed Trello's state)."""
        self._deferred.clear()
        for answers in self._served.values():
            answers.clear()
        self._reads = {
            path: [read for read in reads if not read.future.done()]
            for path, reads in self._reads.items()
        }

    def _settle(self, seen: int, idle: int, turns: int) -> None:
        """Wait until reads stop arriving for a few loop turns (bounded), then send the round."""
        idle = idle + 1 if len(self._pending) == seen else 0
        if idle < IDLE_TURNS and turns < MAX_TURNS:
            loop = asyncio.get_running_loop()
            loop.call_soon(self._settle, len(self._pending), idle, turns + 1)
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
                results = [await self.client.get(reads[0].path, reads[0].params())]
            else:
                urls = [encode_url(read.path, read.params()) for read in reads]
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
