"""Read-only views of the ledger for organisers: paged lists, the door list, the export."""

from __future__ import annotations

from typing import Final

from storage.database import Database
from storage.models import Registration

KINDS: Final = ("offline", "waitlist", "online", "all")
_WHERE: Final = {
    "offline": "status = 'active' AND format = 'offline'",
    "waitlist": "status = 'active' AND waitlisted_at IS NOT NULL",
    "online": "status = 'active' AND format = 'online' AND waitlisted_at IS NULL",
    "all": "1",
}
_ORDER: Final = {
    "offline": "full_name, id",
    "waitlist": "queue_no",  # queue order: the list position is the queue position
    "online": "id",
    "all": "id",
}


class Reports:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def count(self, kind: str) -> int:
        row = await self._db.fetchone(
            f"SELECT COUNT(*) AS n FROM registrations WHERE {_where(kind)}")
        return 0 if row is None else int(row["n"])

    async def page(self, kind: str, offset: int, limit: int) -> list[Registration]:
        rows = await self._db.fetchall(
            f"SELECT * FROM registrations WHERE {_where(kind)} ORDER BY {_ORDER[kind]}"
            " LIMIT ? OFFSET ?", (limit, offset))
        return [Registration.from_row(row) for row in rows]

    async def everyone(self) -> list[Registration]:
        """Every registration ever made, cancelled ones included, in the order they came."""
        rows = await self._db.fetchall("SELECT * FROM registrations ORDER BY id")
        return [Registration.from_row(row) for row in rows]

    async def seated(self) -> list[Registration]:
        return await self.page("offline", 0, -1)


def _where(kind: str) -> str:
    if kind not in _WHERE:
        raise ValueError(f"unknown list {kind!r}")
    return _WHERE[kind]
