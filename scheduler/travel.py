"""Moving time forward without waiting for it: the sandbox's /wait and the tests' clock
travel. APScheduler keeps real time, so the injected clock and the scheduler's timers
move together: a job due `delta` from now becomes due now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

from apscheduler.schedulers.base import BaseScheduler


class Travelling(Protocol):
    """A clock that can be moved forward (loopback.TravelClock)."""

    def travel(self, delta: timedelta) -> None: ...


def travel(clock: Travelling, scheduler: BaseScheduler, delta: timedelta) -> None:
    clock.travel(delta)
    now = datetime.now(UTC)
    for job in scheduler.get_jobs():
        if job.next_run_time is not None:
            job.modify(next_run_time=max(job.next_run_time - delta, now))
