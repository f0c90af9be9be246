"""/editevent saves all or nothing, and knows what it edits (issue 18; issue 20, finding 7):
a fault between two steps of a save leaves the event exactly as it was; a draft of an
event changed meanwhile (another organiser's save, a /capacity) is refused, says what
changed, and offers to start again."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from core.config import Settings
from loopback import BotMessage, FakeTelegram, FakeUser
from services.events import Event
from storage import notices
from storage.database import Database
from storage.db import migrate
from storage.models import Format
from tests.admin import admin, ask, snapshot
from tests.harness import ADMIN, Running, has, settings_for, start
from tests.test_admin_events import chat_event, enrol_in
from tests.test_migration_events import T

PAVEL = ADMIN + 1
# The prompt each step's answer leads to (the last: the preview).
NEXT = {"title": "Date and time", "when": "Seats in the room",
        "capacity": "Does each registration wait", "approval": "Venue?",
        "venue": "Street address", "address": "Organisers", "organisers": "Agenda",
        "agenda": "Zoom conference ID", "zoom_id": "Zoom passcode", "zoom_passcode": "Zoom link",
        "zoom_url": "Stream link", "stream_url": "Texts in Қазақша",
        "text_kk": "Texts in Русский", "text_ru": "The event with your changes"}


def two_admins(fake: FakeTelegram, folder: Path) -> Settings:
    data: dict[str, Any] = settings_for(fake, folder).model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    data["telegram"]["admins"] = [ADMIN, PAVEL]
    return Settings.model_validate(data)


@pytest.fixture
async def two(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Running]:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    fake.user(PAVEL, first_name="Pavel", language_code="en")
    running = await start(fake, two_admins(fake, tmp_path))
    yield running
    await running.stop()


async def spring(running: Running, capacity: int = 5) -> Event:
    event = await chat_event(running, "Spring forum", "2030-12-01T17:00:00", capacity=capacity)
    for organiser in (ADMIN, PAVEL):
        await running.app.registrations.events.choose(organiser, event)
    return event


async def draft(user: FakeUser, changes: dict[str, str]) -> BotMessage:
    """/editevent, the given steps answered, Keep for the rest; returns the preview."""
    await ask(user, "/editevent", "Editing the current event")
    return await steps(user, changes)


async def steps(user: FakeUser, changes: dict[str, str]) -> BotMessage:
    """In an open draft: the given steps answered, Keep for the rest; the preview."""
    shown = None
    for step, following in NEXT.items():
        if step in changes:
            shown = await ask(user, changes[step], following)
        else:
            await user.press("Keep")
            shown = await user.reply(has(following))
    assert shown is not None
    return shown


async def test_a_fault_between_two_steps_leaves_the_event_as_it_was(
        fake: FakeTelegram, two: Running) -> None:
    event = await spring(two, capacity=1)
    await enrol_in(two, fake, event, 1)  # the seat
    await enrol_in(two, fake, event, 2)  # waiting: a larger room would seat them
    # The fault: the audit line, written after the event, the promotion and the notices,
    # fails (a trigger on the bot's own writer connection, as a full disk or a bug would).
    await two.app.db.execute(
        "CREATE TEMP TRIGGER fault BEFORE INSERT ON audit WHEN NEW.action = 'editevent'"
        " BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
    before = await snapshot(two)
    outbox = await two.app.db.fetchall("SELECT * FROM notices ORDER BY id")

    olga = admin(fake)
    await draft(olga, {"title": "Spring forum, moved", "when": "2030-12-02 19:00",
                       "capacity": "2", "venue": "Hall B"})
    await olga.press("Save")
    await olga.reply(has("something went wrong"))

    assert await snapshot(two) == before  # the event, the seats, the audit: untouched
    assert await two.app.db.fetchall("SELECT * FROM notices ORDER BY id") == outbox
    await two.app.registrations.outbox.settled()
    assert all("has changed" not in m.plain_text for u in (1, 2) for m in fake.sent(u))
    stored = await two.app.registrations.events.version(event.id)
    assert stored is not None and stored == (event.version, 1)

    # Without the fault the same edit goes through, whole.
    await two.app.db.execute("DROP TRIGGER fault")
    await draft(olga, {"title": "Spring forum, moved", "capacity": "2"})
    await olga.press("Save")
    saved = await olga.reply(has("Saved"))
    assert "Person 2" in saved.plain_text  # promoted into the larger room


async def test_the_second_organisers_older_draft_is_refused(
        fake: FakeTelegram, two: Running) -> None:
    event = await spring(two)
    olga, pavel = admin(fake), fake.user(PAVEL)
    await ask(pavel, "/editevent", "Editing the current event")  # Pavel's draft begins first

    await draft(olga, {"title": "Spring forum (new title)", "when": "2030-12-02 19:00"})
    await olga.press("Save")
    await olga.reply(has("Saved"))

    # Pavel's draft, older than Olga's save, changes only the room size.
    await steps(pavel, {"capacity": "8"})
    await pavel.press("Save")
    refused = await pavel.reply(has("Not saved"))
    assert "Title, Date and time" in refused.plain_text
    assert refused.buttons == ["🔄 Start again"]

    kept = await two.event(event.slug)  # Olga's changes stand; Pavel's did not apply
    assert kept.info.title == "Spring forum (new title)"
    assert kept.info.starts_at.isoformat() == "2030-12-02T19:00:00"
    assert kept.info.offline_capacity == 5

    await pavel.press("Start again")
    again = await pavel.reply(has("Editing the current event"))
    assert "Now: Spring forum (new title)" in again.plain_text


async def test_an_open_draft_after_capacity_is_refused(fake: FakeTelegram,
                                                       two: Running) -> None:
    event = await spring(two)
    await enrol_in(two, fake, event, 1, Format.ONLINE)
    olga, pavel = admin(fake), fake.user(PAVEL)
    await ask(olga, "/editevent", "Editing the current event", "Now: Spring forum")
    await ask(pavel, "/capacity 7", "The room now has 7")

    await steps(olga, {"title": "Spring forum II"})
    await olga.press("Save")
    refused = await olga.reply(has("Not saved"))
    assert "Seats" in refused.plain_text

    kept = await two.event(event.slug)
    assert kept.info.title == "Spring forum"
    assert await two.app.registrations.events.version(event.id) == (event.version + 1, 7)


async def test_an_open_draft_after_close_is_refused(fake: FakeTelegram, two: Running) -> None:
    event = await spring(two)
    olga, pavel = admin(fake), fake.user(PAVEL)
    await ask(olga, "/editevent", "Editing the current event", "Now: Spring forum")
    await ask(pavel, "/close", "What should stop?")
    await pavel.press("Offline only")
    await pavel.reply(has("Registration is now online only"))
    await steps(olga, {"title": "Spring forum II"})
    await olga.press("Save")
    refused = await olga.reply(has("Not saved"))
    assert "registration open or closed" in refused.plain_text
    assert (await two.event(event.slug)).info.title == "Spring forum"


async def test_migration_010_keeps_the_outbox_and_starts_versions_at_0(tmp_path: Path) -> None:
    """A database made by schema 9, with a pending notice, upgrades: the notice is kept and
    still pending, every event is at version 0, and "moved" notices can be written."""
    path = tmp_path / "nine.sqlite3"
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        assert await migrate(conn, upto=9) == 9
        await conn.execute("INSERT INTO events (id, slug, source, created_at, updated_at)"
                           " VALUES (2, 'spring', 'chat', ?, ?)", (T, T))
        await conn.execute(
            "INSERT INTO registrations (event_id, user_id, chat_id, language, full_name,"
            " organisation, role, format, status, created_at, updated_at, version)"
            " VALUES (2, 7, 7, 'en', 'A', 'B', 'ngo', 'offline', 'active', ?, ?, 3)", (T, T))
        await conn.execute("INSERT INTO notices (registration_id, kind, version, created_at,"
                           " updated_at) VALUES (1, 'promoted', 3, ?, ?)", (T, T))
    finally:
        await conn.close()
    db = await Database.open(path)
    try:
        assert [tuple(r) for r in await db.fetchall(
            "SELECT registration_id, kind, version, status, details FROM notices")] == [
                (1, "promoted", 3, "pending", None)]
        assert {r["version"] for r in await db.fetchall("SELECT version FROM events")} == {0}
        async with db.transaction() as tx:
            assert await notices.add_moved(tx, 2, {"starts_at": T, "venue": "DKU"}, T) == 1
    finally:
        await db.close()
