"""After the event: who came, and the follow-up campaigns' recipients.

A follow-up is a campaign in the delivery ledger (storage/deliveries.py) like a reminder:
one row per (campaign, registration), fixed when it opens, so a restart neither loses nor
repeats a message. Only its recipients differ: they are chosen by attendance, which the
reminders' audiences (placements) do not know. "Came" is `checked_in_at`: set at the door
for a seat, and by "Join now" for an online participant."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Final

from storage.database import Database
from storage.models import Format, Registration, to_db


class FollowupAudience(StrEnum):
    """Who a follow-up reaches, of the event's active registrations."""

    ATTENDED = "attended"  # checked in at the door, or joined online
    ABSENT = "absent"  # registered, active, never came
    ONLINE = "online"  # registered online (the waitlisted included)
    ALL = "all"

    def reaches(self, reg: Registration) -> bool:
        """Checked again at send time, as the SQL below chose at the opening."""
        if not reg.active:
            return False
        came = reg.checked_in_at is not None
        return {FollowupAudience.ATTENDED: came, FollowupAudience.ABSENT: not came,
                FollowupAudience.ONLINE: reg.format is Format.ONLINE,
                FollowupAudience.ALL: True}[self]


# The same rule as SQL over `registrations r` (with reaches() above: keep them together).
_SQL: Final = {
    FollowupAudience.ATTENDED: "r.checked_in_at IS NOT NULL",
    FollowupAudience.ABSENT: "r.checked_in_at IS NULL",
    FollowupAudience.ONLINE: "r.format = 'online'",
    FollowupAudience.ALL: "1 = 1",
}
# The campaigns table's `kind` allows 'reminder' and 'broadcast' only (a CHECK from
# migration 002): a follow-up is a reminder after the end, told apart by its key.
FOLLOWUP_KIND = "reminder"


async def open_followup(db: Database, key: str, event_id: int, audience: FollowupAudience,
                        now: datetime) -> bool:
    """Create the campaign and fix its recipients in one transaction. False if it existed
    already: a resumed follow-up keeps the recipients it had."""
    async with db.transaction() as conn:
        cur = await conn.execute(
            "INSERT OR IGNORE INTO campaigns (key, kind, audience, state, opened_at, event_id)"
            " VALUES (?, ?, 'all', 'running', ?, ?)",
            (key, FOLLOWUP_KIND, to_db(now), event_id))
        if cur.rowcount == 0:
            return False
        await conn.execute(
            "INSERT OR IGNORE INTO deliveries (campaign, registration_id, status, updated_at)"
            " SELECT ?, r.id, 'pending', ? FROM registrations r"
            f" WHERE r.event_id = ? AND r.status = 'active' AND {_SQL[audience]}",
            (key, to_db(now), event_id))
        return True
