"""Issue 20, finding 1: an unfinished form (name, organisation, phone typed, never
confirmed) is erased `[privacy] form_expiry` after its last answer, and with its event's
retention, leaving no bytes in the database, WAL or SHM."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiosqlite

from loopback import FakeTelegram, FakeUser, TravelClock
from storage.database import Database
from storage.db import migrate
from storage.fsm import FormStore
from tests.dbfiles import raw_bytes
from tests.harness import Running, has, settings_for, start
from tests.steps import QUESTION, open_form

ALICE = ("Zhanar Qwertyuiop", "Uniqueorg Zzyzx", "+7 701 765 43 21", b"77017654321")
BOB = ("Bolat Asdfghjkl", "Otherorg Vvxyq", "+7 702 111 22 33", b"77021112233")


async def abandon(user: FakeUser, name: str, org: str, phone: str) -> None:
    """Agree, type name, organisation, role and phone, then stop at the format question."""
    await open_form(user)
    await user.send(name)
    await user.reply(QUESTION["org"])
    await user.send(org)
    await user.reply(QUESTION["role"])
    await user.press("NGO")
    await user.reply(QUESTION["phone"])
    await user.send(phone)
    await user.reply(QUESTION["format"])
    # The bot notes the question it just sent after sending it: an update of the same
    # person is handled after that one, so its answer means the bot is done with the form.
    await user.send("/privacy")
    await user.reply(has("Your personal data"))


async def restarted(fake: FakeTelegram, running: Running, clock: TravelClock) -> Running:
    """Stop and start again: retention runs once at start."""
    await running.stop()
    again = await start(fake, running.app.settings, clock)
    async with asyncio.timeout(10):
        await again.app.retention.ran.wait()
    return again


async def test_finding1_abandoned_forms_expire_leaving_no_bytes(
        fake: FakeTelegram, tmp_path: Path) -> None:
    clock = TravelClock()
    running = await start(fake, settings_for(fake, tmp_path), clock)
    alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
    try:
        await abandon(alice, *ALICE[:3])
        clock.travel(timedelta(days=6))
        await abandon(bob, *BOB[:3])
        clock.travel(timedelta(days=2))  # alice's form is 8 days old, bob's 2 (P7D default)
        running = await restarted(fake, running, clock)
        await alice.send("/start")  # her form is gone: an ordinary start
        card = await alice.reply(has("Round table"))
        await bob.send("/start")  # his is kept
        await bob.reply(has("You are in the middle of registering"))
        data = raw_bytes(tmp_path)  # while running: the expiry itself left nothing
    finally:
        await running.stop()
    assert "middle of registering" not in card.plain_text
    assert [s for s in (*ALICE[:2], ALICE[3].decode()) if s.encode() in data] == []
    assert BOB[0].encode() in data  # not expired yet


async def test_finding1_forms_go_with_their_events_retention(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path).model_copy(deep=True)
    settings.privacy.form_expiry = timedelta(days=400)  # only the retention applies
    settings.privacy.retain_days = 1
    clock = TravelClock()
    running = await start(fake, settings, clock)
    alice = fake.user(1, language_code="en")
    try:
        await abandon(alice, *ALICE[:3])
        clock.travel(timedelta(days=13))  # the event (11-12) started more than a day ago
        running = await restarted(fake, running, clock)
        data = raw_bytes(tmp_path)
    finally:
        await running.stop()
    assert [s for s in (*ALICE[:2], ALICE[3].decode()) if s.encode() in data] == []


async def test_finding1_forms_from_before_the_migration_count_from_the_upgrade(
        tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        await migrate(conn, upto=9)  # the schema before form expiry
        await conn.execute("INSERT INTO fsm (key, state, data) VALUES"
                           " ('fsm:1:1:default', 'Form:org', '{\"name\": \"Old Form\"}')")
    finally:
        await conn.close()
    upgraded = datetime.now(UTC)
    db = await Database.open(path)
    try:
        forms = FormStore(db)
        assert await forms.expire(upgraded - timedelta(minutes=1)) == 0  # counts from now
        assert await forms.get_state("fsm:1:1:default") == "Form:org"
        assert await forms.expire(upgraded + timedelta(days=8)) == 1
        assert await forms.get_state("fsm:1:1:default") is None
    finally:
        await db.close()
