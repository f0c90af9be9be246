"""Fill a ledger file through the real Ledger before the bot starts (faster than chatting)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage.database import Database
from storage.events import EventStore
from storage.ledger import Ledger
from storage.models import Applicant, Format

T0 = datetime(2030, 10, 1, tzinfo=UTC)


def applicant(user_id: int, language: str = "en") -> Applicant:
    return Applicant(user_id=user_id, chat_id=user_id, language=language,
                     full_name=f"Person {user_id}", organisation="Org", role="ngo", phone=None)


async def event(db: Database, capacity: int, slug: str = "event",
                starts: datetime = T0 + timedelta(days=42)) -> int:
    """The event `slug` (the config's [event] has no id in the tests: "event"), made the
    way the bot makes it at start; the bot's own start-up then fills in its definition."""
    synced = await EventStore(db).sync(slug, "{}", starts, capacity, T0, adopt=True)
    return synced.row.id


async def seed(path: Path, capacity: int, offline: range = range(0), online: range = range(0),
               cancelled: range = range(0), slug: str = "event") -> None:
    db = await Database.open(path)
    ledger = Ledger(db, await event(db, capacity, slug))
    step = 0
    for ids, fmt in ((offline, Format.OFFLINE), (online, Format.ONLINE),
                     (cancelled, Format.ONLINE)):
        for user_id in ids:
            step += 1
            await ledger.register(applicant(user_id), fmt, T0 + timedelta(seconds=step))
    for user_id in cancelled:
        await ledger.cancel(user_id, T0 + timedelta(days=1))
    await db.close()
