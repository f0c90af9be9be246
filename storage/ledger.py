"""Seat decisions for one event. Each public method that changes seats is exactly one
transaction: capacity is read, checked and acted on under BEGIN IMMEDIATE, so no
interleaving of coroutines or processes can overbook the room. The statements are in
storage/seating.py. A Ledger is cheap: one per event, made when needed."""

from __future__ import annotations

import json
from datetime import datetime

import aiosqlite

from storage import notices, pending, seating
from storage.database import Database
from storage.events import intakes
from storage.models import Applicant, Counts, Format, Outcome, Registration, Status, to_db
from storage.notices import Notice
from storage.seating import ACTIVE, CAPACITY, OF_EVENT, MissingRow, row

UPSERT = (
    "INSERT INTO registrations (event_id, user_id, chat_id, language, full_name, organisation,"
    " role, phone, format, status, created_at, updated_at, consent_at, consent_version, answers)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'online', 'active', ?, ?, ?, ?, ?)"
    " ON CONFLICT (event_id, user_id) DO UPDATE SET chat_id = excluded.chat_id,"
    " language = excluded.language, full_name = excluded.full_name,"
    " organisation = excluded.organisation, role = excluded.role, phone = excluded.phone,"
    " consent_at = excluded.consent_at, consent_version = excluded.consent_version,"
    " answers = excluded.answers,"
    " format = 'online', status = 'active', waitlisted_at = NULL, queue_no = NULL,"
    " entry_code = NULL, cancelled_at = NULL, checked_in_at = NULL, unreachable_at = NULL,"
    " version = registrations.version + 1, updated_at = excluded.updated_at"
    " WHERE registrations.status = 'cancelled' RETURNING *"  # an active row stays as it is
)
_COUNTS = (
    f"SELECT {CAPACITY} AS capacity,"
    f" COUNT(*) FILTER (WHERE {ACTIVE} AND format = 'offline') AS seated,"
    f" COUNT(*) FILTER (WHERE {ACTIVE} AND queue_no IS NOT NULL) AS waitlisted,"
    f" COUNT(*) FILTER (WHERE {ACTIVE} AND format = 'online' AND queue_no IS NULL) AS online,"
    " COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled,"
    # At the door, so of the seats: an online participant's checked_in_at is "Join now".
    f" COUNT(*) FILTER (WHERE {ACTIVE} AND format = 'offline' AND checked_in_at IS NOT NULL)"
    " AS checked_in"
    f" FROM registrations WHERE {OF_EVENT}"
)
_COUNT_NAMES = ("capacity", "seated", "waitlisted", "online", "cancelled", "checked_in")
# The person's registration (if any) and the room's counts, in one read: what a screen about
# the event shows for them.
_OVERVIEW = (
    "SELECT " + ", ".join(f"c.{n} AS n_{n}" for n in _COUNT_NAMES) + f", r.* FROM ({_COUNTS}) c"
    " LEFT JOIN registrations r ON r.event_id = :event AND r.user_id = :user_id"
)
# Appended to a seat decision's RETURNING: the counts after it and the person's place in
# the queue (a single-row write's RETURNING sees the row as written), so the answer to the
# decision needs no second read.
_AFTER = (
    ", (SELECT json_array(" + ", ".join(_COUNT_NAMES) + f") FROM ({_COUNTS})) AS after,"
    f" (SELECT COUNT(*) FROM registrations q WHERE q.{ACTIVE} AND q.event_id = :event"
    " AND q.queue_no <= registrations.queue_no) AS queue_pos"
)
_TO_ONLINE = (
    "UPDATE registrations SET format = 'online', entry_code = NULL, waitlisted_at = NULL,"
    " queue_no = NULL, checked_in_at = NULL, version = version + 1, updated_at = :stamp"
    " WHERE id = :id"
)


class Ledger:
    def __init__(self, db: Database, event: int) -> None:
        self.db = db
        self.event = event

    # --- reads -----------------------------------------------------------------
    async def get(self, user_id: int) -> Registration | None:
        found = await self.db.fetchone(
            "SELECT * FROM registrations WHERE event_id = ? AND user_id = ?",
            (self.event, user_id))
        return None if found is None else Registration.from_row(found)

    async def get_by_id(self, reg_id: int) -> Registration | None:
        found = await self.db.fetchone(
            "SELECT * FROM registrations WHERE id = ? AND event_id = ?", (reg_id, self.event))
        return None if found is None else Registration.from_row(found)

    async def counts(self) -> Counts:
        # One SELECT reads one snapshot: no transaction (and no write lock) for a read.
        found = await self.db.fetchone(_COUNTS, {"event": self.event})
        if found is None:
            raise MissingRow("counts")
        return _counts([found[n] for n in _COUNT_NAMES])

    async def overview(self, user_id: int) -> tuple[Registration | None, Counts]:
        """The person's registration (None: never registered) and the counts, one read."""
        found = await self.db.fetchone(_OVERVIEW, {"event": self.event, "user_id": user_id})
        if found is None:
            raise MissingRow("counts")
        counts = _counts([found[f"n_{n}"] for n in _COUNT_NAMES])
        return (None if found["id"] is None else Registration.from_row(found)), counts

    async def waitlist_position(self, user_id: int) -> int | None:
        found = await self.db.fetchone(
            f"SELECT (SELECT COUNT(*) FROM registrations q WHERE q.{ACTIVE}"
            " AND q.event_id = r.event_id AND q.queue_no <= r.queue_no) AS pos"
            " FROM registrations r WHERE r.event_id = ? AND r.user_id = ?"
            f" AND r.queue_no IS NOT NULL AND r.{ACTIVE}", (self.event, user_id))
        return None if found is None else int(found["pos"])

    async def intake(self) -> str:
        """Read on every form step; written only through set_intake, by the process that
        polls the bot (the organisers' /close and /open): a copy answers after the first."""
        known = intakes(self.db)
        if self.event in known:
            return known[self.event]
        found = await self.db.fetchone("SELECT intake FROM events WHERE id = ?", (self.event,))
        if found is None:
            return "open"
        # setdefault: a set_intake that finished while this read waited is newer.
        return known.setdefault(self.event, str(found["intake"]))

    async def set_intake(self, value: str) -> None:
        # The version goes up: an /editevent draft opened before this is refused at Save.
        await self.db.execute("UPDATE events SET intake = ?, version = version + 1"
                              " WHERE id = ?", (value, self.event))
        intakes(self.db)[self.event] = value

    # --- seat decisions ----------------------------------------------------------
    async def register(self, who: Applicant, wants: Format, now: datetime,
                       counted: bool = False) -> Outcome:
        """Seat if the room has space; else online now and queued. A repeat is a no-op.
        One transaction of at most four statements: BEGIN IMMEDIATE, the upsert, the seat
        decision (offline only), COMMIT. `counted`: the outcome also carries the counts
        after it and the place in the queue (from the same statements' RETURNING)."""
        async with self.db.transaction() as conn:
            return await self._register(conn, who, wants, to_db(now), counted)

    async def _register(self, conn: aiosqlite.Connection, who: Applicant, wants: Format,
                        stamp: str, counted: bool) -> Outcome:
        after = _AFTER.replace(":event", "?") if counted else ""  # the upsert's are positional
        written = await row(conn, UPSERT + after, (
            self.event, who.user_id, who.chat_id, who.language, who.full_name, who.organisation,
            who.role, who.phone, stamp, stamp,
            None if who.consent_at is None else to_db(who.consent_at), who.consent_version,
            json.dumps(dict(who.answers), ensure_ascii=False) if who.answers else None,
            *[self.event] * after.count("?")))
        if written is None:  # already registered: a double tap, or a second device
            return Outcome(await self._must_get(conn, who.user_id), changed=False)
        if wants is Format.OFFLINE:
            written = await seating.seat_or_queue_row(conn, self.event, who.user_id, stamp,
                                                      returning=_AFTER if counted else "")
        return _outcome(written, counted)

    async def approve(self, pending_id: int, now: datetime) -> Outcome | None:
        """An organiser approves a waiting registration: it becomes one, under the seat rule
        at this moment (a seat if free, else the waitlist), in one transaction. None: it
        was decided already (a second press, another organiser).
        The person's news is written in the same transaction (the outbox sends it)."""
        stamp = to_db(now)
        async with self.db.transaction() as conn:
            waiting = await pending.take(conn, self.event, pending_id)
            if waiting is None:
                return None
            outcome = await self._register(conn, waiting.who, waiting.wants, stamp, False)
            await notices.add_approved(conn, outcome.registration.id, stamp)
            return outcome

    async def admit_waiting(self, conn: aiosqlite.Connection,
                            now: datetime) -> tuple[Registration, ...]:
        """Inside the caller's transaction (an edit that turns approval off): every form
        still waiting becomes a registration, in order of registration, under the seat rule
        (a seat if free, else the waitlist); each person's news is written with it."""
        stamp = to_db(now)
        admitted = []
        for waiting in await pending.all_in(conn, self.event):
            if await pending.take(conn, self.event, waiting.id) is None:
                continue
            outcome = await self._register(conn, waiting.who, waiting.wants, stamp, False)
            if outcome.changed:  # (a registration made meanwhile stays as it is)
                await notices.add_approved(conn, outcome.registration.id, stamp,
                                           head=notices.ADMITTED)
                admitted.append(outcome.registration)
        return tuple(admitted)

    async def decline(self, pending_id: int, now: datetime, reason: str | None = None,
                      key: str = "declined") -> pending.Waiting | None:
        """The waiting form is deleted (nothing of it kept but the news to send, `key` with
        the reason, written in the same transaction); None: decided already."""
        async with self.db.transaction() as conn:
            waiting = await pending.take(conn, self.event, pending_id)
            if waiting is not None:
                who = waiting.who
                await notices.add_declined(conn, notices.Declined(
                    who.chat_id, self.event, who.language, key, reason), to_db(now))
            return waiting

    async def switch(self, user_id: int, to: Format, now: datetime,
                     notice: Notice | None = None) -> Outcome | None:
        """Move an active registration to `to`; a freed seat goes to the first in line.
        With `notice`, the person is told of the move through the outbox."""
        stamp = to_db(now)
        async with self.db.transaction() as conn:
            reg = await self._get(conn, user_id)
            if reg is None or not reg.active:
                return None
            if to is Format.OFFLINE:
                if reg.format is Format.OFFLINE or reg.waitlisted_at:
                    return Outcome(reg, changed=False)
                return Outcome(await seating.seat_or_queue(conn, self.event, user_id, stamp))
            if reg.format is Format.ONLINE and not reg.waitlisted_at:
                return Outcome(reg, changed=False)
            await conn.execute(_TO_ONLINE, {"stamp": stamp, "id": reg.id})
            if notice is not None:
                await notices.add(conn, reg.id, notice, stamp)
            promoted = await self._promote(conn, stamp)
            return Outcome(await self._must_get(conn, user_id), promoted=promoted)

    async def cancel(self, user_id: int, now: datetime) -> Outcome | None:
        stamp = to_db(now)
        async with self.db.transaction() as conn:
            reg = await self._get(conn, user_id)
            if reg is None:
                return None
            if not reg.active:
                return Outcome(reg, changed=False)
            await conn.execute(_TO_ONLINE, {"stamp": stamp, "id": reg.id})
            await conn.execute("UPDATE registrations SET status = 'cancelled', cancelled_at = ?,"
                               " version = version + 1 WHERE id = ?", (stamp, reg.id))
            promoted = await self._promote(conn, stamp)
            return Outcome(await self._must_get(conn, user_id), promoted=promoted)

    async def set_capacity(self, capacity: int, now: datetime) -> tuple[Registration, ...] | int:
        """Raise (promoting in FIFO order; returns the promoted) or lower the room size.
        Lowering below the seats already given is refused: returns the seats taken instead."""
        async with self.db.transaction() as conn:
            _, taken = await seating.seats(conn, self.event)
            if capacity < taken:
                return taken
            await conn.execute("UPDATE events SET capacity_override = ?, version = version + 1"
                               " WHERE id = ?", (capacity, self.event))
            return await self._promote(conn, to_db(now))

    async def promote(self, reg_id: int, now: datetime) -> tuple[str, Registration | None]:
        """Give a free seat to this waitlisted registration (an organiser's choice, even out
        of queue order). ('ok'|'full'|'not-waitlisted'|'unknown', registration)."""
        async with self.db.transaction() as conn:
            found = await row(conn, "SELECT * FROM registrations WHERE id = ? AND event_id = ?",
                              (reg_id, self.event))
            if found is None:
                return "unknown", None
            reg = Registration.from_row(found)
            if not reg.active or reg.waitlisted_at is None:
                return "not-waitlisted", reg
            if await seating.free_seats(conn, self.event) <= 0:
                return "full", reg
            seated = await seating.give_seat(conn, self.event, reg.user_id, to_db(now))
            await notices.add(conn, seated.id, Notice.PROMOTED, to_db(now))
            return "ok", seated

    async def check_in(self, code: str, now: datetime,
                       by: int | None = None) -> tuple[str, Registration | None]:
        """('ok'|'already'|'unknown', registration). Only an active seat can be checked in;
        `by`: who did it (two scans of one pass at once: one transaction wins, the other
        reads 'already')."""
        async with self.db.transaction() as conn:
            found = await row(conn, "SELECT * FROM registrations WHERE entry_code = ?"
                              " AND event_id = ?", (code.strip().upper(), self.event))
            if found is None:
                return "unknown", None
            reg = Registration.from_row(found)
            if reg.checked_in_at:
                return "already", reg
            await conn.execute("UPDATE registrations SET checked_in_at = ?, updated_at = ?,"
                               " checked_in_by = ?, version = version + 1 WHERE id = ?",
                               (to_db(now), to_db(now), by, reg.id))
            return "ok", await self._must_get(conn, reg.user_id)

    async def fill_seats(self, conn: aiosqlite.Connection,
                         now: datetime) -> tuple[Registration, ...]:
        """Inside the caller's transaction (an event edit that grew the room): the free
        seats go to the head of the queue, with their notices."""
        return await self._promote(conn, to_db(now))

    async def seats_taken(self, conn: aiosqlite.Connection) -> int:
        """Inside the caller's transaction."""
        return (await seating.seats(conn, self.event))[1]

    async def _promote(self, conn: aiosqlite.Connection, stamp: str) -> tuple[Registration, ...]:
        """Fill free seats from the head of the queue, in order; each promoted person's
        notice is written in the same transaction (the outbox sends it)."""
        free = await seating.free_seats(conn, self.event)
        heads = await conn.execute_fetchall(
            f"SELECT user_id FROM registrations WHERE event_id = ? AND {ACTIVE}"
            " AND queue_no IS NOT NULL ORDER BY queue_no LIMIT ?", (self.event, free))
        promoted = []
        for head in heads:
            seated = await seating.give_seat(conn, self.event, int(head["user_id"]), stamp)
            await notices.add(conn, seated.id, Notice.PROMOTED, stamp)
            promoted.append(seated)
        return tuple(promoted)

    async def release(self, user_id: int, now: datetime) -> Outcome | None:
        """The seat of someone who did not confirm goes to the next in line; they stay
        online and are told (in the same transaction as the change)."""
        return await self.switch(user_id, Format.ONLINE, now, notice=Notice.RELEASED)

    async def _get(self, conn: aiosqlite.Connection, user_id: int) -> Registration | None:
        found = await row(conn, "SELECT * FROM registrations WHERE event_id = ?"
                          " AND user_id = ?", (self.event, user_id))
        return None if found is None else Registration.from_row(found)

    async def _must_get(self, conn: aiosqlite.Connection, user_id: int) -> Registration:
        reg = await self._get(conn, user_id)
        if reg is None:
            raise MissingRow(f"registration of user {user_id}")
        return reg


def _counts(values: list[object]) -> Counts:
    capacity, seated, waitlisted, online, cancelled, checked_in = (int(str(v)) for v in values)
    return Counts(capacity=capacity, seated=seated, waitlisted=waitlisted, online=online,
                  cancelled=cancelled, checked_in=checked_in)


def _outcome(written: aiosqlite.Row, counted: bool) -> Outcome:
    reg = Registration.from_row(written)
    if not counted:
        return Outcome(reg)
    queued = reg.active and written["queue_no"] is not None  # as waitlist_position counts
    position = int(written["queue_pos"]) if queued else None
    return Outcome(reg, counts=_counts(json.loads(written["after"])), position=position)


async def registrations_of(db: Database, *, user_id: int | None = None,
                           reg_id: int | None = None) -> list[Registration]:
    """Across events: a person's registrations, or one registration by id."""
    rows = await db.fetchall(
        "SELECT * FROM registrations WHERE user_id = ? OR id = ? ORDER BY id",
        (user_id, reg_id))
    return [Registration.from_row(found) for found in rows]


async def remember_group(db: Database, chat_id: int) -> bool:
    """True the first time a group chat is seen (so the bot speaks there only once)."""
    return await db.execute(
        "INSERT OR IGNORE INTO groups_told (chat_id) VALUES (?)", (chat_id,)) == 1


__all__ = ["Ledger", "Status", "registrations_of", "remember_group"]
