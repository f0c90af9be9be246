"""Saving an organiser's edit of an event (/editevent), all or nothing.

One transaction (BEGIN IMMEDIATE) holds every step: the version check, the room size
check, the event's new definition, the promotions into a larger room, the "the event
moved" notices for every active registration, the forms still waiting when approval is
turned off (confirmed, see below), and the audit line. A failure at any step
leaves the event, the seats and the outbox exactly as they were. After the commit come
only the steps that are made again from the stored state anyway: the reminder jobs are
planned again (the scheduler's jobs live in memory and are re-planned at every start) and
the outbox is woken (it also drains at every start).

A draft carries the version the event had when the draft began; /capacity, /close, /open
and every save raise it. A draft of an event changed meanwhile is refused with the event as
it is now, so the organiser can see what changed and start again.

Approval turned off (here, or with /form's toggle, which saves through this too): the
forms still waiting are confirmed in the same transaction, in order of registration, under
the seat rule, and each person is told through the outbox. Approval turned on: the
registrations made stay as they are; only new Confirms wait."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from core.config import EventSection
from core.i18n import LANGUAGES
from core.timeutil import Clock
from services.events import Event, Events, settle_texts
from services.registration import Registrations
from storage import notices, pending
from storage.audit import AuditLog
from storage.models import Registration, to_db

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    event: Event  # as it is now
    promoted: tuple[Registration, ...]  # into the larger room (their notices are queued)
    told: int  # "the event moved" notices queued (0 unless the time or the venue changed)
    # Forms that were waiting when the edit turned approval off: registrations now (seat
    # rule, in order of registration), each person's news queued with it.
    admitted: tuple[Registration, ...] = ()


@dataclass(frozen=True)
class Changed:
    """Refused: the event changed since the draft began (another organiser's save, a
    /capacity, /close or /open). `info` is the event as it is now, room size included."""

    info: EventSection


@dataclass(frozen=True)
class Taken:
    """Refused: the new room is smaller than the seats already given."""

    seated: int


@dataclass(frozen=True)
class Draft:
    """What an edit starts from: the event as stored now (the room size in force) and
    its version."""

    info: EventSection
    version: int


class EventEdits:
    def __init__(self, registrations: Registrations, events: Events, clock: Clock,
                 plan: Callable[[Event], Awaitable[None]]) -> None:
        self.registrations, self.events, self.clock = registrations, events, clock
        self._plan = plan  # scheduler.reminders' re-plan, through the CampaignsPort

    async def begin(self, event: Event) -> Draft:
        """Read from the table, not the cache: /capacity and /close change the row only."""
        stored = await self.events.version(event.id)
        if stored is None:
            raise LookupError(event.slug)
        version, room = stored
        return Draft(event.info.model_copy(update={"offline_capacity": room}), version)

    async def waiting(self, event: Event) -> int:
        """Forms waiting for approval: what turning approval off would confirm at once."""
        return await pending.count(self.registrations.db, event.id)

    async def save(self, admin_id: int, event: Event, version: int, info: EventSection,
                   edits: list[str]) -> Saved | Changed | Taken:
        db = self.registrations.db
        ledger = self.registrations.ledger(event.id)
        audit = AuditLog(db, event.id)
        now = self.clock()
        stamp = to_db(now)
        async with db.transaction() as conn:
            row = await self.events.store.locked(conn, event.id)
            if row is None:
                raise LookupError(event.slug)
            stored = EventSection.model_validate_json(row.definition)
            if row.version != version:
                return Changed(stored.model_copy(update={"offline_capacity": row.room_size}))
            grows = info.offline_capacity > row.room_size
            if info.offline_capacity != row.room_size:
                taken = await ledger.seats_taken(conn)
                if info.offline_capacity < taken:
                    return Taken(taken)
            # One rule for an event's texts: a language's version of what changed goes
            # unless the edit gave it anew (no reader keeps the old title or building).
            info = settle_texts(stored, info).model_copy(update={"id": event.slug})
            moved = (info.starts_utc != stored.starts_utc or info.venue != stored.venue
                     or any(info.in_language(code).venue != stored.in_language(code).venue
                            for code in LANGUAGES))
            fresh = await self.events.store.update(
                conn, event.id, info.model_dump_json(), info.starts_utc,
                info.offline_capacity, now, moved)
            if fresh is None:
                raise LookupError(event.slug)
            promoted = await ledger.fill_seats(conn, now) if grows else ()
            told = 0
            if moved:
                before: dict[str, str | None] = {"starts_at": stored.starts_utc.isoformat(),
                                                 "venue": stored.venue}
                # The venue each language's readers saw, to say "from … to …" in theirs.
                before |= {f"venue.{code}": stored.in_language(code).venue
                           for code in LANGUAGES}
                told = await notices.add_moved(conn, event.id, before, stamp)
            # Approval off: "confirm registrations at once" holds for those already waiting
            # too. Decided here, ahead of any newcomer, so nobody's form is left waiting
            # for a decision that no longer comes (after the "moved" notices: theirs shows
            # the event as it is now).
            admitted = (await ledger.admit_waiting(conn, now)
                        if stored.approval and not info.approval else ())
            await audit.record_in(conn, admin_id, "editevent", now, ", ".join(edits) or "-")
        self.events.forget()
        saved = await self.events.get(event.id)
        if saved is None:
            raise LookupError(event.slug)
        # Reminder jobs carry the time and the sequence; with approval on, a job at the
        # start closes the forms still waiting: make them again.
        if moved or info.approval != stored.approval:
            await self._plan(saved)
        if promoted or told or admitted:
            self.registrations.outbox.kick()
        log.info("admin %s edited event %s (%s); %d promoted, %d to tell, %d admitted",
                 admin_id, event.slug, ", ".join(edits) or "-", len(promoted), told,
                 len(admitted))
        return Saved(saved, promoted, told, admitted)
