"""The organisers' audit trail: one row per admin action (who, what, on whom, when)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import Database
from storage.models import to_db
from storage.notices import Letter, add_organiser


@dataclass(frozen=True)
class AuditEntry:
    id: int
    admin_id: int
    action: str
    registration_id: int | None
    target_name: str | None  # the registration's current name, for display
    details: str
    at: datetime


class AuditLog:
    """One event's trail (actions on no event, like creating one, go to the new event's)."""

    def __init__(self, db: Database, event: int) -> None:
        self._db = db
        self._event = event

    async def record(self, admin_id: int, action: str, now: datetime,
                     registration_id: int | None = None, details: str = "") -> None:
        await self._db.execute(
            "INSERT INTO audit (admin_id, action, registration_id, details, at, event_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (admin_id, action, registration_id, details, to_db(now), self._event),
        )

    async def record_in(self, conn: aiosqlite.Connection, admin_id: int, action: str,
                        now: datetime, details: str = "") -> None:
        """The same, inside the caller's transaction (it commits with the change)."""
        await conn.execute(
            "INSERT INTO audit (admin_id, action, registration_id, details, at, event_id)"
            " VALUES (?, ?, NULL, ?, ?, ?)",
            (admin_id, action, details, to_db(now), self._event))

    async def latest(self, limit: int = 20) -> list[AuditEntry]:
        """Newest first."""
        rows = await self._db.fetchall(
            "SELECT a.*, r.full_name FROM audit a"
            " LEFT JOIN registrations r ON r.id = a.registration_id"
            " WHERE a.event_id = ? ORDER BY a.id DESC LIMIT ?", (self._event, limit))
        entries = []
        for row in rows:
            at = datetime.fromisoformat(row["at"])  # NOT NULL in the schema
            entries.append(AuditEntry(row["id"], row["admin_id"], row["action"],
                                      row["registration_id"], row["full_name"],
                                      row["details"], at))
        return entries


# The "admin" of a participant's own action (migration 013): a cancellation, a "No, free
# my seat", an erasure, which the organisers are told of in a digest.
PARTICIPANT = 0


@dataclass(frozen=True)
class News:
    id: int
    event_id: int
    action: str
    registration_id: int | None
    name: str  # the registration's current name; "" once erased
    at: datetime


class Untold:
    """Participants' actions the organisers have not been told of yet (the outbox's)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def pending(self, limit: int = 500) -> list[News]:
        """Oldest first."""
        return await self._news("a.told_at IS NULL ORDER BY a.id LIMIT ?", (limit,))

    async def items(self, ids: list[int]) -> list[News]:
        """These steps as they read now (a name erased since shows as ""), oldest first."""
        marks = ",".join("?" * len(ids))
        return await self._news(f"a.id IN ({marks}) ORDER BY a.id", tuple(ids))

    async def _news(self, where: str, args: tuple[object, ...]) -> list[News]:
        rows = await self._db.fetchall(
            "SELECT a.id, a.event_id, a.action, a.registration_id, a.at,"
            " COALESCE(r.full_name, '') AS full_name FROM audit a"
            " LEFT JOIN registrations r ON r.id = a.registration_id"
            f" WHERE a.admin_id = 0 AND {where}", args)
        return [News(int(r["id"]), int(r["event_id"]), r["action"], r["registration_id"],
                     r["full_name"], datetime.fromisoformat(r["at"])) for r in rows]

    async def queue(self, letters: list[tuple[int, Letter]], ids: list[int],
                    now: datetime) -> None:
        """One transaction: a letter to each organiser's chat (the outbox sends, records
        and resumes them) and these steps marked told, so a crash neither loses the digest
        nor sends it twice. The letters carry the steps' ids, no names: the text is made
        when each goes, and an erasure meanwhile leaves nothing of the person in them."""
        marks = ",".join("?" * len(ids))
        stamp = to_db(now)
        async with self._db.transaction() as conn:
            for chat_id, letter in letters:
                await add_organiser(conn, chat_id, letter, stamp)
            await conn.execute(f"UPDATE audit SET told_at = ? WHERE id IN ({marks})",
                               (stamp, *ids))
