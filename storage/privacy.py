"""Erasing personal data. A registration keeps its row (so counts, seats and the queue
stay true) but loses everything that identifies the person: name, organisation, role,
phone, and the Telegram ids (replaced by the row's negative id, still unique). Audit rows
about it keep ids only. The connection runs with secure_delete, and every erasure ends
with a WAL checkpoint that truncates the log, so the old bytes leave the files too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from storage import notices
from storage.database import Database
from storage.models import Registration, to_db
from storage.notices import Letter

ANONYMISE = (
    "UPDATE registrations SET full_name = '', organisation = '', role = '', phone = NULL,"
    " answers = NULL,"
    " user_id = -id, chat_id = -id, erased_at = :stamp, version = version + 1"
)


_CHOSEN = "(SELECT id FROM registrations WHERE {where})"
# Before the rows lose their ids: audit details go (ids stay), and nothing still waiting
# to be sent to these people is sent. `{where}` chooses the registrations.
SCRUB = (
    f"UPDATE audit SET details = '' WHERE registration_id IN {_CHOSEN}",
    f"UPDATE notices SET status = 'void' WHERE status = 'pending' AND registration_id IN"
    f" {_CHOSEN}",
    f"UPDATE deliveries SET status = 'skipped' WHERE status = 'pending' AND registration_id"
    f" IN {_CHOSEN}",
    # After the event (storage/after.py): the certificate (its code stops verifying) and
    # the feedback answers go with the person.
    f"DELETE FROM certificates WHERE registration_id IN {_CHOSEN}",
    f"DELETE FROM feedback WHERE registration_id IN {_CHOSEN}",
)


async def _scrub(conn: aiosqlite.Connection, where: str, params: dict[str, object]) -> None:
    for statement in SCRUB:
        await conn.execute(statement.format(where=where), params)


async def erase_person(db: Database, user_id: int, now: datetime) -> int:
    """Every event's registration of this person (cancel them first): how many rows."""
    params: dict[str, object] = {"user": user_id, "stamp": to_db(now)}
    async with db.transaction() as conn:
        await _scrub(conn, "user_id = :user", params)
        cur = await conn.execute(f"{ANONYMISE} WHERE user_id = :user", params)
        erased = cur.rowcount
        # Forms still waiting for approval are not registrations: nothing of them stays.
        erased += (await conn.execute("DELETE FROM pending WHERE user_id = :user",
                                      params)).rowcount
        # A decline's news keeps the chat and the reason until sent: nothing of it stays.
        await conn.execute("DELETE FROM notices WHERE kind = 'declined' AND chat_id = :user",
                           params)
        await conn.execute("INSERT INTO erasures (reason, rows, at) VALUES"
                           " ('forget-me', :rows, :stamp)", {**params, "rows": erased})
    await db.checkpoint()
    return erased


async def erase_event(db: Database, event_id: int, now: datetime) -> int:
    """Retention: this event's registrations lose their personal data."""
    params: dict[str, object] = {"event": event_id, "stamp": to_db(now)}
    where = "event_id = :event AND erased_at IS NULL"
    async with db.transaction() as conn:
        await _scrub(conn, where, params)
        cur = await conn.execute(f"{ANONYMISE} WHERE {where}", params)
        erased = cur.rowcount
        await conn.execute("DELETE FROM pending WHERE event_id = :event", params)
        await conn.execute("DELETE FROM notices WHERE kind = 'declined'"
                           " AND event_id = :event", params)
        await conn.execute("UPDATE events SET erased_at = :stamp WHERE id = :event", params)
        await conn.execute("INSERT INTO erasures (reason, event_id, rows, at) VALUES"
                           " ('retention', :event, :rows, :stamp)", {**params, "rows": erased})
    await db.checkpoint()
    return erased


async def due_for_erasure(db: Database, cutoff: datetime) -> list[int]:
    """Events that started before `cutoff` and still hold personal data."""
    rows = await db.fetchall("SELECT id FROM events WHERE erased_at IS NULL"
                             " AND starts_at IS NOT NULL AND starts_at < ?", (to_db(cutoff),))
    return [int(r["id"]) for r in rows]


async def warn_once(db: Database, event_id: int, now: datetime,
                    letters: Sequence[tuple[int, Letter]]) -> bool:
    """True the first time: the organisers are reminded to export before erasure. The
    reminders (chat, letter) go to the outbox in the same transaction as the mark, so a
    crash can neither lose them nor send them twice over."""
    stamp = to_db(now)
    async with db.transaction() as conn:
        cur = await conn.execute("UPDATE events SET retention_warned_at = ? WHERE id = ?"
                                 " AND retention_warned_at IS NULL", (stamp, event_id))
        if cur.rowcount != 1:
            return False
        for chat_id, letter in letters:
            await notices.add_organiser(conn, chat_id, letter, stamp)
        return True


def erased(reg: Registration) -> bool:
    """Its personal data is gone (forget-me or retention): the ids were replaced by the
    row's negative id (see ANONYMISE), which no Telegram user has."""
    return reg.user_id < 0
