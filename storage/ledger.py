"""Seat decisions. Each public method that changes seats is exactly one transaction:
capacity is read, checked and acted on under BEGIN IMMEDIATE, so no interleaving of
coroutines or processes can overbook the room."""

from __future__ import annotations

import secrets
from datetime import datetime

import aiosqlite

from storage.database import Database
from storage.models import Applicant, Counts, Format, Outcome, Registration, Status, to_db

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud at the door
CODE_LENGTH = 6
_ACTIVE = "status = 'active'"


class Ledger:
    def __init__(self, db: Database, default_capacity: int) -> None:
        self.db = db
        self._default_capacity = default_capacity

    # --- reads -----------------------------------------------------------------
    async def get(self, user_id: int) -> Registration | None:
        row = await self.db.fetchone("SELECT * FROM registrations WHERE user_id = ?", (user_id,))
        return None if row is None else Registration.from_row(row)

    async def get_by_id(self, reg_id: int) -> Registration | None:
        row = await self.db.fetchone("SELECT * FROM registrations WHERE id = ?", (reg_id,))
        return None if row is None else Registration.from_row(row)

    async def counts(self) -> Counts:
        # One SELECT reads one snapshot: no transaction (and no write lock) for a read.
        row = await self.db.fetchone(
            "SELECT c.*, (SELECT value FROM event_settings WHERE key = 'capacity') AS capacity"
            f" FROM ({_COUNTS}) c")
        assert row is not None
        capacity = row["capacity"]
        return _as_counts(row, self._default_capacity if capacity is None else int(capacity))

    async def waitlist_position(self, user_id: int) -> int | None:
        row = await self.db.fetchone(
            "SELECT (SELECT COUNT(*) FROM registrations q WHERE q.waitlisted_at IS NOT NULL"
            " AND q.status = 'active' AND (q.waitlisted_at, q.id) <= (r.waitlisted_at, r.id))"
            " AS pos FROM registrations r WHERE r.user_id = ? AND r.waitlisted_at IS NOT NULL"
            " AND r.status = 'active'",
            (user_id,),
        )
        return None if row is None else int(row["pos"])

    async def setting(self, key: str) -> str | None:
        row = await self.db.fetchone("SELECT value FROM event_settings WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    async def remember_group(self, chat_id: int) -> bool:
        """True the first time a group chat is seen (so the bot speaks there only once)."""
        return await self.db.execute(
            "INSERT OR IGNORE INTO groups_told (chat_id) VALUES (?)", (chat_id,)) == 1

    # --- seat decisions ----------------------------------------------------------
    async def register(self, who: Applicant, wants: Format, now: datetime) -> Outcome:
        """Seat if the room has space; else online now and queued. A repeat is a no-op."""
        async with self.db.transaction() as conn:
            existing = await _get(conn, who.user_id)
            if existing and existing.active:
                return Outcome(existing, changed=False)
            stamp = to_db(now)
            await conn.execute(
                "INSERT INTO registrations (user_id, chat_id, language, full_name, organisation,"
                " role, phone, format, status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'online', 'active', ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET chat_id = excluded.chat_id,"
                " language = excluded.language, full_name = excluded.full_name,"
                " organisation = excluded.organisation, role = excluded.role,"
                " phone = excluded.phone, format = 'online', status = 'active',"
                " waitlisted_at = NULL, entry_code = NULL, cancelled_at = NULL,"
                " checked_in_at = NULL, unreachable_at = NULL, updated_at = excluded.updated_at",
                (who.user_id, who.chat_id, who.language, who.full_name, who.organisation,
                 who.role, who.phone, stamp, stamp),
            )
            if wants is Format.OFFLINE:
                await self._seat_or_queue(conn, who.user_id, stamp)
            return Outcome(await _must_get(conn, who.user_id))

    async def switch(self, user_id: int, to: Format, now: datetime) -> Outcome | None:
        """Move an active registration to `to`; a freed seat goes to the first in line."""
        async with self.db.transaction() as conn:
            reg = await _get(conn, user_id)
            if reg is None or not reg.active:
                return None
            stamp = to_db(now)
            if to is Format.OFFLINE:
                if reg.format is Format.OFFLINE or reg.waitlisted_at:
                    return Outcome(reg, changed=False)
                await self._seat_or_queue(conn, user_id, stamp)
                return Outcome(await _must_get(conn, user_id))
            if reg.format is Format.ONLINE and not reg.waitlisted_at:
                return Outcome(reg, changed=False)
            await conn.execute(
                "UPDATE registrations SET format = 'online', entry_code = NULL,"
                " waitlisted_at = NULL, checked_in_at = NULL, updated_at = ? WHERE id = ?",
                (stamp, reg.id),
            )
            promoted = await self._promote(conn, stamp)
            return Outcome(await _must_get(conn, user_id), promoted=promoted)

    async def cancel(self, user_id: int, now: datetime) -> Outcome | None:
        async with self.db.transaction() as conn:
            reg = await _get(conn, user_id)
            if reg is None:
                return None
            if not reg.active:
                return Outcome(reg, changed=False)
            stamp = to_db(now)
            await conn.execute(
                "UPDATE registrations SET status = 'cancelled', cancelled_at = ?,"
                " format = 'online', entry_code = NULL, waitlisted_at = NULL,"
                " updated_at = ? WHERE id = ?",
                (stamp, stamp, reg.id),
            )
            promoted = await self._promote(conn, stamp)
            return Outcome(await _must_get(conn, user_id), promoted=promoted)

    async def set_capacity(self, capacity: int, now: datetime) -> tuple[Registration, ...] | int:
        """Raise (promoting in FIFO order; returns the promoted) or lower the room size.
        Lowering below the seats already given is refused: returns the seats taken instead."""
        async with self.db.transaction() as conn:
            seated = (await _counts(conn, capacity)).seated
            if capacity < seated:
                return seated
            await conn.execute(
                "INSERT INTO event_settings (key, value) VALUES ('capacity', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(capacity),))
            return await self._promote(conn, to_db(now))

    async def promote(self, reg_id: int, now: datetime) -> tuple[str, Registration | None]:
        """Give a free seat to this waitlisted registration (an organiser's choice, even out
        of queue order). ('ok'|'full'|'not-waitlisted'|'unknown', registration)."""
        async with self.db.transaction() as conn:
            async with conn.execute("SELECT * FROM registrations WHERE id = ?", (reg_id,)) as c:
                row = await c.fetchone()
            if row is None:
                return "unknown", None
            reg = Registration.from_row(row)
            if not reg.active or reg.waitlisted_at is None:
                return "not-waitlisted", reg
            capacity = await _capacity(conn, self._default_capacity)
            if (await _counts(conn, capacity)).seats_left <= 0:
                return "full", reg
            await _give_seat(conn, reg.user_id, to_db(now))
            return "ok", await _must_get(conn, reg.user_id)

    async def set_setting(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO event_settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    async def check_in(self, code: str, now: datetime) -> tuple[str, Registration | None]:
        """('ok'|'already'|'unknown', registration). Only an active seat can be checked in."""
        async with self.db.transaction() as conn:
            async with conn.execute(
                "SELECT * FROM registrations WHERE entry_code = ?", (code.strip().upper(),)
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                return "unknown", None
            reg = Registration.from_row(row)
            if reg.checked_in_at:
                return "already", reg
            await conn.execute("UPDATE registrations SET checked_in_at = ?, updated_at = ?"
                               " WHERE id = ?", (to_db(now), to_db(now), reg.id))
            return "ok", await _must_get(conn, reg.user_id)

    # --- inside a transaction ----------------------------------------------------
    async def _seat_or_queue(self, conn: aiosqlite.Connection, user_id: int, stamp: str) -> None:
        capacity = await _capacity(conn, self._default_capacity)
        if (await _counts(conn, capacity)).seats_left > 0:
            await _give_seat(conn, user_id, stamp)
        else:
            await conn.execute(
                "UPDATE registrations SET waitlisted_at = ?, updated_at = ? WHERE user_id = ?",
                (stamp, stamp, user_id),
            )

    async def _promote(self, conn: aiosqlite.Connection, stamp: str) -> tuple[Registration, ...]:
        """Fill free seats from the head of the queue, in order."""
        capacity = await _capacity(conn, self._default_capacity)
        free = (await _counts(conn, capacity)).seats_left
        promoted = []
        rows = await conn.execute_fetchall(
            f"SELECT user_id FROM registrations WHERE {_ACTIVE} AND waitlisted_at IS NOT NULL"
            " ORDER BY waitlisted_at, id LIMIT ?",
            (free,),
        )
        heads = [int(row["user_id"]) for row in rows]
        for user_id in heads:
            await _give_seat(conn, user_id, stamp)
            promoted.append(await _must_get(conn, user_id))
        return tuple(promoted)


async def _row(conn: aiosqlite.Connection, sql: str,
               params: tuple[object, ...] = ()) -> aiosqlite.Row | None:
    """The first row, in one trip to aiosqlite's thread (a cursor takes three)."""
    return next(iter(await conn.execute_fetchall(sql, params)), None)


async def _get(conn: aiosqlite.Connection, user_id: int) -> Registration | None:
    row = await _row(conn, "SELECT * FROM registrations WHERE user_id = ?", (user_id,))
    return None if row is None else Registration.from_row(row)


async def _must_get(conn: aiosqlite.Connection, user_id: int) -> Registration:
    reg = await _get(conn, user_id)
    assert reg is not None, "row written in this transaction must exist"
    return reg


async def _capacity(conn: aiosqlite.Connection, default: int) -> int:
    row = await _row(conn, "SELECT value FROM event_settings WHERE key = 'capacity'")
    return default if row is None else int(row["value"])


_COUNTS = (
    "SELECT"
    f" COUNT(*) FILTER (WHERE {_ACTIVE} AND format = 'offline') AS seated,"
    f" COUNT(*) FILTER (WHERE {_ACTIVE} AND waitlisted_at IS NOT NULL) AS waitlisted,"
    f" COUNT(*) FILTER (WHERE {_ACTIVE} AND format = 'online' AND waitlisted_at IS NULL)"
    " AS online,"
    " COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled,"
    f" COUNT(*) FILTER (WHERE {_ACTIVE} AND checked_in_at IS NOT NULL) AS checked_in"
    " FROM registrations"
)


async def _counts(conn: aiosqlite.Connection, capacity: int) -> Counts:
    row = await _row(conn, _COUNTS)
    assert row is not None
    return _as_counts(row, capacity)


def _as_counts(row: aiosqlite.Row, capacity: int) -> Counts:
    return Counts(capacity=capacity, seated=row["seated"], waitlisted=row["waitlisted"],
                  online=row["online"], cancelled=row["cancelled"],
                  checked_in=row["checked_in"])


async def _give_seat(conn: aiosqlite.Connection, user_id: int, stamp: str) -> None:
    while True:  # a collision among 31**6 codes is rare; just draw again
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if await _row(conn, "SELECT 1 FROM registrations WHERE entry_code = ?", (code,)) is None:
            break
    await conn.execute(
        "UPDATE registrations SET format = 'offline', entry_code = ?, waitlisted_at = NULL,"
        " updated_at = ? WHERE user_id = ?",
        (code, stamp, user_id),
    )


__all__ = ["Ledger", "Status"]
