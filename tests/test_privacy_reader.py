"""Issue 20, finding 2: an erasure never waits on another process's read. While a second
process holds `BEGIN; SELECT` on the database, /forget_me answers at once and others can
register; the erased bytes leave the WAL as soon as that read ends (a background retry,
logged once when it starts waiting and once when done)."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

import pytest

from loopback import FakeTelegram
from tests.dbfiles import raw_bytes
from tests.harness import eventually, has, register, settings_for, start

NAME, ORG, PHONE = "Zhanar Qwertyuiop", "Uniqueorg Zzyzx", "+7 701 765 43 21"
SECRETS = (NAME, ORG, "77017654321")
# Another process reading the database, as a `sqlite3` shell or a backup tool does: it
# holds its read transaction until told to end it (a line on stdin), at most 60 s.
READER = """
import select, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM registrations").fetchone()
print("reading", flush=True)
select.select([sys.stdin], [], [], 60)
conn.execute("COMMIT")
"""


async def test_finding2_erasure_does_not_wait_for_an_outside_reader(
        fake: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="storage.walclean")
    settings = settings_for(fake, tmp_path)
    running = await start(fake, settings)
    alice, carol = fake.user(1, language_code="en"), fake.user(3, language_code="en")
    reader = None
    try:
        await register(alice, name=NAME, org=ORG, phone=PHONE)
        reader = await asyncio.create_subprocess_exec(
            sys.executable, "-c", READER, str(settings.storage.path),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        assert reader.stdout is not None and reader.stdin is not None
        assert await reader.stdout.readline() == b"reading\n"
        await alice.send("/forget_me")
        await alice.reply(has("Erase all your personal data"))
        await alice.press("Yes, erase my data")
        # Within 2 s (about 0.3 s here; the busy timeout is 30 s: waiting for the reader
        # would take that long).
        await alice.wait_for(has("your personal data is erased"), timeout=2)
        async with asyncio.timeout(10):  # others' writes go on meanwhile
            await register(carol, name="Carol White")
        reader.stdin.write(b"done\n")
        await reader.stdin.drain()
        assert await reader.wait() == 0
        await eventually(lambda: asyncio.to_thread(
            lambda: not any(s.encode() in raw_bytes(tmp_path) for s in SECRETS)),
            within=10, what="the erased bytes gone from the files")
    finally:
        if reader is not None and reader.returncode is None:
            reader.kill()
            await reader.wait()
        await running.stop()
    said = [r.getMessage() for r in caplog.records if r.name == "storage.walclean"]
    assert len([m for m in said if "erased data stays" in m]) == 1, said
    assert len([m for m in said if "is emptied" in m]) == 1, said
