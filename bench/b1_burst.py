"""B1 registration burst: N users each walk the whole form at the same time.

(a) in-process: updates go in through dp.feed_update, Bot API calls are answered in memory
    (bench.memsession), so only the bot's own cost is measured;
(b) HTTP: real long polling against the loopback fake Bot API, the fake and the users in a
    child process (bench.fakeproc).
Baseline for both: a bare aiogram echo bot on the same transport with the same updates."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Update

from bench.common import settings
from bench.echo import echo_bot, echo_dispatcher
from bench.inprocess import Driver, JourneyError, Run, in_memory, stop_in_memory
from bench.memsession import MemorySession
from bench.remote import RemoteFake
from bench.report import TIMES, Row, Section
from bench.seed import event
from bench.steps import REGISTER, echo_steps
from bot.factory import create_app
from loopback import TravelClock
from storage.database import Database
from storage.ledger import Ledger

CAPACITY = 10
UNPACED = 1_000_000.0  # messages/s: the Pacer never waits (B1 measures handling, not pace)


@dataclass
class Pair:
    """Ours and the echo baseline, best of the repeats (highest updates/s)."""

    ours: Run
    echo: Run
    ours_seq: Run | None = None
    echo_seq: Run | None = None
    seated: int = 0
    trips: float = float("nan")  # SQLite round trips per registration, one at a time


# -- (a) in-process ------------------------------------------------------------------------
async def ours_in_process(n: int, sequential: int = 0,
                          ) -> tuple[Run, Run | None, int, float]:
    with tempfile.TemporaryDirectory() as folder:
        # No flood control on this transport: the Pacer must not set the pace measured here.
        app = await create_app(settings(Path(folder), capacity=CAPACITY, rate=UNPACED),
                               clock=TravelClock())
        session = await in_memory(app)
        try:
            driver = Driver(app.dp, app.bot, session)
            burst = await driver.burst(range(1_000_000, 1_000_000 + n), REGISTER)
            event = (await app.registrations.events.all())[0]
            counts = await app.registrations.ledger(event).counts()
            if counts.seated + counts.waitlisted + counts.online != n:
                raise JourneyError(f"{n} users finished the form but the ledger has {counts}")
            left = await app.db.fetchone("SELECT COUNT(*) AS n FROM fsm")
            if left is None or left["n"]:
                raise JourneyError("finished forms left FSM rows behind")
            one_by_one, trips = None, float("nan")
            if sequential:
                before = app.db.trips  # every call into aiosqlite's threads (storage.db)
                one_by_one = await driver.one_by_one(range(2_000_000, 2_000_000 + sequential),
                                                     REGISTER)
                trips = (app.db.trips - before) / sequential
        finally:
            await stop_in_memory(app)
    return burst, one_by_one, counts.seated, trips


async def echo_in_process(n: int, sequential: int = 0) -> tuple[Run, Run | None]:
    session = MemorySession()
    bot, dp = echo_bot(session), echo_dispatcher()
    driver = Driver(dp, bot, session)
    burst = await driver.burst(range(1_000_000, 1_000_000 + n), echo_steps(REGISTER))
    one_by_one = None
    if sequential:
        one_by_one = await driver.one_by_one(range(2_000_000, 2_000_000 + sequential),
                                             echo_steps(REGISTER))
    await bot.session.close()
    return burst, one_by_one


async def in_process(n: int, repeats: int = 2, sequential: int = 50) -> Pair:
    """Alternate echo and ours `repeats` times; keep each one's best burst."""
    best: Pair | None = None
    for _ in range(repeats):
        echo, echo_seq = await echo_in_process(n, sequential)
        ours, ours_seq, seated, trips = await ours_in_process(n, sequential)
        if best is None:
            best = Pair(ours, echo, ours_seq, echo_seq, seated, trips)
            continue
        if ours.per_second > best.ours.per_second:
            best.ours, best.ours_seq, best.seated, best.trips = ours, ours_seq, seated, trips
        if echo.per_second > best.echo.per_second:
            best.echo, best.echo_seq = echo, echo_seq
    assert best is not None
    return best


# -- (b) HTTP --------------------------------------------------------------------------------
def time_updates(dp: Dispatcher, run: Run) -> None:
    """Record how long each update spends in dp.feed_update (polling calls it per update)."""
    inner: Callable[..., Awaitable[Any]] = dp.feed_update

    async def timed(bot: Bot, update: Update, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await inner(bot, update, **kwargs)
        finally:
            run.latencies.append(time.perf_counter() - started)

    setattr(dp, "feed_update", timed)  # noqa: B010  (an instance attribute shadows the method)


async def _drive(fake: RemoteFake, dp: Dispatcher, polling: Awaitable[None], run: Run,
                 script: str) -> None:
    task = asyncio.ensure_future(polling)
    try:
        await fake.call("polling")
        cpu = time.process_time()
        result = await fake.call("journey", script=script, first=1_000_000, n=run.users)
        run.cpu = time.process_time() - cpu
        run.wall = float(result["wall"])
    finally:
        await dp.stop_polling()
        await task
    # Counted after the stop, which lets updates in hand finish: the last reply can reach
    # the fake a moment before its handler returns (the callback answer goes after it).
    if len(run.latencies) != result["updates"]:
        raise JourneyError(f"{result['updates']} updates sent, {len(run.latencies)} handled")


async def ours_http(n: int) -> tuple[Run, int]:
    run = Run(n)
    with tempfile.TemporaryDirectory() as folder:
        async with RemoteFake() as fake:
            await fake.call("users", first=9000, n=1)  # the admin, told the command menu
            app = await create_app(settings(Path(folder), api_base=fake.base_url,
                                            capacity=CAPACITY, rate=UNPACED),
                                   clock=TravelClock())
            time_updates(app.dp, run)
            await _drive(fake, app.dp, app.run(handle_signals=False, polling_timeout=1), run,
                         "register")
        db = await Database.open(Path(folder) / "regbot.sqlite3")
        counts = await Ledger(db, await event(db, CAPACITY)).counts()
        left = await db.fetchone("SELECT COUNT(*) AS n FROM fsm")
        await db.close()
    if left is None or left["n"]:
        raise JourneyError("finished forms left FSM rows behind")
    if counts.seated + counts.waitlisted + counts.online != n:
        raise JourneyError(f"{n} users finished the form but the ledger has {counts}")
    return run, counts.seated


async def echo_http(n: int) -> Run:
    run = Run(n)
    async with RemoteFake() as fake:
        bot = echo_bot(AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url)))
        dp = echo_dispatcher()
        time_updates(dp, run)
        await _drive(fake, dp, dp.start_polling(bot, handle_signals=False, polling_timeout=1),
                     run, "echo")
    return run


async def over_http(n: int) -> Pair:
    echo = await echo_http(n)
    ours, seated = await ours_http(n)
    return Pair(ours, echo, seated=seated)


# -- report ----------------------------------------------------------------------------------
def _rows(pair: Pair, where: str) -> list[Row]:
    ours, echo = pair.ours, pair.echo
    # Issue 13's goal for the in-process run (it isolates our handling); the HTTP run keeps
    # the earlier 0.5.
    share = 0.4 if pair.ours_seq else 0.5
    rows = [
        Row(f"updates/s, {ours.users:,} users at once ({where})", ours.per_second, "/s",
            echo.per_second, "echo bot", f"≥ {share} {TIMES} echo",
            ours.per_second >= share * echo.per_second),
    ]
    for q in (50, 95):
        rows.append(Row(f"latency p{q} in burst ({where})", ours.p_ms(q), "ms", echo.p_ms(q),
                        "echo bot", digits=1))
    rows.append(Row(f"latency p99 in burst ({where})", ours.p_ms(99), "ms", echo.p_ms(99),
                    "echo bot", "< 20 ms", ours.p_ms(99) < 20, digits=1))
    if pair.ours_seq and pair.echo_seq:
        ours_seq, echo_seq = pair.ours_seq, pair.echo_seq
        rows.append(Row(f"latency p50, one update at a time ({where})", ours_seq.p_ms(50),
                        "ms", echo_seq.p_ms(50), "echo bot", "≤ 0.8 ms",
                        ours_seq.p_ms(50) <= 0.8, digits=2))
        rows.append(Row(f"latency p95, one update at a time ({where})", ours_seq.p_ms(95),
                        "ms", echo_seq.p_ms(95), "echo bot", digits=2))
        rows.append(Row(f"latency p99, one update at a time ({where})", ours_seq.p_ms(99),
                        "ms", echo_seq.p_ms(99), "echo bot", "< 20 ms",
                        ours_seq.p_ms(99) < 20, digits=2))
    return rows


def _notes(pair: Pair) -> list[str]:
    ours, echo = pair.ours, pair.echo
    notes = [
        f"ours: {ours.updates:,} updates in {ours.wall:.2f} s (CPU {ours.cpu:.2f} s);"
        f" echo: {echo.updates:,} updates in {echo.wall:.2f} s (CPU {echo.cpu:.2f} s).",
        f"Seats: {pair.seated} of {CAPACITY} given, the rest waitlisted; every user's form"
        " ended with 'registered' and left no FSM row.",
    ]
    if pair.ours_seq and pair.echo_seq:
        notes.append(f"One at a time: {pair.ours_seq.users} more users walked the form one"
                     f" after another: {pair.ours_seq.per_second:,.0f} updates/s (echo"
                     f" {pair.echo_seq.per_second:,.0f}/s).")
    return notes


async def section_in_process(users: int, repeats: int) -> Section:
    pair = await in_process(users, repeats)
    rows = _rows(pair, "in-process")
    rows.append(Row("SQLite round trips per registration (one at a time)", pair.trips, "trips",
                    target="≤ 16", passed=pair.trips <= 16, digits=1))
    section = Section("B1a", "registration burst, in-process transport", rows)
    section.notes = [
        "Transport: bench.memsession.MemorySession, an aiogram BaseSession whose make_request"
        " prepares the form fields like AiohttpSession, answers in memory, yields to the loop"
        " once and parses the JSON answer with BaseSession.check_response; updates go in"
        " through dp.feed_update. The app is bot.factory.create_app (dispatcher, handlers,"
        " SQLite FSM storage and ledger) with its start-up hooks run.",
        "Each user sends its next update when the previous one is handled (8 updates: /start,"
        " Register, name, organisation, NGO, Skip, Offline, Confirm); the echo bot gets the"
        " same texts and the same number of button presses. Latency is the time inside"
        " dp.feed_update; in a burst of 1,000 concurrent users it is mostly waiting for the"
        " other users' updates (Little's law: latency ≈ users in flight / throughput), so the"
        " 'one update at a time' rows show the handling cost itself.",
        f"Best of {repeats} alternating runs (echo, ours, echo, ours).",
        "SQLite round trips: calls into aiosqlite's worker threads (each execute, fetch,"
        " cursor close or commit; Database.trips, writer and reader together) while the"
        " users of the 'one at a time' run walk the whole form, divided by their number.",
        *_notes(pair),
    ]
    return section


async def section_http(users: int) -> Section:
    pair = await over_http(users)
    section = Section("B1b", "registration burst, HTTP on loopback", _rows(pair, "HTTP"))
    section.notes = [
        "Transport: real long polling (aiohttp) against the loopback fake on 127.0.0.1; the fake"
        " and the simulated users run in a child process (bench.fakeproc), so the bot has one"
        " core and the fake the other. Latency is the time inside dp.feed_update, which here"
        " includes the HTTP round trips of the replies.",
        f"{users:,} users (the full N).",
        *_notes(pair),
    ]
    return section
