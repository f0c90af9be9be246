"""A decline's news keeps the person's chat and the organiser's reason until erasure: a
restore of a backup taken before /forget_me does not bring them back."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.cli_commands import backup, restore
from loopback import FakeTelegram
from storage import pending
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Applicant, Format
from storage.privacy import erase_person
from tests.dbfiles import raw_bytes
from tests.harness import settings_for, start

REASON = "Qwertyreason for Zhanar"


async def test_restore_does_not_bring_back_a_forgotten_persons_decline(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path / "data", approval=True)
    await (await start(fake, settings)).stop()  # the event exists in the file
    now = datetime.now(UTC)
    who = Applicant(5, 5, "kk", "Zhanar", "Org", "ngo", None)
    db = await Database.open(settings.storage.path)
    try:
        found = await db.fetchone("SELECT id FROM events")
        assert found is not None
        event = int(found["id"])
        ledger = Ledger(db, event)
        first, _ = await pending.hold(db, event, who, Format.OFFLINE, now)
        await ledger.approve(first.id, now)  # a registration: the erasure is recorded by it
        await ledger.cancel(5, now)
        again, _ = await pending.hold(db, event, who, Format.OFFLINE, now)
        await ledger.decline(again.id, now, REASON)
    finally:
        await db.close()
    taken, _ = backup(settings, tmp_path / "before.sqlite3")
    db = await Database.open(settings.storage.path)
    try:
        await erase_person(db, 5, now)
    finally:
        await db.close()
    assert REASON.encode() in taken.read_bytes()
    done = await asyncio.to_thread(restore, settings, taken, True)
    assert done.erased_again == 1
    assert REASON.encode() not in raw_bytes(tmp_path / "data")
