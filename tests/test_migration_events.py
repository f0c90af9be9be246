"""Upgrading a database made by the schema before events existed (migrations 1-4): every
row is kept and belongs to the config's event once it is synced."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage.audit import Untold
from storage.database import Database
from storage.db import migrate
from storage.events import EventStore
from storage.ledger import Ledger
from storage.models import to_db

T = to_db(datetime(2030, 10, 1, tzinfo=UTC))
ROW = ("INSERT INTO registrations (id, user_id, chat_id, language, full_name, organisation,"
       " role, phone, format, status, waitlisted_at, queue_no, entry_code, created_at,"
       " updated_at, cancelled_at) VALUES (?, ?, ?, 'ru', ?, 'Org', 'ngo', ?, ?, ?, ?, ?, ?,"
       " ?, ?, ?)")


async def old_database(path: Path) -> None:
    """Schema 4, filled the way the bot of that time filled it."""
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        assert await migrate(conn, upto=4) == 4
        rows = [
            (1, 101, 101, "Айгерим", "+77001112233", "offline", "active", None, None, "ABC234",
             T, T, None),
            (2, 102, 102, "Bob", None, "online", "active", T, 1, None, T, T, None),
            (3, 103, 103, "Carl", None, "online", "cancelled", None, None, None, T, T, T),
        ]
        for values in rows:
            await conn.execute(ROW, values)
        await conn.execute("INSERT INTO event_settings VALUES ('capacity', '1')")
        await conn.execute("INSERT INTO event_settings VALUES ('intake', 'online-only')")
        await conn.execute("INSERT INTO campaigns (key, kind, audience, state, opened_at)"
                           " VALUES ('reminder:86400s-all', 'reminder', 'all', 'done', ?)", (T,))
        await conn.execute("INSERT INTO deliveries (campaign, registration_id, status,"
                           " updated_at) VALUES ('reminder:86400s-all', 1, 'sent', ?)", (T,))
        await conn.execute("INSERT INTO audit (admin_id, action, registration_id, at)"
                           " VALUES (9000, 'capacity', NULL, ?)", (T,))
        await conn.execute("INSERT INTO fsm (key, state, data) VALUES ('k', 'Form:name', '{}')")
        await conn.execute("INSERT INTO groups_told VALUES (-100)")
    finally:
        await conn.close()


async def test_every_row_is_kept_and_joins_the_configs_event(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    await old_database(path)
    db = await Database.open(path)  # migrates to the newest schema
    try:
        synced = await EventStore(db).sync("roundtable", '{"title": "x"}',
                                           datetime(2030, 11, 12, 12, tzinfo=UTC), 10,
                                           datetime(2030, 10, 2, tzinfo=UTC), adopt=True)
        ledger = Ledger(db, synced.row.id)
        counts = await ledger.counts()
        seated, waiting = await ledger.get(101), await ledger.get(102)
        position = await ledger.waitlist_position(102)
        tables = {t: (await db.fetchone(f"SELECT COUNT(*) AS n FROM {t}") or {"n": -1})["n"]
                  for t in ("registrations", "campaigns", "deliveries", "audit", "fsm",
                            "groups_told")}
        keys = [r["key"] for r in await db.fetchall("SELECT key FROM campaigns")]
        audit_events = [r["event_id"] for r in await db.fetchall("SELECT event_id FROM audit")]
        version = await db.fetchone("PRAGMA user_version")
    finally:
        await db.close()
    assert synced.adopted and synced.row.id == 1 and synced.row.slug == "roundtable"
    assert synced.row.capacity_override == 1 and synced.row.intake == "online-only"
    assert tables == {"registrations": 3, "campaigns": 1, "deliveries": 1, "audit": 1,
                      "fsm": 1, "groups_told": 1}
    assert (counts.capacity, counts.seated, counts.waitlisted, counts.cancelled) == (1, 1, 1, 1)
    assert seated is not None and seated.entry_code == "ABC234"
    assert seated.full_name == "Айгерим" and seated.phone == "+77001112233"
    assert waiting is not None and position == 1
    assert keys == ["reminder:1:86400s-all"] and audit_events == [1]
    assert version is not None and version[0] >= 5


async def test_a_second_event_has_its_own_room(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    await old_database(path)
    db = await Database.open(path)
    try:
        store = EventStore(db)
        now = datetime(2030, 10, 2, tzinfo=UTC)
        first = await store.sync("first", "{}", datetime(2030, 11, 12, tzinfo=UTC), 10, now,
                                 adopt=True)
        second = await store.sync("second", "{}", datetime(2030, 12, 12, tzinfo=UTC), 5, now,
                                  adopt=False)
        counts = await Ledger(db, second.row.id).counts()
        again = await store.sync("first", "{}", datetime(2030, 11, 12, tzinfo=UTC), 12, now,
                                 adopt=True)
    finally:
        await db.close()
    assert second.created and not second.adopted and second.row.id != first.row.id
    assert (counts.capacity, counts.seated, counts.waitlisted) == (5, 0, 0)
    # The config's size changed: the /capacity of before no longer holds.
    assert again.override_cleared and again.row.room_size == 12


async def test_migration_013_keeps_the_organisers_actions_told(tmp_path: Path) -> None:
    """Issue 19: a database of schema 9 gains told_at; its organiser rows are not news."""
    path = tmp_path / "old.sqlite3"
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        assert await migrate(conn, upto=9) == 9
        await conn.execute("INSERT INTO audit (admin_id, action, at, event_id)"
                           " VALUES (9000, 'close', ?, 1)", (T,))
    finally:
        await conn.close()
    db = await Database.open(path)
    try:
        assert await Untold(db).pending() == []
        await db.execute("INSERT INTO audit (admin_id, action, at, event_id)"
                         " VALUES (0, 'self-cancel', ?, 1)", (T,))
        news = await Untold(db).pending()
        assert [(n.action, n.event_id) for n in news] == [("self-cancel", 1)]
    finally:
        await db.close()
