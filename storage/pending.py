"""Registrations waiting for an organiser's approval (migration 016's `pending`). A row
here is a confirmed form, not a registration: no seat, no queue, no reminders. The
ledger moves it into `registrations` (Ledger.approve) or deletes it (Ledger.decline)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import aiosqlite

from storage.audit import PARTICIPANT, AuditLog
from storage.database import Database
from storage.models import Applicant, Format, from_db, to_db
from storage.notices import Letter, add_organiser

HOLD = (
    "INSERT INTO pending (event_id, user_id, chat_id, language, full_name, organisation,"
    " role, phone, answers, consent_at, consent_version, wants, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (event_id, user_id) DO NOTHING RETURNING *"
)


@dataclass(frozen=True)
class Waiting:
    id: int
    event_id: int
    who: Applicant
    wants: Format
    created_at: datetime
    answers: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: Any) -> Waiting:
        answers = json.loads(row["answers"]) if row["answers"] else {}
        who = Applicant(user_id=row["user_id"], chat_id=row["chat_id"],
                        language=row["language"], full_name=row["full_name"],
                        organisation=row["organisation"], role=row["role"],
                        phone=row["phone"], consent_at=from_db(row["consent_at"]),
                        consent_version=row["consent_version"], answers=answers)
        created = from_db(row["created_at"])
        if created is None:
            raise ValueError(f"pending {row['id']} has no created_at")
        return cls(int(row["id"]), int(row["event_id"]), who, Format(row["wants"]), created,
                   answers)


async def hold(db: Database, event_id: int, who: Applicant, wants: Format,
               now: datetime) -> tuple[Waiting, bool]:
    """Keep a confirmed form for the organisers; (the row, False) if it waits already."""
    async with db.transaction() as conn:
        return await _hold(conn, event_id, who, wants, now)


# The letter telling an organiser a new form waits: made when it goes, from the row (the
# outbox's hook), so it holds ids only and a form decided or withdrawn meanwhile is void.
PENDING_NEW = "pending-new"


async def hold_if_asked(db: Database, event_id: int, who: Applicant, wants: Format,
                        now: datetime, letters: Sequence[tuple[int, str | None]] = (),
                        ) -> tuple[Waiting, bool] | None:
    """As hold, if the event as stored asks for approval; None: an edit turned it off
    since the caller read the event. The edit (which confirms every form waiting) and this
    are both BEGIN IMMEDIATE: a form held before it is confirmed by it, none after it.
    `letters`: the organisers' chats and languages; a new form's letter to each is written
    in the same transaction, so a crash cannot lose the organisers' news of it."""
    async with db.transaction() as conn:
        asked = await (await conn.execute(
            "SELECT json_extract(definition, '$.approval') AS asked FROM events WHERE id = ?",
            (event_id,))).fetchone()
        if asked is None or not asked["asked"]:
            return None
        waiting, fresh = await _hold(conn, event_id, who, wants, now)
        if fresh:
            for chat_id, language in letters:
                await add_organiser(conn, chat_id, Letter(
                    PENDING_NEW, {"event": event_id, "pending": waiting.id}, language),
                    to_db(now))
        return waiting, fresh


async def _hold(conn: aiosqlite.Connection, event_id: int, who: Applicant, wants: Format,
                now: datetime) -> tuple[Waiting, bool]:
    cur = await conn.execute(HOLD, (
        event_id, who.user_id, who.chat_id, who.language, who.full_name, who.organisation,
        who.role, who.phone,
        json.dumps(dict(who.answers), ensure_ascii=False) if who.answers else None,
        None if who.consent_at is None else to_db(who.consent_at), who.consent_version,
        wants.value, to_db(now)))
    written = await cur.fetchone()
    if written is not None:
        return Waiting.from_row(written), True
    found = await (await conn.execute(
        "SELECT * FROM pending WHERE event_id = ? AND user_id = ?",
        (event_id, who.user_id))).fetchone()
    if found is None:  # the unique key's row, read in the same transaction
        raise LookupError(who.user_id)
    return Waiting.from_row(found), False


async def take(conn: aiosqlite.Connection, event_id: int, pending_id: int) -> Waiting | None:
    """Inside the caller's transaction: the row, gone from the waiting list."""
    cur = await conn.execute("DELETE FROM pending WHERE id = ? AND event_id = ? RETURNING *",
                             (pending_id, event_id))
    found = await cur.fetchone()
    return None if found is None else Waiting.from_row(found)


async def all_in(conn: aiosqlite.Connection, event_id: int) -> list[Waiting]:
    """Inside the caller's transaction, in order of registration."""
    rows = await conn.execute_fetchall(
        "SELECT * FROM pending WHERE event_id = ? ORDER BY created_at, id", (event_id,))
    return [Waiting.from_row(r) for r in rows]


async def events_waiting(db: Database) -> list[int]:
    """The events that have forms waiting."""
    rows = await db.fetchall("SELECT DISTINCT event_id FROM pending ORDER BY event_id")
    return [int(r["event_id"]) for r in rows]


async def of_event(db: Database, event_id: int) -> list[Waiting]:
    """In order of registration."""
    rows = await db.fetchall("SELECT * FROM pending WHERE event_id = ? ORDER BY created_at, id",
                             (event_id,))
    return [Waiting.from_row(r) for r in rows]


async def of_person(db: Database, event_id: int, user_id: int) -> Waiting | None:
    found = await db.fetchone("SELECT * FROM pending WHERE event_id = ? AND user_id = ?",
                              (event_id, user_id))
    return None if found is None else Waiting.from_row(found)


async def of_user(db: Database, user_id: int) -> list[Waiting]:
    """Every event's form of this person still waiting."""
    rows = await db.fetchall("SELECT * FROM pending WHERE user_id = ? ORDER BY id", (user_id,))
    return [Waiting.from_row(r) for r in rows]


async def count(db: Database, event_id: int) -> int:
    found = await db.fetchone("SELECT COUNT(*) AS n FROM pending WHERE event_id = ?",
                              (event_id,))
    return 0 if found is None else int(found["n"])


async def by_id(db: Database, pending_id: int) -> Waiting | None:
    found = await db.fetchone("SELECT * FROM pending WHERE id = ?", (pending_id,))
    return None if found is None else Waiting.from_row(found)


async def withdraw(db: Database, pending_id: int, user_id: int, now: datetime,
                   action: str) -> Waiting | None:
    """The person takes back their own waiting form: the row goes (nothing of it kept)
    and, in the same transaction, the step is recorded for the organisers' digest (ids
    only: PARTICIPANT, no registration). None: not theirs, or decided already."""
    async with db.transaction() as conn:
        cur = await conn.execute(
            "DELETE FROM pending WHERE id = ? AND user_id = ? RETURNING *",
            (pending_id, user_id))
        found = await cur.fetchone()
        if found is None:
            return None
        waiting = Waiting.from_row(found)
        await AuditLog(db, waiting.event_id).record_in(conn, PARTICIPANT, action, now)
    await db.checkpoint()  # the form's bytes leave the WAL too
    return waiting


async def counts(db: Database) -> dict[int, int]:
    """Event id -> how many forms wait for it (events with none left out)."""
    rows = await db.fetchall("SELECT event_id, COUNT(*) AS n FROM pending GROUP BY event_id")
    return {int(r["event_id"]): int(r["n"]) for r in rows}
