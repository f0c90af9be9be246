"""Sending one campaign to its recipients: resumable, paced, each result recorded at once.

A delivery row stays 'pending' until its send returns, so after a crash the next run
repeats at most the messages that were in flight: `concurrency` of them."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from aiogram.types import InlineKeyboardMarkup, Message

from core.sender import Result, Sender
from core.timeutil import Clock
from storage.deliveries import Deliveries, Delivery, Report
from storage.models import Registration

log = logging.getLogger(__name__)

Content = tuple[str, InlineKeyboardMarkup | None]
# Returns None when this person should not get the message after all (e.g. cancelled).
# Awaited by the Sender once the send slot is granted (see core/sender.py).
Render = Callable[[Registration], Awaitable[Content | None]]
# How a campaign's message leaves when not as a text (a poll), under the sender's rules.
Via = Callable[[Registration, Content], Awaitable[Message]]
_RESULT = {Result.SENT: Delivery.SENT, Result.UNREACHABLE: Delivery.UNREACHABLE,
           Result.FAILED: Delivery.FAILED}


@dataclass
class Progress:
    total: int
    done: int = 0
    started: float = 0.0
    last_log: float = 0.0


class FanOut:
    def __init__(self, deliveries: Deliveries, sender: Sender, clock: Clock,
                 concurrency: int | None = None) -> None:
        self.deliveries = deliveries
        self.sender = sender
        self.clock = clock
        # Enough parallel requests to keep the pace despite round-trip time, no more:
        # this is also the bound on repeats after a crash.
        self.concurrency = concurrency or max(2, min(32, int(sender.rate // 4) or 1))
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Graceful stop: sends in flight finish and are recorded, no new ones start; the
        rest stays pending for the next start, so nothing is repeated."""
        self._stopping.set()

    async def run(self, key: str, render: Render, via: Via | None = None) -> Report | None:
        """Send what is pending; the final report, or None if stopped before the end."""
        queue = await self.deliveries.pending(key)
        progress = Progress(total=len(queue), started=time.monotonic())
        jobs: asyncio.Queue[tuple[int, Registration]] = asyncio.Queue()
        for item in queue:
            jobs.put_nowait(item)
        workers = [asyncio.create_task(self._work(key, jobs, render, via, progress))
                   for _ in range(min(self.concurrency, len(queue)))]
        try:
            await asyncio.gather(*workers)
        finally:
            for worker in workers:
                worker.cancel()
        if self._stopping.is_set():
            log.info("%s interrupted by a stop: %d/%d done", key, progress.done, progress.total)
            return None
        await self.deliveries.finish(key, self.clock())
        report = await self.deliveries.report(key)
        log.info("%s finished: %s", key, report)
        return report

    async def _work(self, key: str, jobs: asyncio.Queue[tuple[int, Registration]],
                    render: Render, via: Via | None, progress: Progress) -> None:
        while not jobs.empty() and not self._stopping.is_set():
            delivery_id, reg = jobs.get_nowait()
            # Rendered once the send slot is granted, from the registration as it is then:
            # a reminder waits in the pace behind replies, and whoever cancelled or left
            # the seat meanwhile must not get the entry code (skipped: the slot is spent).
            sent = await self.sender.send_decided(reg.chat_id, partial(render, reg),
                                                  partial(via, reg) if via else None)
            if sent is None:
                await self.deliveries.record(delivery_id, Delivery.SKIPPED, self.clock())
            else:
                await self.deliveries.record(delivery_id, _RESULT[sent.result], self.clock(),
                                             sent.attempts, sent.message_id, sent.error)
            progress.done += 1
            _log_progress(key, progress)


async def drain(tasks: set[asyncio.Task[Report | None]], grace: float) -> None:
    """After stop(): let fan-outs finish their sends in flight, then cancel what lingers.
    Whatever is still pending resumes at the next start."""
    if tasks:
        await asyncio.wait(set(tasks), timeout=grace)
    for task in list(tasks):
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _log_progress(key: str, p: Progress) -> None:
    now = time.monotonic()
    if now - p.last_log < 5 and p.done != p.total:
        return
    p.last_log = now
    rate = p.done / max(now - p.started, 1e-6)
    eta = (p.total - p.done) / rate if rate else 0.0
    log.info("%s: %d/%d sent, %.1f msg/s, ETA %.0f s", key, p.done, p.total, rate, eta)
