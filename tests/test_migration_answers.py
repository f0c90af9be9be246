"""Migration 016 (the organiser's own form) on a database made by the schema before it:
the rows stay, read with no answers, take answers on a new registration, and a form can
wait for approval and be approved into a seat."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage import pending
from storage.database import Database
from storage.db import migrate
from storage.ledger import Ledger
from storage.models import Applicant, Format, Placement, to_db

NOW = datetime(2030, 11, 12, 15, tzinfo=UTC)


async def test_migration_016_keeps_the_rows_and_adds_answers_and_waiting(
        tmp_path: Path) -> None:
    path = tmp_path / "regbot.sqlite3"
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        before = await migrate(conn, upto=15)  # the newest schema before this one
        columns = {r[1] for r in await conn.execute_fetchall(
            "PRAGMA table_info(registrations)")}
        stamp = to_db(NOW)
        await conn.execute(
            "INSERT INTO registrations (id, event_id, user_id, chat_id, language, full_name,"
            " organisation, role, format, status, created_at, updated_at) VALUES"
            " (1, 1, 101, 101, 'kk', 'Айгерим', 'Org', 'ngo', 'online', 'active', ?, ?)",
            (stamp, stamp))
    finally:
        await conn.close()
    assert before < 16 and "answers" not in columns

    db = await Database.open(path)  # migrates to the newest
    try:
        old = await Ledger(db, 1).get(101)
        await db.execute("UPDATE events SET capacity = 1 WHERE id = 1")
        who = Applicant(202, 202, "en", "Bob Brown", "Org", "ngo", None,
                        answers={"topic": "NGOs", "years": 7})
        waiting, fresh = await pending.hold(db, 1, who, Format.OFFLINE, NOW)
        approved = await Ledger(db, 1).approve(waiting.id, NOW)
        left = await pending.count(db, 1)
    finally:
        await db.close()
    assert old is not None and old.full_name == "Айгерим" and dict(old.answers) == {}
    assert fresh and approved is not None and left == 0
    assert approved.registration.placement is Placement.SEATED
    assert dict(approved.registration.answers) == {"topic": "NGOs", "years": 7}
