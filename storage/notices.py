"""The outbox (migrations 006 and 010): every message the bot sends that is not a reply.
Seat notices are added by the ledger inside its seat transactions (`add`), "the event
moved" inside the edit's (`add_moved`), organisers' messages inside the change they report
where there is one (`add_organiser`), an approval's or a decline's news inside the decision's
(`add_approved`, `add_declined`); the sender reads what is pending and records each
result."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

import aiosqlite

from storage.database import Database
from storage.models import Registration, to_db


class Notice(StrEnum):
    PROMOTED = "promoted"  # a seat came free and is yours (entry code)
    RELEASED = "released"  # your seat went to the next in line (you did not confirm)
    MOVED = "moved"  # the event's time or venue changed (details: what it said before)
    TOLD = "told"  # an organiser changed your registration (details: the catalog key)
    ORGANISER = "organiser"  # to an organiser, no registration (details: Letter.dump)
    APPROVED = "approved"  # an organiser approved your registration (what /my shows now)
    DECLINED = "declined"  # an organiser declined your form (no registration; a chat)


@dataclass(frozen=True)
class Letter:
    """A message to an organiser as stored: a catalog key and its arguments, the language
    to write it in, and buttons as (catalog key, packed callback data)."""

    key: str
    args: dict[str, str | int] = field(default_factory=dict)
    language: str | None = None
    buttons: tuple[tuple[str, str], ...] = ()

    def dump(self) -> str:
        return json.dumps({"key": self.key, "args": self.args, "language": self.language,
                           "buttons": [list(b) for b in self.buttons]}, ensure_ascii=False)

    @classmethod
    def load(cls, text: str) -> Letter:
        data = json.loads(text)
        return cls(str(data["key"]), dict(data.get("args") or {}), data.get("language"),
                   tuple((str(k), str(d)) for k, d in data.get("buttons") or ()))


async def add(conn: aiosqlite.Connection, reg_id: int, kind: Notice, stamp: str) -> None:
    """Inside the caller's seat transaction, after the change: the news and the change
    commit together, and the notice remembers the version it is about."""
    await conn.execute(
        "INSERT INTO notices (registration_id, kind, version, created_at, updated_at)"
        " SELECT id, ?, version, ?, ? FROM registrations WHERE id = ?",
        (kind.value, stamp, stamp, reg_id))


# The first line of an APPROVED notice when an edit turned approval off: the waiting form
# is confirmed (the rest is the registration as /my shows it when the notice goes).
ADMITTED = "admitted-head"


async def add_told(conn: aiosqlite.Connection, reg_id: int, key: str, stamp: str) -> None:
    """Inside the caller's transaction: what an organiser's change did to this
    registration (catalog `key`), about its version now."""
    details = {"key": key}
    await conn.execute(
        "INSERT INTO notices (registration_id, kind, version, details, created_at,"
        " updated_at) SELECT id, 'told', version, ?, ?, ? FROM registrations WHERE id = ?",
        (json.dumps(details), stamp, stamp, reg_id))


async def add_approved(conn: aiosqlite.Connection, reg_id: int, stamp: str,
                       head: str | None = None) -> None:
    """Inside the approval's transaction. An approval still unsent for this registration
    (approved, cancelled, approved again before it went) is replaced: one message says
    what the registration is when it goes. `head`: the catalog key of its first line, when
    not the organisers' approval (ADMITTED: approval was turned off)."""
    await conn.execute("UPDATE notices SET status = 'void', updated_at = ? WHERE"
                       " registration_id = ? AND kind = 'approved' AND status = 'pending'",
                       (stamp, reg_id))
    await conn.execute(
        "INSERT INTO notices (registration_id, kind, version, details, created_at,"
        " updated_at) SELECT id, ?, version, ?, ?, ? FROM registrations WHERE id = ?",
        (Notice.APPROVED.value, None if head is None else json.dumps({"head": head}),
         stamp, stamp, reg_id))


@dataclass(frozen=True)
class Declined:
    """A waiting form decided against: the news as kept until it is sent. `key`: the
    catalog text (with the event's title), "declined" by an organiser or "pending-closed"
    at the start; `reason`: the organiser's, if any."""

    chat_id: int
    event_id: int
    language: str
    key: str
    reason: str | None = None
    id: int = 0  # the notice's, once written


async def add_declined(conn: aiosqlite.Connection, news: Declined, stamp: str) -> None:
    """Inside the decline's transaction: the form is gone, so the news keeps the chat, the
    reader's language and the reason (erased with the person or the event)."""
    await conn.execute(
        "INSERT INTO notices (registration_id, kind, version, chat_id, event_id, details,"
        " created_at, updated_at) VALUES (NULL, 'declined', 0, ?, ?, ?, ?, ?)",
        (news.chat_id, news.event_id, json.dumps(
            {"language": news.language, "key": news.key, "reason": news.reason},
            ensure_ascii=False), stamp, stamp))


async def add_moved(conn: aiosqlite.Connection, event_id: int, before: dict[str, str | None],
                    stamp: str) -> int:
    """Inside the caller's edit transaction: "the event moved" for every active
    registration of the event; returns how many. Someone still waiting for an earlier
    "moved" keeps that one: it says what the event was before both changes, and the text
    made at send time says what it is now."""
    cur = await conn.execute(
        "INSERT INTO notices (registration_id, kind, version, details, created_at, updated_at)"
        " SELECT r.id, 'moved', r.version, ?, ?, ? FROM registrations r"
        " WHERE r.event_id = ? AND r.status = 'active' AND NOT EXISTS (SELECT 1 FROM notices n"
        " WHERE n.registration_id = r.id AND n.kind = 'moved' AND n.status = 'pending')",
        (json.dumps(before), stamp, stamp, event_id))
    return cur.rowcount


async def add_organiser(conn: aiosqlite.Connection, chat_id: int, letter: Letter,
                        stamp: str) -> None:
    """Inside the caller's transaction: a message to an organiser's chat."""
    await conn.execute(
        "INSERT INTO notices (registration_id, kind, version, chat_id, details, created_at,"
        " updated_at) VALUES (NULL, 'organiser', 0, ?, ?, ?, ?)",
        (chat_id, letter.dump(), stamp, stamp))


class Notices:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def pending(self, limit: int = 100) -> list[tuple[int, Notice, int, Registration]]:
        """Oldest first: (id, kind, the version it is about, the registration as it is now)."""
        # A "moved" notice is about the event, not the seat: it holds whatever the
        # registration's version is now (a change of seat does not make it old news);
        # so does "approved" (its text says what the registration is when it goes).
        # Messages to organisers have no registration: pending_organisers reads them.
        rows = await self._db.fetchall(
            "SELECT n.id AS notice_id, n.kind, CASE WHEN n.kind IN ('moved', 'approved')"
            " THEN r.version ELSE n.version END AS about, r.* FROM notices n"
            " JOIN registrations r ON r.id = n.registration_id"
            " WHERE n.status = 'pending' ORDER BY n.id LIMIT ?", (limit,))
        return [(int(row["notice_id"]), Notice(row["kind"]), int(row["about"]),
                 Registration.from_row(row)) for row in rows]

    async def registration(self, reg_id: int) -> Registration | None:
        """The row as it is now, for the decision made once the send slot is granted: one
        read by primary key."""
        row = await self._db.fetchone("SELECT * FROM registrations WHERE id = ?", (reg_id,))
        return None if row is None else Registration.from_row(row)

    async def begin(self, notice_id: int) -> None:
        """Written before the send: a crash after it shows as attempts > 1 later."""
        await self._db.execute("UPDATE notices SET attempts = attempts + 1 WHERE id = ?",
                               (notice_id,))

    async def record(self, notice_id: int, status: str, now: datetime) -> None:
        await self._db.execute("UPDATE notices SET status = ?, updated_at = ? WHERE id = ?",
                               (status, to_db(now), notice_id))

    async def details(self, reg_id: int, kind: Notice) -> dict[str, str | None] | None:
        """The details of this registration's oldest pending notice of this kind (the one
        being sent: the outbox goes oldest first)."""
        row = await self._db.fetchone(
            "SELECT details FROM notices WHERE registration_id = ? AND kind = ?"
            " AND status = 'pending' ORDER BY id LIMIT 1", (reg_id, kind.value))
        if row is None or row["details"] is None:
            return None
        found: dict[str, str | None] = json.loads(row["details"])
        return found

    async def tell(self, reg_id: int, key: str, now: datetime) -> None:
        """What an organiser did to this registration (already committed): about its
        version now, so a later change (registering again) makes it old news."""
        async with self._db.transaction() as conn:
            await add_told(conn, reg_id, key, to_db(now))

    async def to_organiser(self, chat_id: int, letter: Letter, now: datetime) -> None:
        async with self._db.transaction() as conn:
            await add_organiser(conn, chat_id, letter, to_db(now))

    async def pending_organisers(self, limit: int = 100) -> list[tuple[int, int, Letter]]:
        """Oldest first: (id, chat id, letter) of the messages to organisers."""
        rows = await self._db.fetchall(
            "SELECT id, chat_id, details FROM notices WHERE status = 'pending'"
            " AND kind = 'organiser' ORDER BY id LIMIT ?", (limit,))
        return [(int(r["id"]), int(r["chat_id"]), Letter.load(r["details"])) for r in rows]

    async def pending_declined(self, limit: int = 100) -> list[Declined]:
        """Oldest first: the declines still to tell."""
        rows = await self._db.fetchall(
            "SELECT id, chat_id, event_id, details FROM notices WHERE status = 'pending'"
            " AND kind = 'declined' ORDER BY id LIMIT ?", (limit,))
        found = []
        for r in rows:
            details = json.loads(r["details"])
            found.append(Declined(int(r["chat_id"]), int(r["event_id"]),
                                  str(details["language"]), str(details["key"]),
                                  details.get("reason"), int(r["id"])))
        return found

    async def sent_to(self, reg_id: int, kind: Notice) -> int:
        row = await self._db.fetchone(
            "SELECT COUNT(*) AS n FROM notices WHERE registration_id = ? AND kind = ?"
            " AND status = 'sent'", (reg_id, kind.value))
        return 0 if row is None else int(row["n"])
