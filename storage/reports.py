"""Read-only views of one event's ledger for organisers: paged lists, the door list, the
export."""

from __future__ import annotations

from typing import Final

from storage.database import Database
from storage.models import Audience, Counts, Placement, Registration, audience_sql, placement_sql

KINDS: Final = ("offline", "waitlist", "online", "all")
# The lists are the campaign audiences' rule, with two differences on purpose: the online
# list is the online-only (the waitlisted have their own list, so each person shows once),
# and "all" is every registration ever made, cancelled ones included.
_WHERE: Final = {
    "offline": audience_sql(Audience.OFFLINE),
    "waitlist": audience_sql(Audience.WAITLIST),
    "online": placement_sql([Placement.ONLINE]),
    "all": "1",
}
_ORDER: Final = {
    "offline": "r.full_name, r.id",
    "waitlist": "r.queue_no",  # queue order: the list position is the queue position
    "online": "r.id",
    "all": "r.id",
}


class Reports:
    def __init__(self, db: Database, event: int) -> None:
        self._db = db
        self._event = event

    async def queue_positions(self) -> dict[int, int]:
        """Registration id -> place in the waitlist, for everyone waiting: one query for a
        whole page instead of one per row."""
        rows = await self._db.fetchall(
            "SELECT r.id, ROW_NUMBER() OVER (ORDER BY r.queue_no) AS pos FROM registrations r"
            f" WHERE r.event_id = ? AND {audience_sql(Audience.WAITLIST)}",  # queue_no: queued
            (self._event,))
        return {int(row["id"]): int(row["pos"]) for row in rows}

    async def page(self, kind: str, offset: int, limit: int) -> list[Registration]:
        rows = await self._db.fetchall(
            f"SELECT r.* FROM registrations r WHERE r.event_id = ? AND {_where(kind)}"
            f" ORDER BY {_ORDER[kind]} LIMIT ? OFFSET ?", (self._event, limit, offset))
        return [Registration.from_row(row) for row in rows]

    async def everyone(self) -> list[Registration]:
        """Every registration ever made, cancelled ones included, in the order they came."""
        rows = await self._db.fetchall(
            "SELECT * FROM registrations WHERE event_id = ? ORDER BY id", (self._event,))
        return [Registration.from_row(row) for row in rows]

    async def seated(self) -> list[Registration]:
        return await self.page("offline", 0, -1)


def sizes(counts: Counts) -> dict[str, int]:
    """How many rows each list has, from the ledger's counts (no query of its own)."""
    return {"offline": counts.seated, "waitlist": counts.waitlisted, "online": counts.online,
            "all": counts.seated + counts.waitlisted + counts.online + counts.cancelled}


def _where(kind: str) -> str:
    if kind not in _WHERE:
        raise ValueError(f"unknown list {kind!r}")
    return _WHERE[kind]
