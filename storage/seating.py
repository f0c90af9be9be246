"""The seat decisions' SQL, run inside the Ledger's BEGIN IMMEDIATE transactions.

Each decision is a single statement that reads capacity and seats taken and writes the
row, so a whole registration is BEGIN, upsert, seat-or-queue, COMMIT."""

from __future__ import annotations

import secrets
import sqlite3

import aiosqlite

from storage.models import Registration

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud at the door
CODE_LENGTH = 6
ACTIVE = "status = 'active'"
# Every statement here is about one event, named by the :event parameter.
OF_EVENT = "event_id = :event"
CAPACITY = "(SELECT COALESCE(capacity_override, capacity) FROM events WHERE id = :event)"
SEATED = (f"(SELECT COUNT(*) FROM registrations WHERE {OF_EVENT} AND {ACTIVE}"
          " AND format = 'offline')")
_FREE = f"{SEATED} < {CAPACITY}"
# One numbering for all events: only the order within an event matters.
NEXT_IN_QUEUE = "(SELECT COALESCE(MAX(queue_no), 0) + 1 FROM registrations)"

SEAT_OR_QUEUE = (
    "UPDATE registrations SET"
    f" format = CASE WHEN {_FREE} THEN 'offline' ELSE 'online' END,"
    f" entry_code = CASE WHEN {_FREE} THEN :code END,"
    f" waitlisted_at = CASE WHEN {_FREE} THEN NULL ELSE :stamp END,"
    f" queue_no = CASE WHEN {_FREE} THEN NULL ELSE {NEXT_IN_QUEUE} END,"
    f" version = version + 1, updated_at = :stamp WHERE {OF_EVENT} AND user_id = :user_id"
    " RETURNING *"
)
GIVE_SEAT = (
    "UPDATE registrations SET format = 'offline', entry_code = :code, waitlisted_at = NULL,"
    " queue_no = NULL, version = version + 1, updated_at = :stamp"
    f" WHERE {OF_EVENT} AND user_id = :user_id RETURNING *"
)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class MissingRow(RuntimeError):
    """A row this transaction just wrote, or an aggregate that always yields one, is absent:
    the file is not what the code expects. Never caused by input."""


async def row(conn: aiosqlite.Connection, sql: str,
              params: tuple[object, ...] | dict[str, object] = ()) -> aiosqlite.Row | None:
    """The first row, in one trip to aiosqlite's thread (a cursor takes three)."""
    return next(iter(await conn.execute_fetchall(sql, params)), None)


async def must_row(conn: aiosqlite.Connection, sql: str,
                   params: tuple[object, ...] | dict[str, object] = ()) -> aiosqlite.Row:
    found = await row(conn, sql, params)
    if found is None:
        raise MissingRow(sql[:80])
    return found


async def _with_code(conn: aiosqlite.Connection, sql: str, event: int, user_id: int,
                     stamp: str) -> Registration:
    return Registration.from_row(await _row_with_code(conn, sql, event, user_id, stamp))


async def _row_with_code(conn: aiosqlite.Connection, sql: str, event: int, user_id: int,
                         stamp: str) -> aiosqlite.Row:
    while True:  # a clash among 31**6 codes is rare: the UNIQUE index says so, draw again
        params = {"code": new_code(), "stamp": stamp, "user_id": user_id, "event": event}
        try:
            found = await row(conn, sql, params)
        except sqlite3.IntegrityError as exc:
            if "entry_code" not in str(exc):
                raise
            continue
        if found is None:
            raise MissingRow(f"registration of user {user_id}")
        return found


async def seat_or_queue(conn: aiosqlite.Connection, event: int, user_id: int,
                        stamp: str) -> Registration:
    """A seat if one is free, else online and at the end of the queue: one statement."""
    return await _with_code(conn, SEAT_OR_QUEUE, event, user_id, stamp)


async def seat_or_queue_row(conn: aiosqlite.Connection, event: int, user_id: int,
                            stamp: str, returning: str = "") -> aiosqlite.Row:
    """seat_or_queue's row, with `returning` (more columns, named parameters) after it."""
    return await _row_with_code(conn, SEAT_OR_QUEUE + returning, event, user_id, stamp)


async def give_seat(conn: aiosqlite.Connection, event: int, user_id: int,
                    stamp: str) -> Registration:
    """The caller has checked that a seat is free."""
    return await _with_code(conn, GIVE_SEAT, event, user_id, stamp)


async def seats(conn: aiosqlite.Connection, event: int) -> tuple[int, int]:
    """(room size, seats taken): the event's size, unless organisers changed it."""
    found = await must_row(conn, f"SELECT COALESCE({CAPACITY}, 0) AS size, {SEATED} AS taken",
                           {"event": event})
    return int(found["size"]), int(found["taken"])


async def free_seats(conn: aiosqlite.Connection, event: int) -> int:
    size, taken = await seats(conn, event)
    return max(size - taken, 0)
