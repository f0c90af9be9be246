"""Sending one campaign to its recipients: resumable, paced, each result recorded at once.

A delivery row stays 'pending' until its send returns, so after a crash the next run
repeats at most the messages that were in flight: `concurrency` of them."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup

from core.sender import Result, Sender, Sent
from core.timeutil import Clock
from storage.deliveries import Deliveries, Delivery, Report
from storage.models import Registration

log = logging.getLogger(__name__)

Content = tuple[str, InlineKeyboardMarkup | None]
# Returns None when this person should not get the message after all (e.g. cancelled).
Render = Callable[[Registration], Awaitable[Content | None]]
# How a campaign's message leaves, when not as a text (e.g. a poll); the sender's retries.
Send = Callable[[Registration, Content], Awaitable[Sent]]
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

    async def run(self, key: str, render: Render, send: Send | None = None) -> Report | None:
        """Send what is pending; the final report, or None if stopped before the end."""
        queue = await self.deliveries.pending(key)
        progress = Progress(total=len(queue), started=time.monotonic())
        jobs: asyncio.Queue[tuple[int, Registration]] = asyncio.Queue()
        for item in queue:
            jobs.put_nowait(item)
        send = send or self._text
        workers = [asyncio.create_task(self._work(key, jobs, render, send, progress))
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

    async def _text(self, reg: Registration, content: Content) -> Sent:
        return await self.sender.send(reg.chat_id, *content)

    async def _work(self, key: str, jobs: asyncio.Queue[tuple[int, Registration]],
                    render: Render, send: Send, progress: Progress) -> None:
        while not jobs.empty() and not self._stopping.is_set():
            delivery_id, reg = jobs.get_nowait()
            content = await render(reg)
            if content is None:
                await self.deliveries.record(delivery_id, Delivery.SKIPPED, self.clock())
            else:
                sent = await send(reg, content)
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
