"""The team: who may use the organiser console, for which event, for what.

Owners are the config's `telegram.admins`: everything, every event, and the team. Per
event, organisers have that event's console and can invite door staff; door staff can only
check people in. Members join through a one-time link (valid 48 h) or are picked from an
owner's or organiser's contacts. Every change is an audit row of the event."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from core.config import Settings
from core.timeutil import Clock
from services.events import Event, Events
from storage.audit import AuditLog
from storage.team import InviteRow, MemberRow, TeamStore

INVITE_VALID = timedelta(hours=48)
JOIN_PREFIX = "join_"  # /start join_<token>


class Role(StrEnum):
    DOOR = "door"
    ORGANISER = "organiser"
    OWNER = "owner"


_RANK = {Role.DOOR: 1, Role.ORGANISER: 2, Role.OWNER: 3}


def rank(role: Role) -> int:
    return _RANK[role]


def covers(have: Role, need: Role) -> bool:
    """An organiser may do what door staff may; an owner anything."""
    return _RANK[have] >= _RANK[need]


def may_manage(actor: Role, role: Role) -> bool:
    """Owners invite and remove organisers and door staff; organisers door staff only."""
    return actor is Role.OWNER or (actor is Role.ORGANISER and role is Role.DOOR)


@dataclass(frozen=True)
class Joined:
    status: str  # 'ok' | 'unknown' | 'used' | 'revoked' | 'expired' | 'owner' | 'member'
    invite: InviteRow | None
    event: Event | None


class Team:
    """Read on every private update (is this person in a team?), written only here: a
    write-through copy of the current memberships spares a database trip per update."""

    def __init__(self, store: TeamStore, events: Events, settings: Settings,
                 clock: Clock) -> None:
        self.store, self.events, self.settings, self.clock = store, events, settings, clock
        self._copy: dict[int, dict[int, Role]] | None = None  # user -> event -> role

    def is_owner(self, user_id: int) -> bool:
        return user_id in self.settings.telegram.admins

    async def _memberships(self) -> dict[int, dict[int, Role]]:
        if self._copy is None:
            copy: dict[int, dict[int, Role]] = {}
            for row in await self.store.active():
                copy.setdefault(row.user_id, {})[row.event_id] = Role(row.role)
            self._copy = copy
        return self._copy

    async def roles(self, user_id: int) -> dict[int, Role]:
        """Event id -> role, for a member (owners are not members: they have every event)."""
        return dict((await self._memberships()).get(user_id, {}))

    async def role_in(self, user_id: int, event_id: int) -> Role | None:
        if self.is_owner(user_id):
            return Role.OWNER
        return (await self.roles(user_id)).get(event_id)

    async def current_for(self, user_id: int) -> Event | None:
        """A member's event in the console: the one chosen with /events if it is theirs,
        else their next to start, else their latest; None: not a member."""
        mine = await self.roles(user_id)
        if not mine:
            return None
        chosen = await self.events.store.current_of(user_id)
        theirs = [e for e in await self.events.all() if e.id in mine]
        if chosen in mine:
            found = next((e for e in theirs if e.id == chosen), None)
            if found is not None:
                return found
        now = self.clock()
        upcoming = [e for e in theirs if e.starts_utc > now]
        if upcoming:
            return upcoming[0]
        return theirs[-1] if theirs else None

    async def members(self, event_id: int) -> list[MemberRow]:
        return await self.store.members(event_id)

    async def organisers_of(self, event_id: int) -> list[int]:
        """Who hears the event's news besides the owners: its organisers (not door staff)."""
        return [m.user_id for m in await self.store.members(event_id)
                if m.role == Role.ORGANISER.value]

    async def pending(self, event_id: int) -> list[InviteRow]:
        return await self.store.pending(event_id, self.clock())

    async def name_of(self, event_id: int, user_id: int) -> str | None:
        return await self.store.name(event_id, user_id)

    async def checked_in_by(self, registration_id: int) -> int | None:
        return await self.store.checked_in_by(registration_id)

    async def event_of(self, registration_id: int) -> int | None:
        return await self.store.event_of(registration_id)

    def _audit(self, event_id: int) -> AuditLog:
        return AuditLog(self.store.db, event_id)

    async def invite(self, event: Event, role: Role, by: int) -> InviteRow:
        """A new one-time link for `role` in `event`, valid INVITE_VALID."""
        now = self.clock()
        token = secrets.token_urlsafe(12)  # 16 characters of [A-Za-z0-9_-]: a start payload
        await self.store.invite(token, event.id, role.value, by, now, now + INVITE_VALID)
        await self._audit(event.id).record(by, "team-invite", now,
                                           details=f"{role.value} {token[:4]}")
        found = await self.store.get_invite(token)
        if found is None:
            raise LookupError(token)
        return found

    async def join(self, token: str, user_id: int, name: str) -> Joined:
        """Open a link: the person becomes a member, or (used, expired, revoked, unknown)
        nothing changes."""
        found = await self.store.get_invite(token)
        if found is not None:
            have = await self.role_in(user_id, found.event_id)
            if have is not None and covers(have, Role(found.role)):
                # Has that much already (an owner: everything): the link stays usable.
                return Joined("owner" if have is Role.OWNER else "member", found,
                              await self.events.get(found.event_id))
        now = self.clock()
        status, invite = await self.store.redeem(token, user_id, name, now)
        event = await self.events.get(invite.event_id) if invite else None
        if status == "ok" and invite is not None:
            (await self._memberships()).setdefault(user_id, {})[invite.event_id] = \
                Role(invite.role)
            await self._audit(invite.event_id).record(user_id, "team-join", now,
                                                      details=invite.role)
        return Joined(status, invite, event)

    async def add(self, event: Event, role: Role, user_id: int, name: str, by: int) -> bool:
        """A person picked from the contacts becomes a member; False for an owner."""
        if self.is_owner(user_id):
            return False
        now = self.clock()
        await self.store.add(event.id, user_id, role.value, name, by, now)
        (await self._memberships()).setdefault(user_id, {})[event.id] = role
        await self._audit(event.id).record(by, "team-add", now,
                                           details=f"{role.value} {user_id}")
        return True

    async def remove(self, event_id: int, user_id: int, by: int) -> MemberRow | None:
        """Out of the team at once: the next update of theirs finds no membership."""
        now = self.clock()
        gone = await self.store.remove(event_id, user_id, now)
        (await self._memberships()).get(user_id, {}).pop(event_id, None)
        if gone is not None:
            await self._audit(event_id).record(by, "team-remove", now,
                                               details=f"{gone.role} {user_id}")
        return gone

    async def revoke(self, event_id: int, token: str, by: int) -> bool:
        """An unused link stops working; only whoever may invite that role may."""
        invite = await self.store.get_invite(token)
        actor = await self.role_in(by, event_id)
        if (invite is None or invite.event_id != event_id or actor is None
                or not may_manage(actor, Role(invite.role))):
            return False
        now = self.clock()
        done = await self.store.revoke(token, now)
        if done:
            await self._audit(event_id).record(by, "team-revoke", now,
                                               details=f"{invite.role} {token[:4]}")
        return done

    async def forget(self, user_id: int) -> None:
        """/forget_me: out of every team."""
        await self.store.forget(user_id, self.clock())
        (await self._memberships()).pop(user_id, None)

    async def erase_event(self, event_id: int) -> int:
        """The event's retention: its team's names and ids go."""
        gone = await self.store.erase_event(event_id)
        for roles in (await self._memberships()).values():
            roles.pop(event_id, None)
        return gone


def invite_link(bot_username: str | None, token: str) -> str:
    return f"https://t.me/{bot_username}?start={JOIN_PREFIX}{token}"
