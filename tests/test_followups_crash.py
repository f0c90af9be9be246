"""SIGKILL in the middle of the follow-ups: the next start finishes them. Each person gets
their own follow-up (attended or absent, never the other's), and those who came the
certificate offer and the poll; repeats bounded by the messages that were in flight, and
the ledger records each delivery once."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.seed import applicant
from bench.seed import event as seed_event
from loopback import FakeTelegram
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Format
from tests.harness import eventually
from tests.reminders import ALMATY, people
from tests.test_crash import IN_FLIGHT_BOUND, RATE, launch

CAME, MISSED = "The recording of the evening", "We missed you"
OFFER, POLL = "certificate of attendance will read", "How would you rate"
USERS = range(1, 201)
ATTENDED = range(1, 101)


def write_config(fake: FakeTelegram, folder: Path, starts: datetime) -> Path:
    local = starts.astimezone(ALMATY).replace(tzinfo=None, microsecond=0)
    path = folder / "config.toml"
    path.write_text(f"""
[telegram]
token = "{fake.token}"
api_base = "{fake.base_url}"
[storage]
path = "{folder / 'regbot.sqlite3'}"
[event]
title = "Round table"
starts_at = {local.isoformat()}
duration = "PT2H"
offline_capacity = 200
venue = "DKU"
contact_phone = "+7 777 397 11 27"
zoom_conference_id = "846 8448 4087"
certificates = true
[[event.followups]]
after = "PT1M"
audience = "attended"
text = "{CAME}"
[[event.followups]]
after = "PT2M"
audience = "absent"
text = "{MISSED}"
[event.feedback]
after = "PT1M"
[sender]
rate_per_second = {RATE}
per_chat_interval = 0
""", encoding="utf-8")
    return path


async def seed_room(path: Path, starts: datetime) -> None:
    """200 seats taken; the first 100 checked in at the door."""
    db = await Database.open(path)
    ledger = Ledger(db, await seed_event(db, 200, starts=starts))
    for user_id in USERS:
        outcome = await ledger.register(applicant(user_id), Format.OFFLINE,
                                        starts - timedelta(days=2))
        if user_id in ATTENDED:
            await ledger.check_in(outcome.registration.entry_code or "", starts)
    await db.close()


def got(fake: FakeTelegram, chat_id: int, text: str) -> int:
    return sum(text in m.plain_text for m in fake.sent(chat_id))


async def test_sigkill_mid_followups_then_restart_finishes_them(fake: FakeTelegram,
                                                                tmp_path: Path) -> None:
    starts = datetime.now(UTC) - timedelta(hours=3)  # ended an hour ago: both are due
    config = write_config(fake, tmp_path, starts)
    await seed_room(tmp_path / "regbot.sqlite3", starts)
    people(fake, USERS)

    def delivered() -> int:
        return sum(got(fake, u, text) for u in USERS for text in (CAME, MISSED, OFFER, POLL))

    first = await launch(config)
    await fake.wait_until(lambda: delivered() >= 60, timeout=30)
    first.send_signal(signal.SIGKILL)
    await asyncio.wait_for(first.wait(), 10)
    assert delivered() < 400, "the kill came too late to interrupt anything"

    second = await launch(config)
    await fake.wait_until(lambda: all(got(fake, u, CAME) + got(fake, u, MISSED)
                                      for u in USERS) and all(
        got(fake, u, OFFER) and got(fake, u, POLL) for u in ATTENDED), timeout=60)
    db = await Database.open(tmp_path / "regbot.sqlite3")

    async def finished() -> bool:
        rows = await db.fetchall("SELECT state FROM campaigns")
        return len(rows) == 4 and all(r["state"] == "done" for r in rows)

    await eventually(finished, what="the follow-ups, the offers and the poll done")
    rows = await db.fetchall("SELECT campaign, status, COUNT(*) AS n FROM deliveries"
                             " GROUP BY campaign, status ORDER BY campaign")
    polls = await db.fetchone("SELECT COUNT(DISTINCT poll_id) AS n FROM feedback")
    await db.close()
    second.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(second.wait(), 20) == 0

    assert sorted(r["n"] for r in rows) == [100, 100, 100, 100]
    assert {r["status"] for r in rows} == {"sent"}
    assert polls is not None and polls["n"] == 100  # every answer can be matched
    absent = [u for u in USERS if u not in ATTENDED]
    assert all(got(fake, u, t) == 0 for u in ATTENDED for t in (MISSED,))
    assert all(got(fake, u, t) == 0 for u in absent for t in (CAME, OFFER, POLL))
    counts = [got(fake, u, t) for u in ATTENDED for t in (CAME, OFFER, POLL)]
    counts += [got(fake, u, MISSED) for u in absent]
    assert min(counts) == 1 and max(counts) <= 2
    assert sum(counts) - 400 <= 4 * IN_FLIGHT_BOUND  # the four ran side by side
