"""Migration 019 (approval's news through the outbox) on a database made by the schema
before it: the outbox's rows stay as they were, and an approval and a decline each write
their news in the decision's transaction; /forget_me leaves nothing of a decline's; a
waiting form's id (in the organisers' buttons) is never given to a later form."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage import pending
from storage.database import Database
from storage.db import migrate
from storage.ledger import Ledger
from storage.models import Applicant, Format, to_db
from storage.notices import Notices
from storage.privacy import erase_event, erase_person

NOW = datetime(2030, 11, 12, 15, tzinfo=UTC)


async def test_migration_019_keeps_the_outbox_and_takes_approval_news(tmp_path: Path) -> None:
    path = tmp_path / "regbot.sqlite3"
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        before = await migrate(conn, upto=16)  # the newest schema before this one
        stamp = to_db(NOW)
        await conn.execute(
            "INSERT INTO registrations (id, event_id, user_id, chat_id, language, full_name,"
            " organisation, role, format, status, created_at, updated_at, version) VALUES"
            " (1, 1, 101, 101, 'kk', 'Айгерим', 'Org', 'ngo', 'offline', 'active', ?, ?, 3)",
            (stamp, stamp))
        await conn.execute(
            "INSERT INTO notices (id, registration_id, kind, version, attempts, status,"
            " created_at, updated_at) VALUES (1, 1, 'promoted', 3, 1, 'sent', ?, ?)",
            (stamp, stamp))
        await conn.execute(
            "INSERT INTO notices (id, registration_id, kind, version, chat_id, details,"
            " created_at, updated_at) VALUES (2, NULL, 'organiser', 0, 9000, '{}', ?, ?)",
            (stamp, stamp))
    finally:
        await conn.close()
    assert before == 16

    db = await Database.open(path)  # migrates to the newest
    try:
        kept = await db.fetchall("SELECT id, registration_id, kind, version, attempts, status,"
                                 " chat_id, details FROM notices ORDER BY id")
        alice = Applicant(202, 202, "ru", "Алиса", "Org", "ngo", None)
        bob = Applicant(303, 303, "en", "Bob", "Org", "ngo", None)
        first, _ = await pending.hold(db, 1, alice, Format.OFFLINE, NOW)
        second, _ = await pending.hold(db, 1, bob, Format.ONLINE, NOW)
        approved = await Ledger(db, 1).approve(first.id, NOW)
        declined = await Ledger(db, 1).decline(second.id, NOW, "Ministry staff only")
        # Both decided, the table is empty: a plain rowid would start again from 1, and
        # the first form's stale Approve button would approve this one.
        third, _ = await pending.hold(db, 1, Applicant(404, 404, "kk", "Дана", "Org", "ngo",
                                                       None), Format.OFFLINE, NOW)
        news = await Notices(db).pending()
        told = await Notices(db).pending_declined()
        await erase_person(db, 303, NOW)
        left = await db.fetchall("SELECT * FROM notices WHERE kind = 'declined'")
        await Ledger(db, 1).decline(third.id, NOW, "Retention-only reason")
        await erase_event(db, 1, NOW)  # retention: the event's declines go with it
        kept_after = await db.fetchall("SELECT * FROM notices WHERE kind = 'declined'")
    finally:
        await db.close()
    assert [tuple(r) for r in kept] == [(1, 1, "promoted", 3, 1, "sent", None, None),
                                        (2, None, "organiser", 0, 0, "pending", 9000, "{}")]
    assert approved is not None and declined is not None
    assert third.id not in (first.id, second.id)
    assert [(kind.value, reg.id) for _, kind, _, reg in news] == [
        ("approved", approved.registration.id)]
    assert [(d.chat_id, d.language, d.key, d.reason) for d in told] == [
        (303, "en", "declined", "Ministry staff only")]
    assert left == []  # the person asked to be forgotten: the chat and the reason go
    assert kept_after == []
