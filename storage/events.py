"""The events table: which events exist, their stored definition (JSON the layer above
reads), room size, intake and calendar sequence. Knows nothing of what the JSON means."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from weakref import WeakKeyDictionary

import aiosqlite

from storage.database import Database
from storage.models import from_db, to_db

_INTAKES: WeakKeyDictionary[Database, dict[int, str]] = WeakKeyDictionary()


def intakes(db: Database) -> dict[int, str]:
    """Each event's stored intake, as far as read: a copy (see Ledger.intake), kept up to
    date by the writes here and in the ledger."""
    return _INTAKES.setdefault(db, {})


@dataclass(frozen=True)
class EventRow:
    id: int
    slug: str | None  # None: the placeholder that migration 005 made for older rows
    source: str  # 'config' | 'chat'
    definition: str  # JSON
    starts_at: datetime | None
    capacity: int
    capacity_override: int | None
    intake: str
    sequence: int
    version: int  # raised by every change (edit, /capacity, /close, /open): drafts carry it

    @property
    def room_size(self) -> int:
        return self.capacity if self.capacity_override is None else self.capacity_override

    @classmethod
    def from_row(cls, row: Any) -> EventRow:
        return cls(int(row["id"]), row["slug"], row["source"], row["definition"],
                   from_db(row["starts_at"]), int(row["capacity"]), row["capacity_override"],
                   row["intake"], int(row["sequence"]), int(row["version"]))


@dataclass(frozen=True)
class Synced:
    """What one start-up sync of a config event did."""

    row: EventRow
    created: bool
    adopted: bool  # took over the rows kept from before events existed
    override_cleared: bool  # the config's room size changed, so /capacity's no longer holds


class EventStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self) -> list[EventRow]:
        rows = await self._db.fetchall(
            "SELECT * FROM events WHERE slug IS NOT NULL ORDER BY starts_at, id")
        return [EventRow.from_row(r) for r in rows]

    async def get(self, event_id: int) -> EventRow | None:
        row = await self._db.fetchone("SELECT * FROM events WHERE id = ?", (event_id,))
        return None if row is None else EventRow.from_row(row)

    async def by_slug(self, slug: str) -> EventRow | None:
        row = await self._db.fetchone("SELECT * FROM events WHERE slug = ?", (slug,))
        return None if row is None else EventRow.from_row(row)

    async def sync(self, slug: str, definition: str, starts_at: datetime, capacity: int,
                   now: datetime, adopt: bool) -> Synced:
        """Create or update a config event by slug, in one transaction. With `adopt`, the
        placeholder (rows from before events existed) becomes this event."""
        stamp, starts = to_db(now), to_db(starts_at)
        async with self._db.transaction() as conn:
            found = next(iter(await conn.execute_fetchall(
                "SELECT * FROM events WHERE slug = ?", (slug,))), None)
            adopted = False
            if found is None and adopt:
                adopted = (await conn.execute(
                    "UPDATE events SET slug = ?, capacity = ? WHERE slug IS NULL",
                    (slug, capacity))).rowcount == 1
                found = next(iter(await conn.execute_fetchall(
                    "SELECT * FROM events WHERE slug = ?", (slug,))), None)
            if found is None:
                cur = await conn.execute(
                    "INSERT INTO events (slug, source, definition, starts_at, capacity,"
                    " created_at, updated_at) VALUES (?, 'config', ?, ?, ?, ?, ?) RETURNING *",
                    (slug, definition, starts, capacity, stamp, stamp))
                row = EventRow.from_row(await cur.fetchone())
                return Synced(row, created=True, adopted=False, override_cleared=False)
            old = EventRow.from_row(found)
            cleared = old.capacity_override is not None and old.capacity != capacity
            moved = old.starts_at is not None and old.starts_at != starts_at
            cur = await conn.execute(
                "UPDATE events SET source = 'config', definition = ?, starts_at = ?,"
                " capacity = ?, capacity_override = CASE WHEN ? THEN NULL"
                " ELSE capacity_override END, sequence = sequence + ?, updated_at = ?"
                " WHERE id = ? RETURNING *",
                (definition, starts, capacity, cleared, int(moved), stamp, old.id))
            row = EventRow.from_row(await cur.fetchone())
            return Synced(row, created=False, adopted=adopted, override_cleared=cleared)

    async def create(self, slug: str, definition: str, starts_at: datetime, capacity: int,
                     now: datetime, source: str = "chat") -> EventRow:
        stamp = to_db(now)
        row = next(iter(await self._db.write_returning(
            "INSERT INTO events (slug, source, definition, starts_at, capacity, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
            (slug, source, definition, to_db(starts_at), capacity, stamp, stamp))), None)
        if row is None:
            raise LookupError(slug)
        return EventRow.from_row(row)

    async def locked(self, conn: aiosqlite.Connection, event_id: int) -> EventRow | None:
        """Inside the caller's transaction (BEGIN IMMEDIATE: no one else writes meanwhile)."""
        found = next(iter(await conn.execute_fetchall(
            "SELECT * FROM events WHERE id = ?", (event_id,))), None)
        return None if found is None else EventRow.from_row(found)

    async def update(self, conn: aiosqlite.Connection, event_id: int, definition: str,
                     starts_at: datetime, capacity: int, now: datetime,
                     bump_sequence: bool) -> EventRow | None:
        """An organiser's edit of a chat-made event, inside the caller's transaction. A new
        room size replaces /capacity's; the version goes up."""
        row = next(iter(await conn.execute_fetchall(
            "UPDATE events SET definition = ?, starts_at = ?, capacity = ?,"
            " capacity_override = NULL, sequence = sequence + ?, version = version + 1,"
            " updated_at = ? WHERE id = ? RETURNING *",
            (definition, to_db(starts_at), capacity, int(bump_sequence), to_db(now),
             event_id))), None)
        return None if row is None else EventRow.from_row(row)

    async def set_intake(self, event_id: int, intake: str) -> None:
        await self._db.execute("UPDATE events SET intake = ?, version = version + 1"
                               " WHERE id = ?", (intake, event_id))
        intakes(self._db)[event_id] = intake

    async def current_of(self, admin_id: int) -> int | None:
        row = await self._db.fetchone(
            "SELECT event_id FROM admin_event WHERE admin_id = ?", (admin_id,))
        return None if row is None else int(row["event_id"])

    async def choose(self, admin_id: int, event_id: int) -> None:
        await self._db.execute(
            "INSERT INTO admin_event (admin_id, event_id) VALUES (?, ?)"
            " ON CONFLICT (admin_id) DO UPDATE SET event_id = excluded.event_id",
            (admin_id, event_id))

    async def counts(self) -> dict[int, tuple[int, int, int]]:
        """Event id -> (seated, waitlisted, online), active registrations only."""
        rows = await self._db.fetchall(
            "SELECT event_id, COUNT(*) FILTER (WHERE format = 'offline') AS seated,"
            " COUNT(*) FILTER (WHERE queue_no IS NOT NULL) AS waiting,"
            " COUNT(*) FILTER (WHERE format = 'online' AND queue_no IS NULL) AS online"
            " FROM registrations WHERE status = 'active' GROUP BY event_id")
        return {int(r["event_id"]): (int(r["seated"]), int(r["waiting"]), int(r["online"]))
                for r in rows}
