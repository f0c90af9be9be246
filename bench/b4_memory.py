"""B4 memory: `python -m bench.b4_memory ours|echo` prints one JSON line of VmRSS readings
(MB) taken in a fresh process, so nothing else the benchmarks did is counted.

ours: the app built by create_app on the in-process transport, started (startup hooks,
scheduler); 10,000 registrations added through the ledger, RSS read after every 1,000;
then 1,000 users walk the form up to the role question and stay there (FSM rows).
echo: the bare aiogram echo bot on the same transport with 1,000 users' same updates."""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.common import rss_mb, settings
from bench.echo import echo_bot, echo_dispatcher
from bench.inprocess import Driver, JourneyError, in_memory, stop_in_memory
from bench.memsession import MemorySession
from bench.report import Row, Section
from bench.seed import T0, applicant
from bench.steps import MID_FORM, echo_steps
from bot.factory import create_app
from loopback import TravelClock
from storage.models import Format

REGISTRATIONS = 10_000
STEP = 1_000
MID_FORM_USERS = 1_000


async def ours() -> dict[str, Any]:
    readings: dict[str, Any] = {"imported": rss_mb()}
    with tempfile.TemporaryDirectory() as folder:
        app = await create_app(settings(Path(folder)), clock=TravelClock())
        session = await in_memory(app)
        readings["started"] = rss_mb()
        ledger = app.registrations.ledger((await app.registrations.events.all())[0])
        growth = [(0, readings["started"])]
        for done in range(STEP, REGISTRATIONS + 1, STEP):
            for user_id in range(done - STEP, done):
                await ledger.register(applicant(10_000_000 + user_id), Format.ONLINE,
                                      T0 + timedelta(seconds=user_id))
            growth.append((done, rss_mb()))
        readings["growth"] = growth
        await Driver(app.dp, app.bot, session).burst(range(1, MID_FORM_USERS + 1), MID_FORM)
        row = await app.db.fetchone("SELECT COUNT(*) AS n FROM fsm WHERE state IS NOT NULL")
        if row is None or row["n"] != MID_FORM_USERS:
            found = None if row is None else row["n"]
            raise JourneyError(f"expected {MID_FORM_USERS} users mid-form, found {found}")
        readings["final"] = rss_mb()
        await stop_in_memory(app)
    return readings


async def echo() -> dict[str, Any]:
    readings: dict[str, Any] = {"imported": rss_mb()}
    session = MemorySession()
    bot, dp = echo_bot(session), echo_dispatcher()
    readings["started"] = rss_mb()
    await Driver(dp, bot, session).burst(range(1, MID_FORM_USERS + 1), echo_steps(MID_FORM))
    readings["final"] = rss_mb()
    await bot.session.close()
    return readings


async def measure(which: str) -> dict[str, Any]:
    """Run this module in a fresh interpreter and return its readings."""
    from bench.common import ROOT

    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.b4_memory", which, cwd=ROOT, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    if proc.returncode:
        raise RuntimeError(f"bench.b4_memory {which} exited with {proc.returncode}")
    result: dict[str, Any] = json.loads(out)
    return result


def slope_per_step(points: list[tuple[int, float]]) -> float:
    """Least-squares MB per STEP registrations."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return cov / var * STEP if var else 0.0


if __name__ == "__main__":
    result = asyncio.run(ours() if sys.argv[1] == "ours" else echo())
    print(json.dumps(result))


async def section() -> Section:
    ours_mb, echo_mb = await measure("ours"), await measure("echo")
    per_step = slope_per_step([(int(x), float(y)) for x, y in ours_mb["growth"]])
    rows = [
        Row(f"RSS: {REGISTRATIONS:,} registrations + {MID_FORM_USERS:,} users mid-form",
            ours_mb["final"], "MB", echo_mb["final"], "bare aiogram echo bot, 1,000 users",
            "\u2264 1.15 \u00d7 bare", ours_mb["final"] <= 1.15 * echo_mb["final"], digits=1),
        Row("RSS after imports", ours_mb["imported"], "MB", echo_mb["imported"],
            "echo bot", digits=1),
        Row(f"RSS growth per {STEP:,} registrations", per_step, "MB", target="\u2264 0.3 MB",
            passed=per_step <= 0.3, digits=2),
    ]
    result = Section("B4", "memory", rows)
    result.notes = [
        "Each side in a fresh interpreter (python -m bench.b4_memory ours|echo), VmRSS from"
        " /proc/self/status after gc.collect(); MB = 10^6 bytes.",
        f"ours: {ours_mb['imported']:.1f} MB after imports, {ours_mb['started']:.1f} MB with"
        f" the app built and started, {ours_mb['growth'][-1][1]:.1f} MB with"
        f" {REGISTRATIONS:,} registrations, {ours_mb['final']:.1f} MB after {MID_FORM_USERS:,}"
        " users walked to the role question at once (their forms stay in the FSM table)."
        f" Growth per {STEP:,} registrations: least-squares slope of the 11 readings from 0"
        f" to {REGISTRATIONS:,} registrations (added through Ledger.register).",
        f"echo: {echo_mb['imported']:.1f} MB after imports, {echo_mb['final']:.1f} MB after"
        f" {MID_FORM_USERS:,} users sent the same four updates at once.",
    ]
    return result
