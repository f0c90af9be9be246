"""Issue 20, finding 5: a restore never brings back someone erased since the backup was
taken; it says how many registrations it erased again."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from bot.cli_commands import backup, restore
from loopback import FakeTelegram
from tests.dbfiles import raw_bytes
from tests.harness import has, register, settings_for, start

NAME, ORG, PHONE = "Zhanar Qwertyuiop", "Uniqueorg Zzyzx", "+7 701 765 43 21"
SECRETS = (NAME, ORG, "77017654321")


async def test_finding5_restore_keeps_erasures_made_after_the_backup(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path / "data")
    running = await start(fake, settings)
    alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
    try:
        await register(bob, name="Bob Brown")
        backup(settings, tmp_path / "first.sqlite3")
        await register(alice, name=NAME, org=ORG, phone=PHONE)
        second, _ = backup(settings, tmp_path / "second.sqlite3")
        await alice.send("/forget_me")
        await alice.reply(has("Erase all your personal data"))
        await alice.press("Yes, erase my data")
        await alice.wait_for(has("your personal data is erased"))
    finally:
        await running.stop()
    assert all(s.encode() in second.read_bytes() for s in SECRETS)  # the backup has her
    done = await asyncio.to_thread(restore, settings, second, True)  # a command of its own
    assert (done.registrations, done.erased_again) == (2, 1)
    with sqlite3.connect(settings.storage.path) as conn:
        rows = conn.execute("SELECT user_id, full_name, status FROM registrations"
                            " ORDER BY id").fetchall()
    assert rows[0] == (2, "Bob Brown", "active")
    assert rows[1][0] < 0 and rows[1][1:] == ("", "cancelled")
    assert [s for s in SECRETS if s.encode() in raw_bytes(tmp_path / "data")] == []
    # Restoring again (the database now knows the erasure itself) erases nothing twice.
    assert (await asyncio.to_thread(restore, settings, second, True)).erased_again == 1
    first = await asyncio.to_thread(restore, settings, tmp_path / "first.sqlite3", True)
    assert first.erased_again == 0
