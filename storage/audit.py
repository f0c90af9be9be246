"""The organisers' audit trail: one row per admin action (who, what, on whom, when)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database
from storage.models import to_db


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
    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(self, admin_id: int, action: str, now: datetime,
                     registration_id: int | None = None, details: str = "") -> None:
        await self._db.execute(
            "INSERT INTO audit (admin_id, action, registration_id, details, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (admin_id, action, registration_id, details, to_db(now)),
        )

    async def latest(self, limit: int = 20) -> list[AuditEntry]:
        """Newest first."""
        rows = await self._db.fetchall(
            "SELECT a.*, r.full_name FROM audit a"
            " LEFT JOIN registrations r ON r.id = a.registration_id"
            " ORDER BY a.id DESC LIMIT ?", (limit,))
        entries = []
        for row in rows:
            at = datetime.fromisoformat(row["at"])  # NOT NULL in the schema
            entries.append(AuditEntry(row["id"], row["admin_id"], row["action"],
                                      row["registration_id"], row["full_name"],
                                      row["details"], at))
        return entries
