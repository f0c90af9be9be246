"""B5 start-up: `python -m bot --config <tmp toml>` as a subprocess against the loopback fake
(in this process: it only answers a handful of requests); the figure is the time from
spawning the process to the fake receiving its first getUpdates. Baseline, for context:
spawning `python -c "import aiogram"` until it exits."""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

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


async def _one_start(fake: FakeTelegram, config: Path, env: dict[str, str], log: Path) -> float:
    """The fake records a request when it completes, with its receive time; a long poll
    completes when the bot stops. So: wait until the long poll is waiting, stop the bot,
    then read the receive time of its first getUpdates."""
    before = len(fake.requests)

    def polls() -> list[float]:
        return [r.at for r in fake.requests[before:] if r.method == "getUpdates"]

    with log.open("ab") as errors:
        started = time.monotonic()
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(config), cwd=ROOT, env=env,
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


async def _one_import() -> float:
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import aiogram", cwd=ROOT)
    await proc.wait()
    return time.monotonic() - started


async def startups(runs: int = 5) -> tuple[list[float], list[float]]:
    """(bot start-up times, import-aiogram times), one warm-up start not counted."""
    env = {**os.environ, "REGBOT_TELEGRAM__TOKEN": TOKEN}
    env.pop("REGBOT_CONFIG", None)
    bot_times, import_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        async with FakeTelegram(token=TOKEN) as fake:
            fake.user(9000)
            config = folder / "config.toml"
            config.write_text(CONFIG.format(base=fake.base_url, db=folder / "regbot.sqlite3"),
                              encoding="utf-8")
            log = folder / "stderr.log"
            await _one_start(fake, config, env, log)  # warm-up: creates the database
            for _ in range(runs):
                bot_times.append(await _one_start(fake, config, env, log))
                import_times.append(await _one_import())
    return bot_times, import_times


def median(values: list[float]) -> float:
    return statistics.median(values)


async def section(runs: int) -> Section:
    bot_times, import_times = await startups(runs)
    start, base = median(bot_times), median(import_times)
    rows = [Row("start-up to first getUpdates (median)", start * 1000, "ms", base * 1000,
                "python -c 'import aiogram'", "< 1,000 ms", start < 1.0)]
    result = Section("B5", "start-up", rows)
    result.notes = [
        "`python -m bot --config <tmp toml>` (token from REGBOT_TELEGRAM__TOKEN) spawned"
        " against the loopback fake; the time from spawning to the fake receiving the first"
        f" getUpdates, median of {runs} runs after one warm-up run (which creates the"
        " database). Baseline: spawning `python -c 'import aiogram'` until it exits.",
        "Runs (ms): " + ", ".join(f"{t * 1000:.0f}" for t in bot_times)
        + "; import aiogram (ms): " + ", ".join(f"{t * 1000:.0f}" for t in import_times) + ".",
    ]
    return result
