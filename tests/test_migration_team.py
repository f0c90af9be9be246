"""Upgrading a database made by the schema before the team (migration 014): every row is
kept, nobody is a member yet, and earlier check-ins have no "by whom"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage.database import Database
from storage.db import migrate
from storage.ledger import Ledger
from storage.models import to_db
from storage.team import TeamStore

T = to_db(datetime(2030, 11, 1, tzinfo=UTC))


async def old_database(path: Path) -> None:
    """The schema just before 014, with an event and a checked-in seat."""
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        assert await migrate(conn, upto=13) < 14
        # Event 1 is the placeholder migration 005 made; the config's event adopts it.
        await conn.execute("UPDATE events SET slug = 'event', starts_at = ?, capacity = 10"
                           " WHERE id = 1", (T,))
        await conn.execute(
            "INSERT INTO registrations (event_id, user_id, chat_id, language, full_name,"
            " organisation, role, format, status, entry_code, created_at, updated_at,"
            " checked_in_at) VALUES (1, 101, 101, 'kk', 'Айгерим', 'Org', 'ngo', 'offline',"
            " 'active', 'ABC234', ?, ?, ?)", (T, T, T))
    finally:
        await conn.close()


async def test_the_team_tables_arrive_empty_and_rows_stay(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    await old_database(path)
    db = await Database.open(path)  # migrates to the newest schema
    try:
        store = TeamStore(db)
        members = await store.active()
        seat = await Ledger(db, 1).get(101)
        by = await store.checked_in_by(seat.id) if seat else -1
        again, _ = await Ledger(db, 1).check_in("ABC234", datetime(2030, 11, 2, tzinfo=UTC), 7)
        version = await db.fetchone("PRAGMA user_version")
    finally:
        await db.close()
    assert members == []
    assert seat is not None and seat.full_name == "Айгерим" and seat.checked_in_at is not None
    assert by is None and again == "already"
    assert version is not None and version[0] >= 14
