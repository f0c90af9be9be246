"""After the event: who came, and the follow-up campaigns' recipients.

A follow-up is a campaign in the delivery ledger (storage/deliveries.py) like a reminder:
one row per (campaign, registration), fixed when it opens, so a restart neither loses nor
repeats a message. Its recipients come from the one audience rule (storage.models.Audience),
whose `attended` and `absent` read attendance: `checked_in_at`, set at the door for a seat,
and by "Join now" (or an organiser's mark) for an online participant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.database import Database
from storage.models import Audience, Registration, audience_sql, from_db, to_db

# The campaigns table's `kind` allows 'reminder' and 'broadcast' only (a CHECK from
# migration 002): a follow-up is a reminder after the end, told apart by its key.
FOLLOWUP_KIND = "reminder"


async def open_followup(db: Database, key: str, event_id: int, audience: Audience,
                        now: datetime) -> bool:
    """Create the campaign and fix its recipients in one transaction. False if it existed
    already: a resumed follow-up keeps the recipients it had."""
    async with db.transaction() as conn:
        cur = await conn.execute(
            "INSERT OR IGNORE INTO campaigns (key, kind, audience, state, opened_at, event_id)"
            " VALUES (?, ?, ?, 'running', ?, ?)",
            (key, FOLLOWUP_KIND, audience.value, to_db(now), event_id))
        if cur.rowcount == 0:
            return False
        await conn.execute(
            "INSERT OR IGNORE INTO deliveries (campaign, registration_id, status, updated_at)"
            " SELECT ?, r.id, 'pending', ? FROM registrations r"
            f" WHERE r.event_id = ? AND {audience_sql(audience)}",
            (key, to_db(now), event_id))
        return True


# --- certificates -----------------------------------------------------------------------

@dataclass(frozen=True)
class Certificate:
    registration_id: int
    code: str
    full_name: str
    corrected: bool
    issued_at: datetime | None
    event_id: int


_CERT_SQL = ("SELECT c.*, r.event_id AS event_id FROM certificates c"
             " JOIN registrations r ON r.id = c.registration_id")


def _certificate(row: Any) -> Certificate:
    return Certificate(int(row["registration_id"]), str(row["code"]), str(row["full_name"]),
                       row["corrected_at"] is not None, from_db(row["issued_at"]),
                       int(row["event_id"]))


async def certificate_for(db: Database, reg: Registration, code: str) -> Certificate:
    """The registration's certificate, made (with `code` and the registered name) on first
    asking; the same one every time after."""
    await db.execute("INSERT OR IGNORE INTO certificates (registration_id, code, full_name)"
                     " VALUES (?, ?, ?)", (reg.id, code, reg.full_name))
    found = await certificate(db, reg.id)
    if found is None:  # inserted just above: only a broken database gets here
        raise LookupError(f"certificate of registration {reg.id} vanished")
    return found


async def certificate(db: Database, registration_id: int) -> Certificate | None:
    row = await db.fetchone(f"{_CERT_SQL} WHERE c.registration_id = ?", (registration_id,))
    return None if row is None else _certificate(row)


async def correct_name(db: Database, registration_id: int, name: str, now: datetime) -> bool:
    """The one correction, before the certificate is issued; False if it was used."""
    return await db.execute(
        "UPDATE certificates SET full_name = ?, corrected_at = ? WHERE registration_id = ?"
        " AND corrected_at IS NULL AND issued_at IS NULL",
        (name, to_db(now), registration_id)) == 1


async def mark_issued(db: Database, registration_id: int, now: datetime) -> None:
    await db.execute("UPDATE certificates SET issued_at = COALESCE(issued_at, ?)"
                     " WHERE registration_id = ?", (to_db(now), registration_id))


async def verify(db: Database, code: str) -> Certificate | None:
    """An issued certificate by its code; erased registrations have none any more."""
    row = await db.fetchone(f"{_CERT_SQL} WHERE c.code = ? AND c.issued_at IS NOT NULL"
                            " AND r.erased_at IS NULL", (code.strip().upper(),))
    return None if row is None else _certificate(row)


# --- feedback ---------------------------------------------------------------------------

async def poll_sent(db: Database, registration_id: int, poll_id: str) -> None:
    await db.execute("INSERT INTO feedback (registration_id, poll_id) VALUES (?, ?)"
                     " ON CONFLICT (registration_id) DO UPDATE SET poll_id = excluded.poll_id",
                     (registration_id, poll_id))


async def rate(db: Database, poll_id: str, user_id: int, rating: int | None,
               now: datetime) -> int | None:
    """Store (or, on a retracted vote, clear) the rating of the poll sent to `user_id`;
    the registration's id, or None for a poll that is not theirs."""
    row = await db.fetchone("SELECT f.registration_id FROM feedback f JOIN registrations r"
                            " ON r.id = f.registration_id WHERE f.poll_id = ? AND r.user_id = ?",
                            (poll_id, user_id))
    if row is None:
        return None
    await db.execute("UPDATE feedback SET rating = ?, answered_at = ? WHERE poll_id = ?",
                     (rating, to_db(now), poll_id))
    return int(row["registration_id"])


async def comment(db: Database, registration_id: int, text: str, now: datetime) -> None:
    await db.execute("UPDATE feedback SET comment = ?, answered_at = ? WHERE registration_id = ?",
                     (text, to_db(now), registration_id))


@dataclass(frozen=True)
class Feedback:
    ratings: dict[int, int]  # 1-5 -> how many
    comments: list[str]


async def feedback_of(db: Database, event_id: int) -> Feedback:
    rows = await db.fetchall(
        "SELECT f.rating, f.comment FROM feedback f JOIN registrations r"
        " ON r.id = f.registration_id WHERE r.event_id = ? ORDER BY f.answered_at", (event_id,))
    ratings = dict.fromkeys(range(1, 6), 0)
    for row in rows:
        if row["rating"] is not None:
            ratings[int(row["rating"])] += 1
    return Feedback(ratings, [str(r["comment"]) for r in rows if r["comment"]])


# --- who came online --------------------------------------------------------------------

async def mark_joined(db: Database, registration_id: int, user_id: int,
                      now: datetime) -> Registration | None:
    """"Join now" pressed: the online participant came (the first press counts). None if
    the registration is not this person's active online one."""
    await db.execute(
        "UPDATE registrations SET checked_in_at = ?, version = version + 1 WHERE id = ?"
        " AND user_id = ? AND status = 'active' AND format = 'online' AND checked_in_at IS NULL",
        (to_db(now), registration_id, user_id))
    row = await db.fetchone("SELECT * FROM registrations WHERE id = ? AND user_id = ?"
                            " AND status = 'active' AND format = 'online'",
                            (registration_id, user_id))
    return None if row is None else Registration.from_row(row)


async def mark_present(db: Database, registration_id: int, event_id: int, present: bool,
                       now: datetime) -> bool:
    """An organiser's mark in the registration's details: present or absent."""
    return await db.execute(
        "UPDATE registrations SET checked_in_at = ?, version = version + 1 WHERE id = ?"
        " AND event_id = ? AND status = 'active'",
        (to_db(now) if present else None, registration_id, event_id)) == 1


async def waitlist_moves(db: Database, event_id: int) -> tuple[int, int]:
    """(seats given from the waitlist, seats freed by "not coming"), from the outbox's
    notices, which every such move writes."""
    rows = await db.fetchall(
        "SELECT n.kind, COUNT(*) AS k FROM notices n JOIN registrations r"
        " ON r.id = n.registration_id WHERE r.event_id = ? GROUP BY n.kind", (event_id,))
    found = {str(r["kind"]): int(r["k"]) for r in rows}
    return found.get("promoted", 0), found.get("released", 0)


async def results(db: Database, event_id: int) -> dict[int, tuple[str, str, str]]:
    """Per registration of the event with any: (rating, comment, certificate code), ""
    where there is none; for the export."""
    rows = await db.fetchall(
        "SELECT r.id, f.rating, f.comment, c.code FROM registrations r"
        " LEFT JOIN feedback f ON f.registration_id = r.id"
        " LEFT JOIN certificates c ON c.registration_id = r.id AND c.issued_at IS NOT NULL"
        " WHERE r.event_id = ? AND (f.registration_id IS NOT NULL OR c.code IS NOT NULL)",
        (event_id,))
    return {int(r["id"]): ("" if r["rating"] is None else str(r["rating"]),
                           r["comment"] or "", r["code"] or "") for r in rows}
