"""A per-person limit: one account sending faster than the bot can answer it (a script,
a stuck key) must not slow down everyone else.

A burst is more than `burst` of one person's updates waiting for an answer at once
(sent without waiting for the replies: someone answering question by question never has
more than one or two). The update that goes over gets one "slow down" reply; that one and
every later update of the person are dropped, until they pause for `pause` seconds. Only
the person's own updates wait on each other (the dispatcher serialises them), so dropping
the excess keeps a flood from holding the database and the sender for minutes."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field

BURST, PAUSE_S = 5, 2.0
SWEEP_AT = 10_000  # people remembered before those long quiet are forgotten


class Verdict(enum.Enum):
    HANDLE = "handle"
    WARN = "warn"  # the first update over the limit: reply "slow down", drop it
    DROP = "drop"


@dataclass
class _Person:
    waiting: int = 0  # updates taken and not finished
    muted: bool = False
    last: float = 0.0  # when the latest update arrived


@dataclass
class PersonLimit:
    burst: int = BURST
    pause: float = PAUSE_S
    clock: Callable[[], float] = time.monotonic
    dropped: int = 0  # for the log and the benchmark
    _people: dict[int, _Person] = field(default_factory=dict)

    def arrive(self, user_id: int) -> Verdict:
        """An update of this person arrives; HANDLE means call `done` when finished."""
        now = self.clock()
        if len(self._people) > SWEEP_AT:
            self._sweep(now)
        person = self._people.setdefault(user_id, _Person())
        paused = now - person.last >= self.pause
        person.last = now
        if person.muted and paused:
            person.muted = False
        if person.muted:
            self.dropped += 1
            return Verdict.DROP
        if person.waiting >= self.burst:
            person.muted = True
            self.dropped += 1
            return Verdict.WARN
        person.waiting += 1
        return Verdict.HANDLE

    def done(self, user_id: int) -> None:
        person = self._people.get(user_id)
        if person is None:
            return
        person.waiting -= 1
        if person.waiting <= 0 and not person.muted:
            del self._people[user_id]  # nothing to remember about someone answered

    def _sweep(self, now: float) -> None:
        for user_id in [u for u, p in self._people.items()
                        if p.waiting <= 0 and now - p.last >= self.pause]:
            del self._people[user_id]
