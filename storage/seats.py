"""Organiser-only seat moves that the participant-facing Ledger does not offer.

Built on the ledger's own in-transaction helpers, so the no-overbooking rule is the same:
capacity is read, checked and acted on inside one BEGIN IMMEDIATE."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.ledger import _capacity, _counts, _give_seat, _must_get
from storage.models import Registration, to_db


async def promote(db: Database, reg_id: int, default_capacity: int,
                  now: datetime) -> tuple[str, Registration | None]:
    """Give a free seat to this waitlisted registration (the organiser's choice, even if
    others are ahead of it). ('ok'|'full'|'not-waitlisted'|'unknown', registration)."""
    async with db.transaction() as conn:
        async with conn.execute("SELECT * FROM registrations WHERE id = ?", (reg_id,)) as cur:
            row = await cur.fetchone()
        if row is None:
            return "unknown", None
        reg = Registration.from_row(row)
        if not reg.active or reg.waitlisted_at is None:
            return "not-waitlisted", reg
        capacity = await _capacity(conn, default_capacity)
        if (await _counts(conn, capacity)).seats_left <= 0:
            return "full", reg
        await _give_seat(conn, reg.user_id, to_db(now))
        return "ok", await _must_get(conn, reg.user_id)
