"""The delivery ledger: one row per (campaign, registration), so nothing is sent twice."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from storage.database import Database
from storage.models import (
    Audience,
    Registration,
    audience_sql,
    from_db,
    parse_audience,
    to_db,
)

EVERYONE = "*"  # the version key of a text written once for all readers


def pick(versions: Mapping[str, str], language: str | None, default: str) -> str | None:
    """Which version (a language code or EVERYONE) a reader of `language` gets: their own,
    else the one for everyone, else the default language's, else any - never nothing while
    there is any version. None only for no versions at all."""
    for key in (language, EVERYONE, default):
        if key is not None and key in versions:
            return key
    return min(versions, default=None)  # any, but the same one every time


class Delivery(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    UNREACHABLE = "unreachable"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Report:
    pending: int = 0
    sent: int = 0
    unreachable: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.pending + self.sent + self.unreachable + self.failed + self.skipped


@dataclass(frozen=True)
class Campaign:
    key: str
    kind: str
    audience: Audience
    body: str | None
    created_by: int | None
    state: str
    opened_at: datetime
    language: str | None = None
    event_id: int | None = None  # whose registrations it reaches
    invite_event: int | None = None  # a broadcast's button opens this event
    bodies: Mapping[str, str] = field(default_factory=dict)  # a broadcast's language versions

    @property
    def versions(self) -> dict[str, str]:
        """Every text of a broadcast: the language versions, and EVERYONE for `body`."""
        found = dict(self.bodies)
        if self.body is not None:
            found[EVERYONE] = self.body
        return found


class Deliveries:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def open(self, key: str, kind: str, audience: str, now: datetime, event: int,
                   body: str | None = None, created_by: int | None = None,
                   language: str | None = None, invite_event: int | None = None,
                   bodies: Mapping[str, str] | None = None) -> bool:
        """Create the campaign and fix its recipients (of `event`), in one transaction.
        False if it already existed: a resumed campaign keeps the recipients it had."""
        who = parse_audience(audience)  # an unknown audience is refused before any write
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT OR IGNORE INTO campaigns (key, kind, audience, body, created_by, language,"
                " state, opened_at, event_id, invite_event, bodies)"
                " VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)",
                (key, kind, who.value, body, created_by, language, to_db(now), event,
                 invite_event, json.dumps(dict(bodies), ensure_ascii=False) if bodies else None))
            if cur.rowcount == 0:
                return False
            await conn.execute(
                "INSERT OR IGNORE INTO deliveries (campaign, registration_id, status, updated_at)"
                " SELECT ?, r.id, 'pending', ? FROM registrations r"
                f" WHERE r.event_id = ? AND {audience_sql(who)}",
                (key, to_db(now), event))
            return True

    async def campaign(self, key: str) -> Campaign | None:
        row = await self.db.fetchone("SELECT * FROM campaigns WHERE key = ?", (key,))
        if row is None:
            return None
        opened = from_db(row["opened_at"])
        if opened is None:  # NOT NULL in the schema: a damaged row
            raise ValueError(f"campaign {key!r} has no opened_at")
        bodies = json.loads(row["bodies"]) if row["bodies"] else {}
        if not isinstance(bodies, dict):  # written by open() as an object: a damaged row
            raise ValueError(f"campaign {key!r} has unreadable bodies")
        return Campaign(row["key"], row["kind"], parse_audience(row["audience"]), row["body"],
                        row["created_by"], row["state"], opened, row["language"],
                        row["event_id"], row["invite_event"],
                        {str(k): str(v) for k, v in bodies.items()})

    async def unfinished(self, kind: str) -> list[Campaign]:
        rows = await self.db.fetchall("SELECT key FROM campaigns WHERE kind = ? AND state ="
                                      " 'running' ORDER BY opened_at", (kind,))
        found = [await self.campaign(row["key"]) for row in rows]
        return [c for c in found if c]

    async def skip_campaign(self, key: str, kind: str, audience: str, now: datetime,
                            event: int) -> None:
        """Record a campaign that will never be sent (e.g. its moment passed while down)."""
        await self.open(key, kind, audience, now, event)
        await self.db.execute("UPDATE deliveries SET status = 'skipped', updated_at = ?"
                              " WHERE campaign = ? AND status = 'pending'", (to_db(now), key))
        await self.finish(key, now, state="skipped")

    async def pending(self, key: str) -> list[tuple[int, Registration]]:
        rows = await self.db.fetchall(
            "SELECT d.id AS delivery_id, r.* FROM deliveries d"
            " JOIN registrations r ON r.id = d.registration_id"
            " WHERE d.campaign = ? AND d.status = 'pending' ORDER BY d.id", (key,))
        return [(int(row["delivery_id"]), Registration.from_row(row)) for row in rows]

    async def record(self, delivery_id: int, status: Delivery, now: datetime, attempts: int = 0,
                     message_id: int | None = None, error: str | None = None) -> None:
        sql = ("UPDATE deliveries SET status = ?, attempts = attempts + ?, message_id = ?,"
               " error = ?, updated_at = ? WHERE id = ?")
        params = (status.value, attempts, message_id, error, to_db(now), delivery_id)
        if status is not Delivery.UNREACHABLE:  # one statement commits atomically by itself
            await self.db.execute(sql, params)
            return
        async with self.db.transaction() as conn:
            await conn.execute(sql, params)
            await conn.execute(
                "UPDATE registrations SET unreachable_at = ? WHERE id ="
                " (SELECT registration_id FROM deliveries WHERE id = ?)",
                (to_db(now), delivery_id))

    async def finish(self, key: str, now: datetime, state: str = "done") -> None:
        await self.db.execute("UPDATE campaigns SET state = ?, finished_at = ? WHERE key = ?",
                              (state, to_db(now), key))

    async def report(self, key: str) -> Report:
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) AS n FROM deliveries WHERE campaign = ? GROUP BY status",
            (key,))
        return Report(**{row["status"]: int(row["n"]) for row in rows})

    async def count(self, audience: str, event: int) -> int:
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n FROM registrations r"
            f" WHERE r.event_id = ? AND {audience_sql(audience)}", (event,))
        return 0 if row is None else int(row["n"])

    async def languages(self, audience: str, event: int) -> dict[str, int]:
        """How many of the audience (of `event`) read each language, as registered."""
        rows = await self.db.fetchall(
            "SELECT r.language AS language, COUNT(*) AS n FROM registrations r"
            f" WHERE r.event_id = ? AND {audience_sql(audience)} GROUP BY r.language", (event,))
        return {str(row["language"]): int(row["n"]) for row in rows}

    async def answer(self, key: str, registration_id: int, answer: str, now: datetime) -> bool:
        """Store a "still coming?" answer; False if that person got no such question."""
        return await self.db.execute(
            "UPDATE deliveries SET answer = ?, updated_at = ? WHERE campaign = ?"
            " AND registration_id = ? AND status = 'sent'",
            (answer, to_db(now), key, registration_id)) == 1

    async def silent(self, key: str) -> list[int]:
        """Users asked in campaign `key` who have not answered and still hold a seat."""
        rows = await self.db.fetchall(
            "SELECT r.user_id FROM deliveries d JOIN registrations r ON r.id = d.registration_id"
            " WHERE d.campaign = ? AND d.status = 'sent' AND d.answer IS NULL"
            f" AND {audience_sql(Audience.OFFLINE)} ORDER BY d.id", (key,))
        return [int(row["user_id"]) for row in rows]
