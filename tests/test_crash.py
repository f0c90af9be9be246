"""SIGKILL in the middle of a fan-out: the next start finishes it, repeating at most the
messages that were in flight."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.seed import applicant, seed
from core.config import EventSection
from loopback import FakeTelegram, Fault, fault_on
from storage.database import Database
from storage.events import EventStore
from storage.ledger import Ledger
from storage.models import Format
from tests.harness import ADMIN, eventually, has
from tests.reminders import ALMATY, people, reminders_to
from tests.test_event_edits import NEXT

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


MOVED = "has changed"


async def test_sigkill_while_the_event_moved_notices_go_out_tells_each_once(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Issue 18: "the event moved" goes to 30 registrants through the outbox, written with
    the edit in one transaction. The process is killed with one of them in flight (the
    fake holds that request and drops it: never delivered); after the restart each of the
    30 is told exactly once."""
    config = write_config(fake, tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(
        "[telegram]\n", f"[telegram]\nadmins = [{ADMIN}]\n"), encoding="utf-8")
    users = range(1, 31)
    db = await Database.open(tmp_path / "regbot.sqlite3")
    info = EventSection.model_validate({
        "title": "Spring forum", "timezone": "Asia/Almaty", "offline_capacity": 10,
        "starts_at": (datetime.now(UTC) + timedelta(days=3)).astimezone(ALMATY).replace(
            tzinfo=None, microsecond=0).isoformat(),
        "venue": "DKU", "contact_phone": "+7 777 397 11 27",
        "zoom_conference_id": "846 8448 4087"})
    store = EventStore(db)
    row = await store.create("spring", info.model_copy(update={"id": "spring"})
                             .model_dump_json(), info.starts_utc, 10, datetime.now(UTC))
    await store.choose(ADMIN, row.id)
    ledger = Ledger(db, row.id)
    for user_id in users:
        await ledger.register(applicant(user_id), Format.ONLINE, datetime.now(UTC))
    await db.close()
    people(fake, users)
    olga = fake.user(ADMIN, first_name="Olga", language_code="en")

    told: list[int] = []

    def eleventh(params: dict[str, object]) -> bool:
        if MOVED not in str(params.get("text", "")):
            return False
        told.append(int(str(params["chat_id"])))
        return len(told) == 11

    fake.add_fault(fault_on("sendMessage", Fault.hang(120), when=eleventh))

    first = await launch(config)
    await fake.wait_until(lambda: bool(fake.calls("getUpdates")), timeout=60)
    await olga.send("/editevent")
    await olga.wait_for(has("Editing the current event"), timeout=30)
    for step, following in NEXT.items():
        if step == "venue":
            await olga.send("Hall B")
            await olga.wait_for(has(following))
        else:
            await olga.press("Keep")
            await olga.reply(has(following))
    await olga.press("Save")
    await olga.reply(has("Telling 30 registrants"))
    await fake.wait_until(lambda: len(told) >= 11, timeout=30)  # the 11th hangs in flight
    first.send_signal(signal.SIGKILL)
    await asyncio.wait_for(first.wait(), 10)

    def moved_to(user_id: int) -> int:
        return sum(MOVED in m.plain_text for m in fake.sent(user_id))

    assert sum(moved_to(u) for u in users) == 10, "the kill came too late or too early"
    second = await launch(config)
    try:
        await fake.wait_until(lambda: all(moved_to(u) for u in users), timeout=60)
        db = await Database.open(tmp_path / "regbot.sqlite3")

        async def recorded() -> bool:  # the last row is written right after the last send
            row = await db.fetchone("SELECT COUNT(*) AS n FROM notices WHERE kind = 'moved'"
                                    " AND status = 'sent'")
            return row is not None and row["n"] == 30

        await eventually(recorded, what="every notice recorded as sent")
        await db.close()
    finally:
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 20) == 0
    assert {u: moved_to(u) for u in users} == {u: 1 for u in users}
    assert all("Hall B" in m.plain_text for u in users for m in fake.sent(u)
               if MOVED in m.plain_text)


async def test_sigkill_while_the_retention_warning_goes_out_warns_after_the_restart(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Issue 18: the day-before retention warning is queued in the outbox with the mark
    that the organisers were warned (one transaction). Killed while it is in flight (the
    fake drops it), the bot warns after the restart, once."""
    config = write_config(fake, tmp_path)
    started = (datetime.now(UTC) - timedelta(hours=12)).astimezone(ALMATY).replace(
        tzinfo=None, microsecond=0)
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"starts_at = .*", f"starts_at = {started.isoformat()}", text)
    text = text.replace("[telegram]\n", f"[telegram]\nadmins = [{ADMIN}]\n")
    config.write_text(text + "[privacy]\nretain_days = 1\n", encoding="utf-8")
    olga = fake.user(ADMIN, first_name="Olga", language_code="en")
    held: list[bool] = []

    def first_warning(params: dict[str, object]) -> bool:  # the only message Olga gets
        if params.get("chat_id") != ADMIN:
            return False
        held.append(True)
        return len(held) == 1

    fake.add_fault(fault_on("sendMessage", Fault.hang(120), when=first_warning))
    first = await launch(config)
    await fake.wait_until(lambda: bool(held), timeout=60)
    first.send_signal(signal.SIGKILL)
    await asyncio.wait_for(first.wait(), 10)
    assert not olga.messages

    second = await launch(config)
    try:
        # In the bot's default language (Olga chose none): "Tomorrow the personal data..."
        told = await olga.wait_for(lambda m: bool(m.buttons), timeout=60)
        assert "Round table" in told.plain_text and len(told.buttons) == 1
        db = await Database.open(tmp_path / "regbot.sqlite3")

        async def recorded() -> bool:
            row = await db.fetchone("SELECT status FROM notices WHERE kind = 'organiser'")
            return row is not None and row["status"] == "sent"

        await eventually(recorded, what="the warning recorded as sent")
        await db.close()
    finally:
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 20) == 0
    assert len(olga.messages) == 1
