"""Migration 015 (after the event) on a database made by the schema before it: the rows
stay, and a registration of that time can get a certificate and give feedback."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage import after
from storage.database import Database
from storage.db import migrate
from storage.ledger import Ledger
from storage.models import to_db

NOW = datetime(2030, 11, 12, 15, tzinfo=UTC)


async def test_migration_015_keeps_the_rows_and_adds_the_after_tables(tmp_path: Path) -> None:
    path = tmp_path / "regbot.sqlite3"
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        before = await migrate(conn, upto=14)  # the newest schema before this one
        tables = {r[0] for r in await conn.execute_fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        stamp = to_db(NOW)
        # Event 1 is there already (migration 005 makes it).
        await conn.execute(
            "INSERT INTO registrations (id, event_id, user_id, chat_id, language, full_name,"
            " organisation, role, format, status, entry_code, created_at, updated_at,"
            " checked_in_at) VALUES (1, 1, 101, 101, 'kk', 'Айгерим', 'Org', 'ngo',"
            " 'offline', 'active', 'ABC234', ?, ?, ?)", (stamp, stamp, stamp))
    finally:
        await conn.close()
    assert before < 15 and "certificates" not in tables

    db = await Database.open(path)  # migrates to the newest
    try:
        reg = await Ledger(db, 1).get(101)
        assert reg is not None and reg.checked_in_at == NOW  # the row is kept as it was
        cert = await after.certificate_for(db, reg, "ABCDEFGHJK")
        await after.mark_issued(db, reg.id, NOW)
        await after.poll_sent(db, reg.id, "p1")
        await after.rate(db, "p1", 101, 4, NOW)
        version = await db.fetchone("PRAGMA user_version")
        found = await after.verify(db, "abcdefghjk")
        feedback = await after.feedback_of(db, reg.event_id)
    finally:
        await db.close()
    assert version is not None and version[0] >= 15
    assert cert.full_name == "Айгерим" and found is not None and found.code == cert.code
    assert feedback.ratings[4] == 1
