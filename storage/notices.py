"""The outbox of seat notices (see migration 006). Rows are added by the ledger inside its
seat transactions (`add`); the sender reads what is pending and records each result."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import aiosqlite

from storage.database import Database
from storage.models import Registration, to_db


class Notice(StrEnum):
    PROMOTED = "promoted"  # a seat came free and is yours (entry code)
    RELEASED = "released"  # your seat went to the next in line (you did not confirm)


async def add(conn: aiosqlite.Connection, reg_id: int, kind: Notice, stamp: str) -> None:
    """Inside the caller's seat transaction, after the change: the news and the change
    commit together, and the notice remembers the version it is about."""
    await conn.execute(
        "INSERT INTO notices (registration_id, kind, version, created_at, updated_at)"
        " SELECT id, ?, version, ?, ? FROM registrations WHERE id = ?",
        (kind.value, stamp, stamp, reg_id))


class Notices:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def pending(self, limit: int = 100) -> list[tuple[int, Notice, int, Registration]]:
        """Oldest first: (id, kind, the version it is about, the registration as it is now)."""
        rows = await self._db.fetchall(
            "SELECT n.id AS notice_id, n.kind, n.version AS about, r.* FROM notices n"
            " JOIN registrations r ON r.id = n.registration_id"
            " WHERE n.status = 'pending' ORDER BY n.id LIMIT ?", (limit,))
        return [(int(row["notice_id"]), Notice(row["kind"]), int(row["about"]),
                 Registration.from_row(row)) for row in rows]

    async def registration(self, reg_id: int) -> Registration | None:
        """The row as it is now, for the decision made once the send slot is granted: one
        read by primary key."""
        row = await self._db.fetchone("SELECT * FROM registrations WHERE id = ?", (reg_id,))
        return None if row is None else Registration.from_row(row)

    async def begin(self, notice_id: int) -> None:
        """Written before the send: a crash after it shows as attempts > 1 later."""
        await self._db.execute("UPDATE notices SET attempts = attempts + 1 WHERE id = ?",
                               (notice_id,))

    async def record(self, notice_id: int, status: str, now: datetime) -> None:
        await self._db.execute("UPDATE notices SET status = ?, updated_at = ? WHERE id = ?",
                               (status, to_db(now), notice_id))

    async def sent_to(self, reg_id: int, kind: Notice) -> int:
        row = await self._db.fetchone(
            "SELECT COUNT(*) AS n FROM notices WHERE registration_id = ? AND kind = ?"
            " AND status = 'sent'", (reg_id, kind.value))
        return 0 if row is None else int(row["n"])
