"""B3 fan-out: the real FanOut + Sender + Deliveries sending one campaign to every
registration, against the loopback fake Bot API (the fake in its own process, so the
endpoint's receive times are not disturbed by the sender and vice versa).

Baseline: bare aiogram sending the same message to the same fake from as many concurrent
workers, without pacing or ledger: what one message costs before our overhead."""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bench.common import max_in_window, settings
from bench.remote import RemoteFake
from bench.report import TIMES, Row, Section
from bench.seed import seed
from bench.steps import TOKEN
from bot.factory import create_app
from loopback import TravelClock
from scheduler.fanout import Content
from storage.models import Audience, Registration

FIRST = 1_000_000
TEXT = "Reminder: the round table starts in <b>one hour</b>. Zoom ID 846 8448 4087."


@dataclass
class Fan:
    recipients: int
    limit: float
    sent: int
    wall: float  # FanOut.run, from reading the queue to the report
    cpu: float  # process time over the same span (this process: sender, ledger, aiohttp)
    times: list[float]  # receive times of sendMessage at the fake

    @property
    def achieved(self) -> float:
        """Messages per second at the endpoint, first to last receipt."""
        span = max(self.times) - min(self.times) if len(self.times) > 1 else 0.0
        return (len(self.times) - 1) / span if span else 0.0

    @property
    def peak(self) -> int:
        return max_in_window(self.times, 1.0)

    @property
    def cpu_per_message_ms(self) -> float:
        return self.cpu / max(self.sent, 1) * 1000


async def run_campaign(recipients: int, limit: float) -> Fan:
    with tempfile.TemporaryDirectory() as folder:
        async with RemoteFake() as fake:
            await fake.call("users", first=FIRST, n=recipients)
            await fake.call("users", first=9000, n=1)  # the admin
            conf = settings(Path(folder), api_base=fake.base_url, rate=limit)
            await seed(conf.storage.path, 10, online=range(FIRST, FIRST + recipients))
            clock = TravelClock()
            app = await create_app(conf, clock=clock)
            event = (await app.registrations.events.all())[0]
            ledger, fanout = app.registrations.ledger(event), app.campaigns.fanout
            try:
                key = f"broadcast:bench-{int(limit)}"
                await fanout.deliveries.open(key, "broadcast", "all", clock(), event.id, body=TEXT)

                async def render(reg: Registration) -> Content | None:
                    # What a broadcast does per recipient: re-read, re-check the audience.
                    fresh = await ledger.get_by_id(reg.id)
                    return (TEXT, None) if fresh and Audience.ALL.reaches(fresh) else None

                wall, cpu = time.perf_counter(), time.process_time()
                report = await fanout.run(key, render)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            finally:
                await app.bot.session.close()
                await app.db.close()
            times = (await fake.call("times", method="sendMessage"))["times"]
    if report is None or report.sent != recipients or len(times) != recipients:
        raise AssertionError(f"{recipients} recipients, report {report}, {len(times)} received")
    return Fan(recipients, limit, report.sent, wall, cpu, times)


async def bare_sends(recipients: int, workers: int = 32, rate: float = 0.0) -> Fan:
    """The baselines: bot.send_message from `workers` concurrent tasks, as fast as they go
    (rate 0), or each waiting for the next of evenly spaced slots (a minimal pacer)."""
    async with RemoteFake() as fake:
        await fake.call("users", first=FIRST, n=recipients)
        bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url)))
        queue = list(range(FIRST, FIRST + recipients))
        next_slot = time.monotonic()

        async def work() -> None:
            nonlocal next_slot
            while queue:
                chat_id = queue.pop()
                if rate:
                    slot = next_slot = max(next_slot, time.monotonic() - 0.05)
                    next_slot += 1 / rate
                    if (delay := slot - time.monotonic()) > 0:
                        await asyncio.sleep(delay)
                await bot.send_message(chat_id, TEXT, parse_mode="HTML")

        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(work() for _ in range(workers)))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        await bot.session.close()
        times = (await fake.call("times", method="sendMessage"))["times"]
    return Fan(recipients, rate, len(times), wall, cpu, times)


async def section(big: int, big_limit: float, small: int, small_limit: float) -> Section:
    bare = await bare_sends(min(big, 3000))
    paced = await bare_sends(big, rate=big_limit)
    fast = await run_campaign(big, big_limit)
    slow = await run_campaign(small, small_limit)
    rows = [
        Row(f"achieved rate, {big:,} recipients at limit {big_limit:,.0f}/s", fast.achieved,
            "/s", big_limit, "limit", f"≥ 0.95 {TIMES} limit", fast.achieved >= 0.95 * big_limit),
        Row(f"most in any 1 s window, limit {big_limit:,.0f}/s", fast.peak, "", big_limit,
            "limit", "≤ limit", fast.peak <= big_limit),
        Row(f"achieved rate, limit {big_limit:,.0f}/s, against a bare paced loop",
            fast.achieved, "/s", paced.achieved, "bare aiogram, minimal pacer"),
        Row(f"CPU per message, limit {big_limit:,.0f}/s", fast.cpu_per_message_ms, "ms",
            paced.cpu_per_message_ms, "bare aiogram, minimal pacer", digits=3),
        Row(f"achieved rate, {small} recipients at limit {small_limit:.0f}/s", slow.achieved,
            "/s", small_limit, "limit", f"≥ 0.95 {TIMES} limit",
            slow.achieved >= 0.95 * small_limit, digits=1),
        Row(f"most in any 1 s window, limit {small_limit:.0f}/s", slow.peak, "", small_limit,
            "limit", "≤ limit", slow.peak <= small_limit),
        Row(f"CPU per message, limit {small_limit:.0f}/s", slow.cpu_per_message_ms, "ms",
            bare.cpu_per_message_ms, "bare aiogram send, unpaced", digits=3),
    ]
    result = Section("B3", "campaign fan-out", rows)
    result.notes = [
        "The app's own FanOut (app.campaigns.fanout: Sender + Deliveries ledger) runs one"
        " campaign opened with Deliveries.open over registrations seeded with bench/seed.py;"
        " per recipient it re-reads the registration like a broadcast does, sends, and records"
        " the result. The fake Bot API runs in a child process; rates and windows are taken"
        " from its receive times (first to last receipt; windows [t, t + 1 s) starting at"
        " every receipt).",
        f"Limit {big_limit:,.0f}/s: {fast.sent:,} sent, FanOut.run took {fast.wall:.2f} s, CPU"
        f" {fast.cpu:.2f} s. Limit {small_limit:.0f}/s: {slow.sent} sent in {slow.wall:.2f} s.",
        f"Baselines, bare aiogram without Sender or ledger: {bare.sent:,} bot.send_message"
        f" calls from 32 concurrent tasks as fast as they go: {bare.achieved:,.0f} messages/s,"
        f" {bare.cpu_per_message_ms:.3f} ms CPU each; and {paced.sent:,} from 32 tasks taking"
        f" evenly spaced slots at {big_limit:,.0f}/s (a minimal pacer):"
        f" {paced.achieved:,.0f} messages/s, {paced.cpu_per_message_ms:.3f} ms CPU each."
        " Pacing alone costs CPU: each message gets its own timer and loop wake-ups instead"
        " of sharing them in a burst. CPU time is this process's (time.process_time, all"
        " threads: aiosqlite's too).",
    ]
    return result
