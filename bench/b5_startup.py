"""B5 start-up: `python -m bot --config <tmp toml>` as a subprocess against the loopback fake
(in this process: it only answers a handful of requests); the figure is the time from
spawning the process to the fake receiving its first getUpdates. Baseline: the bare aiogram
echo bot (bench.echo_main), timed the same way, so both pay for `import aiogram` alike.

Beside it, what `import aiogram` costs in time and memory in the pinned version and in the
last version before 3.29 (bench.imports), so the pin is a decision with numbers."""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import imports
from bench.common import ROOT
from bench.report import Row, Section
from bench.steps import TOKEN
from loopback import FakeTelegram

CONFIG = """\
[telegram]
api_base = "{base}"
admins = [9000]

[storage]
path = "{db}"

[event]
title = "Round table"
starts_at = 2030-11-12T17:00:00
timezone = "Asia/Almaty"
offline_capacity = 10
venue = "DKU, Almaty"
contact_phone = "+7 777 397 11 27"
zoom_conference_id = "846 8448 4087"

[[reminders]]
before = "P1D"
audience = "all"
ask_attendance = true
"""


async def _one_start(fake: FakeTelegram, argv: list[str], env: dict[str, str], log: Path) -> float:
    """The fake records a request when it completes, with its receive time; a long poll
    completes when the bot stops. So: wait until the long poll is waiting, stop the bot,
    then read the receive time of its first getUpdates."""
    before = len(fake.requests)

    def polls() -> list[float]:
        return [r.at for r in fake.requests[before:] if r.method == "getUpdates"]

    with log.open("ab") as errors:
        started = time.monotonic()
        proc = await asyncio.create_subprocess_exec(
            *argv, cwd=ROOT, env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=errors)
        try:
            await fake.wait_until(lambda: fake.polling or bool(polls()), timeout=30)
            seen = time.monotonic()
        finally:
            proc.send_signal(signal.SIGINT)  # the bot stops polling and exits cleanly
            try:
                async with asyncio.timeout(20):
                    await proc.wait()
            except TimeoutError:
                proc.kill()
                await proc.wait()
    try:
        await fake.wait_until(lambda: bool(polls()), timeout=5)
    except AssertionError:  # not recorded: the moment we saw the poll waiting is close
        return seen - started
    return min(polls()) - started


async def startups(runs: int = 5) -> tuple[list[float], list[float]]:
    """(bot start-up times, bare aiogram start-up times), one warm-up each not counted."""
    env = {**os.environ, "REGBOT_TELEGRAM__TOKEN": TOKEN}
    env.pop("REGBOT_CONFIG", None)
    bot_times, bare_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        async with FakeTelegram(token=TOKEN) as fake:
            fake.user(9000)
            config = folder / "config.toml"
            config.write_text(CONFIG.format(base=fake.base_url, db=folder / "regbot.sqlite3"),
                              encoding="utf-8")
            ours = [sys.executable, "-m", "bot", "--config", str(config)]
            bare = [sys.executable, "-m", "bench.echo_main", fake.base_url]
            log = folder / "stderr.log"
            await _one_start(fake, ours, env, log)  # warm-up: creates the database
            await _one_start(fake, bare, env, log)
            for _ in range(runs):  # alternating, so machine noise hits both alike
                bot_times.append(await _one_start(fake, ours, env, log))
                bare_times.append(await _one_start(fake, bare, env, log))
    return bot_times, bare_times


def median(values: list[float]) -> float:
    return statistics.median(values)


async def section(runs: int) -> Section:
    bot_times, bare_times = await startups(runs)
    start, base = median(bot_times), median(bare_times)
    rows = [Row("start-up to first getUpdates (median)", start * 1000, "ms", base * 1000,
                "bare aiogram echo bot", "\u2264 1.15 \u00d7 bare", start <= 1.15 * base)]
    result = Section("B5", "start-up", rows)
    result.notes = [
        "`python -m bot --config <tmp toml>` (token from REGBOT_TELEGRAM__TOKEN) spawned"
        " against the loopback fake; the time from spawning to the fake receiving the first"
        f" getUpdates, median of {runs} runs after one warm-up run (which creates the"
        " database). Baseline: the bare aiogram echo bot (`python -m bench.echo_main`: one"
        " router, Dispatcher.start_polling) spawned and timed the same way, runs alternating.",
        "Runs (ms): " + ", ".join(f"{t * 1000:.0f}" for t in bot_times)
        + "; bare aiogram (ms): " + ", ".join(f"{t * 1000:.0f}" for t in bare_times) + ".",
    ]
    await asyncio.to_thread(imports.extend, result)
    return result
