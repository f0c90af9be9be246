"""The team tables (migration 014): members per event and their one-time invitations.
Knows no Telegram and no roles beyond the two stored words ('organiser', 'door')."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import Database
from storage.models import from_db, to_db


@dataclass(frozen=True)
class MemberRow:
    event_id: int
    user_id: int
    role: str
    name: str
    added_by: int
    added_at: datetime
    removed_at: datetime | None


@dataclass(frozen=True)
class InviteRow:
    token: str
    event_id: int
    role: str
    created_by: int
    expires_at: datetime
    used_by: int | None
    used_at: datetime | None
    revoked_at: datetime | None


def _when(text: str | None) -> datetime:
    found = from_db(text)
    if found is None:  # NOT NULL in the schema: a damaged row
        raise ValueError("team row without a time")
    return found


def _member(r: aiosqlite.Row) -> MemberRow:
    return MemberRow(int(r["event_id"]), int(r["user_id"]), r["role"], r["name"],
                     int(r["added_by"]), _when(r["added_at"]), from_db(r["removed_at"]))


def _invite(r: aiosqlite.Row) -> InviteRow:
    return InviteRow(r["token"], int(r["event_id"]), r["role"], int(r["created_by"]),
                     _when(r["expires_at"]), r["used_by"], from_db(r["used_at"]),
                     from_db(r["revoked_at"]))


class TeamStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def active(self) -> list[MemberRow]:
        """Every current member of every team (the service keeps a copy)."""
        rows = await self.db.fetchall("SELECT * FROM team WHERE removed_at IS NULL")
        return [_member(r) for r in rows]

    async def members(self, event_id: int) -> list[MemberRow]:
        rows = await self.db.fetchall(
            "SELECT * FROM team WHERE event_id = ? AND removed_at IS NULL"
            " ORDER BY added_at, user_id", (event_id,))
        return [_member(r) for r in rows]

    async def name(self, event_id: int, user_id: int) -> str | None:
        """A member's name, also after removal (until the event's retention)."""
        row = await self.db.fetchone("SELECT name FROM team WHERE event_id = ? AND user_id = ?",
                                     (event_id, user_id))
        return None if row is None or not row["name"] else str(row["name"])

    async def add(self, event_id: int, user_id: int, role: str, name: str, by: int,
                  now: datetime) -> None:
        """Make (or make again) someone a member with this role."""
        await self.db.execute(
            "INSERT INTO team (event_id, user_id, role, name, added_by, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, user_id) DO UPDATE SET"
            " role = excluded.role, name = excluded.name, added_by = excluded.added_by,"
            " added_at = excluded.added_at, removed_at = NULL",
            (event_id, user_id, role, name, by, to_db(now)))

    async def remove(self, event_id: int, user_id: int, now: datetime) -> MemberRow | None:
        """The member as they were, or None if they were not one."""
        rows = await self.db.write_returning(
            "UPDATE team SET removed_at = ? WHERE event_id = ? AND user_id = ?"
            " AND removed_at IS NULL RETURNING *", (to_db(now), event_id, user_id))
        return _member(rows[0]) if rows else None

    async def invite(self, token: str, event_id: int, role: str, by: int, now: datetime,
                     expires: datetime) -> None:
        await self.db.execute(
            "INSERT INTO team_invites (token, event_id, role, created_by, created_at,"
            " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            (token, event_id, role, by, to_db(now), to_db(expires)))

    async def get_invite(self, token: str) -> InviteRow | None:
        row = await self.db.fetchone("SELECT * FROM team_invites WHERE token = ?", (token,))
        return None if row is None else _invite(row)

    async def pending(self, event_id: int, now: datetime) -> list[InviteRow]:
        rows = await self.db.fetchall(
            "SELECT * FROM team_invites WHERE event_id = ? AND used_by IS NULL"
            " AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at",
            (event_id, to_db(now)))
        return [_invite(r) for r in rows]

    async def revoke(self, token: str, now: datetime) -> bool:
        return await self.db.execute(
            "UPDATE team_invites SET revoked_at = ? WHERE token = ? AND used_by IS NULL"
            " AND revoked_at IS NULL", (to_db(now), token)) == 1

    async def redeem(self, token: str, user_id: int, name: str,
                     now: datetime) -> tuple[str, InviteRow | None]:
        """Use a link, in one transaction: ('ok'|'unknown'|'used'|'revoked'|'expired',
        the invitation). Only 'ok' changes anything (the link is used, the member added)."""
        stamp = to_db(now)
        async with self.db.transaction() as conn:
            found = next(iter(await conn.execute_fetchall(
                "SELECT * FROM team_invites WHERE token = ?", (token,))), None)
            if found is None:
                return "unknown", None
            invite = _invite(found)
            if invite.used_by is not None:
                return "used", invite
            if invite.revoked_at is not None:
                return "revoked", invite
            if invite.expires_at <= now:
                return "expired", invite
            await conn.execute("UPDATE team_invites SET used_by = ?, used_at = ?"
                               " WHERE token = ?", (user_id, stamp, token))
            await conn.execute(
                "INSERT INTO team (event_id, user_id, role, name, added_by, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, user_id) DO UPDATE SET"
                " role = excluded.role, name = excluded.name, added_by = excluded.added_by,"
                " added_at = excluded.added_at, removed_at = NULL",
                (invite.event_id, user_id, invite.role, name, invite.created_by, stamp))
            return "ok", invite

    async def checked_in_by(self, registration_id: int) -> int | None:
        row = await self.db.fetchone("SELECT checked_in_by FROM registrations WHERE id = ?",
                                     (registration_id,))
        return None if row is None or row["checked_in_by"] is None else int(row["checked_in_by"])

    async def event_of(self, registration_id: int) -> int | None:
        """Which event a registration belongs to (a button names a row by id only)."""
        row = await self.db.fetchone("SELECT event_id FROM registrations WHERE id = ?",
                                     (registration_id,))
        return None if row is None else int(row["event_id"])

    async def forget(self, user_id: int, now: datetime) -> None:
        """/forget_me from a member: out of every team, their ids gone from the links they
        used, made (an unused one stops working) and the check-ins they made."""
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM team WHERE user_id = ?", (user_id,))
            await conn.execute("UPDATE team_invites SET used_by = -1 WHERE used_by = ?",
                               (user_id,))
            await conn.execute("UPDATE team_invites SET created_by = -1, revoked_at ="
                               " CASE WHEN used_by IS NULL THEN COALESCE(revoked_at, ?)"
                               " ELSE revoked_at END WHERE created_by = ?",
                               (to_db(now), user_id))
            await conn.execute("UPDATE registrations SET checked_in_by = NULL"
                               " WHERE checked_in_by = ?", (user_id,))
        await self.db.checkpoint()

    async def erase_event(self, event_id: int) -> int:
        """The event's retention: its team and links go (the audit keeps ids only)."""
        async with self.db.transaction() as conn:
            cur = await conn.execute("DELETE FROM team WHERE event_id = ?", (event_id,))
            gone = cur.rowcount
            await conn.execute("DELETE FROM team_invites WHERE event_id = ?", (event_id,))
            await conn.execute("UPDATE registrations SET checked_in_by = NULL"
                               " WHERE event_id = ?", (event_id,))
        await self.db.checkpoint()
        return gone
