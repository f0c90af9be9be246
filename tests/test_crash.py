"""SIGKILL in the middle of a fan-out: the next start finishes it, repeating at most the
messages that were in flight."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.seed import seed
from loopback import FakeTelegram
from storage.database import Database
from tests.harness import eventually
from tests.reminders import ALMATY, people, reminders_to

pytestmark = pytest.mark.slow  # runs the bot as a subprocess and kills it

ROOT = Path(__file__).resolve().parent.parent
RATE = 50
IN_FLIGHT_BOUND = 12  # FanOut's concurrency at 50 msg/s: max(2, min(32, 50 // 4))


def write_config(fake: FakeTelegram, folder: Path) -> Path:
    starts = (datetime.now(UTC) + timedelta(hours=2)).astimezone(ALMATY).replace(tzinfo=None)
    path = folder / "config.toml"
    path.write_text(f"""
[telegram]
token = "{fake.token}"
api_base = "{fake.base_url}"
[storage]
path = "{folder / 'regbot.sqlite3'}"
[event]
title = "Round table"
starts_at = {starts.replace(microsecond=0).isoformat()}
offline_capacity = 10
venue = "DKU"
contact_phone = "+7 777 397 11 27"
zoom_conference_id = "846 8448 4087"
[[reminders]]
before = "P1D"
[sender]
rate_per_second = {RATE}
per_chat_interval = 0
""", encoding="utf-8")
    return path


async def launch(config: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGBOT_")}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(config), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)


async def test_sigkill_mid_fan_out_then_restart_finishes_it(fake: FakeTelegram,
                                                            tmp_path: Path) -> None:
    config = write_config(fake, tmp_path)
    users = range(1, 201)
    await seed(tmp_path / "regbot.sqlite3", 10, online=users)
    people(fake, users)

    def delivered() -> int:
        return sum(len(reminders_to(fake, u)) for u in users)

    first = await launch(config)
    await fake.wait_until(lambda: delivered() >= 60, timeout=30)
    first.send_signal(signal.SIGKILL)
    await asyncio.wait_for(first.wait(), 10)
    assert delivered() < 200, "the kill came too late to interrupt anything"

    second = await launch(config)
    await fake.wait_until(lambda: all(reminders_to(fake, u) for u in users), timeout=60)
    db = await Database.open(tmp_path / "regbot.sqlite3")

    async def finished() -> bool:  # the last row is written right after the last send
        row = await db.fetchone("SELECT state FROM campaigns")
        return row is not None and row["state"] == "done"

    await eventually(finished, what="campaign done")
    rows = await db.fetchall("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
    await db.close()
    second.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(second.wait(), 20) == 0

    assert {r["status"]: r["n"] for r in rows} == {"sent": 200}
    counts = [len(reminders_to(fake, u)) for u in users]
    assert min(counts) == 1 and max(counts) <= 2
    assert sum(counts) - 200 <= IN_FLIGHT_BOUND
