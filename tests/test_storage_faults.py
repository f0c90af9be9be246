"""The database busy or unwritable while the bot runs: reads go on, writes wait and try
again, and when they cannot, the person hears "temporary problem, nothing is lost" (the
form is kept) and the organisers are told once."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from loopback import FakeTelegram
from tests.harness import ADMIN, has, settings_for, start
from tests.steps import QUESTION, reach


class Seen(logging.Handler):
    """Sets an event when a log line containing `text` is written."""

    def __init__(self, text: str) -> None:
        super().__init__(logging.WARNING)
        self.text, self.event = text, asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.event.set()


@contextmanager
def write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Another process's view: a connection holding the write lock until the block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextmanager
def watching(text: str) -> Iterator[Seen]:
    seen = Seen(text)
    logging.getLogger("storage").addHandler(seen)
    try:
        yield seen
    finally:
        logging.getLogger("storage").removeHandler(seen)


async def test_reads_go_on_while_a_write_waits_and_the_write_is_retried(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path)
    settings.storage.busy_timeout = timedelta(seconds=2)
    running = await start(fake, settings)
    try:
        alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
        await reach(alice, "confirm")
        with watching("database busy") as busy, write_lock(settings.storage.path):
            await alice.press("Confirm")  # its transaction now waits for the lock
            await bob.send("/start")
            await bob.reply(has("Round table"))  # answered while the write still waits
            async with asyncio.timeout(10):
                await busy.event.wait()  # the write's first wait ran out: it tries again
            assert not any("registered" in m.plain_text for m in alice.messages)
        await alice.reply(has("You are registered"))
        reg = await (await running.desk()).get(1)
    finally:
        await running.stop()
    assert reg is not None and reg.active
    assert not any("problem" in m.plain_text or "wrong" in m.plain_text
                   for m in alice.messages)


async def test_a_database_that_stays_locked_gets_a_plain_answer_and_keeps_the_form(
        fake: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = settings_for(fake, tmp_path)
    settings.storage.busy_timeout = timedelta(seconds=0.1)
    olga = fake.user(ADMIN, language_code="en")
    running = await start(fake, settings)
    try:
        alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
        await reach(alice, "confirm")
        await reach(bob, "confirm")
        with write_lock(settings.storage.path):
            await alice.press("Confirm")
            told = await alice.reply(has("temporary problem", "Nothing you entered is lost"))
            assert QUESTION["confirm"](told)  # the summary again, in the same message
            await bob.press("Confirm")
            await bob.reply(has("temporary problem"))
            # In the default language (the organisers' own is not known outside an update).
            await olga.wait_for(has("⚠️", str(settings.storage.path), "database is locked"))
        await alice.press("Confirm")  # the lock is gone: the same form goes through
        await alice.reply(has("You are registered"))
        reg = await (await running.desk()).get(1)
    finally:
        await running.stop()
    assert reg is not None and reg.full_name == "Alice Smith"
    assert sum("⚠️" in m.plain_text for m in olga.messages) == 1
    assert not any("Traceback" in r.getMessage() for r in caplog.records)
