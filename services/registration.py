"""The participant-side rules around the ledger: is registration open, and who must be
told when a seat moves. Handlers call this; it never renders a reply itself.

`Registrations` serves every event; `registrations.of(event)` gives the `Desk` of one
event, with the calls a handler makes about that event."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum

from core.sender import Sender
from core.timeutil import Clock
from services.events import Event, Events
from services.outbox import Outbox
from storage import pending
from storage.audit import PARTICIPANT, AuditLog
from storage.database import Database
from storage.ledger import Ledger, registrations_of, remember_group
from storage.models import Applicant, Counts, Format, Outcome, Registration

log = logging.getLogger(__name__)
WITHDREW = "withdrew"  # the digest's step: a waiting form taken back by its author


class Intake(StrEnum):
    """What new registrations may choose. Organisers can narrow it (stored per event)."""

    OPEN = "open"
    ONLINE_ONLY = "online-only"
    CLOSED = "closed"


@dataclass
class _Seen:
    """What one update read about one event, while the database's generation (its writes
    but conversation state) stays: a screen asks for the counts or the registration again
    without another trip. A write (this update's own seat decision too) makes it stale."""

    generation: int
    counts: Counts | None = None
    regs: dict[int, Registration | None] = field(default_factory=dict)
    positions: dict[int, int | None] = field(default_factory=dict)


# Inside Registrations.update_scope(): event id -> what this update has read about it.
_SEEN: ContextVar[dict[int, _Seen] | None] = ContextVar("seen", default=None)


class Registrations:
    def __init__(self, db: Database, events: Events, clock: Clock, sender: Sender,
                 outbox: Outbox) -> None:
        self.db, self.events, self.clock = db, events, clock
        self._sender = sender
        self.outbox = outbox

    def ledger(self, event: Event | int) -> Ledger:
        return Ledger(self.db, event if isinstance(event, int) else event.id)

    async def waiting_elsewhere(self, than: int) -> list[tuple[Event, int]]:
        """The other events (not `than`) with forms waiting for approval, and how many."""
        found = []
        for event_id, count in sorted((await pending.counts(self.db)).items()):
            event = await self.events.get(event_id) if event_id != than else None
            if event is not None:
                found.append((event, count))
        return found

    def of(self, event: Event) -> Desk:
        return Desk(self, event)

    @contextmanager
    def update_scope(self) -> Iterator[None]:
        """Around one update's handling: within it, desks reuse what the update already
        read (the counts, the person's registration) until something is written. Outside
        (the scheduler, the console's reports, tests) every read goes to the database."""
        if _SEEN.get() is not None:
            yield
            return
        token = _SEEN.set({})
        try:
            yield
        finally:
            _SEEN.reset(token)

    async def desk_of(self, reg: Registration) -> Desk | None:
        """The desk of the event a registration belongs to."""
        event = await self.events.get(reg.event_id)
        return None if event is None else Desk(self, event)

    async def by_id(self, reg_id: int) -> Registration | None:
        """Any event's registration by its id (buttons carry it)."""
        found = await registrations_of(self.db, reg_id=reg_id)
        return found[0] if found else None

    async def waiting_by_id(self, pending_id: int) -> tuple[Desk, pending.Waiting] | None:
        """A waiting form of any event by its id (the participant's Withdraw carries it)."""
        waiting = await pending.by_id(self.db, pending_id)
        event = None if waiting is None else await self.events.get(waiting.event_id)
        return None if waiting is None or event is None else (Desk(self, event), waiting)

    async def of_person(self, user_id: int) -> list[tuple[Event, Registration]]:
        """A person's active registrations, the soonest event first."""
        found = []
        for reg in await registrations_of(self.db, user_id=user_id):
            event = await self.events.get(reg.event_id)
            if event is not None and reg.active:
                found.append((event, reg))
        return sorted(found, key=lambda pair: pair[0].starts_utc)

    async def remember_group(self, chat_id: int) -> bool:
        """True the first time a group chat is seen (so the bot speaks there only once)."""
        return await remember_group(self.db, chat_id)

    async def event_link(self, event: Event, suffix: str = "") -> str:
        """https://t.me/<bot>?start=<event id>[_offline|_online]: opens that event."""
        me = await self._sender.bot.me()
        return f"https://t.me/{me.username}?start={event.slug}{suffix}"

    async def confirm_unasked(self) -> int:
        """At start: forms still waiting for an event whose config no longer asks for
        approval are confirmed, as an /editevent that turns it off confirms them (in order
        of registration, under the seat rule, each person told through the outbox)."""
        admitted = 0
        for event_id in await pending.events_waiting(self.db):
            event = await self.events.get(event_id)
            if event is None or event.info.approval or self.clock() >= event.ends_utc:
                continue  # still asked (or over: nothing left to register for)
            async with self.db.transaction() as conn:
                done = await self.ledger(event).admit_waiting(conn, self.clock())
            log.info("event %s no longer asks for approval: %d waiting forms confirmed",
                     event.slug, len(done))
            admitted += len(done)
        if admitted:
            self.outbox.kick()
        return admitted

    async def tell_promoted(self, event: Event, regs: tuple[Registration, ...]) -> None:
        """The seat is theirs in the ledger already, and the notice is in the outbox (same
        transaction): wake the outbox so it goes out now."""
        if regs:
            log.info("event %s: promoted registrations %s from the waitlist", event.slug,
                     [reg.id for reg in regs])
            self.outbox.kick()


class Desk:
    """One event's registrations, as the handlers see them."""

    def __init__(self, registrations: Registrations, event: Event) -> None:
        self._all = registrations
        self.event = event
        self.info = event.info
        self.ledger = registrations.ledger(event)
        self.clock = registrations.clock
        self.settings = registrations.events.settings

    def _seen(self) -> _Seen | None:
        """This update's reads about the event, if inside an update and still current."""
        scope = _SEEN.get()
        if scope is None:
            return None
        generation = self._all.db.generation
        seen = scope.get(self.event.id)
        if seen is None or seen.generation != generation:
            seen = scope[self.event.id] = _Seen(generation)
        return seen

    # --- reads, so handlers never reach into the ledger themselves ----------------
    async def get(self, user_id: int) -> Registration | None:
        seen = self._seen()
        if seen is None:
            return await self.ledger.get(user_id)
        if user_id in seen.regs:
            return seen.regs[user_id]
        # The screens that look at a registration show the counts too: one read for both.
        reg, counts = await self.ledger.overview(user_id)
        seen.regs[user_id], seen.counts = reg, counts
        return reg

    async def active(self, user_id: int) -> Registration | None:
        """The person's registration if it is still active (a cancelled one counts as none)."""
        reg = await self.get(user_id)
        return reg if reg is not None and reg.active else None

    async def counts(self) -> Counts:
        seen = self._seen()
        if seen is not None and seen.counts is not None:
            return seen.counts
        counts = await self.ledger.counts()
        if seen is not None:
            seen.counts = counts
        return counts

    async def waitlist_position(self, user_id: int) -> int | None:
        seen = self._seen()
        if seen is not None:
            if user_id in seen.positions:
                return seen.positions[user_id]
            reg = seen.regs.get(user_id)
            if user_id in seen.regs and (reg is None or not reg.active
                                         or reg.waitlisted_at is None):
                return None  # not in the queue: nothing to count
        return await self.ledger.waitlist_position(user_id)

    def started(self) -> bool:
        return self.clock() >= self.event.starts_utc

    def ended(self) -> bool:
        """The event is over (its start plus its duration): registrations for it are
        history, with nothing left to cancel, switch or show at the door."""
        return self.clock() >= self.event.ends_utc

    def live(self) -> bool:
        """On now: started and not over."""
        return self.started() and not self.ended()

    async def intake(self) -> Intake:
        """What a newcomer may choose now. Without a deadline of the organisers' own, the
        online audience may still join while the event is on (the room has closed)."""
        now = self.clock()
        if now >= self.event.ends_utc:
            return Intake.CLOSED
        if now >= self.event.closes_utc:
            # With approval nothing is decided after the start (those still waiting are
            # told it is closed then): no late online registrations either.
            if (self.info.registration_closes_at is not None or not self.started()
                    or self.info.approval):
                return Intake.CLOSED
            stored = Intake(await self.ledger.intake())
            return Intake.CLOSED if stored is Intake.CLOSED else Intake.ONLINE_ONLY
        return Intake(await self.ledger.intake())

    async def stored_intake(self) -> Intake:
        """What the organisers chose, regardless of the registration deadline."""
        return Intake(await self.ledger.intake())

    # --- seat decisions ----------------------------------------------------------
    async def register(self, who: Applicant, wants: Format) -> Outcome:
        in_update = _SEEN.get() is not None
        outcome = await self.ledger.register(who, wants, self.clock(), counted=in_update)
        seen = self._seen()  # after the commit: a new generation
        if seen is not None and outcome.counts is not None:
            # The answer shows the registration and the room as the decision left them.
            seen.counts = outcome.counts
            seen.regs[who.user_id] = outcome.registration
            seen.positions[who.user_id] = outcome.position
        return outcome

    async def switch(self, user_id: int, to: Format, news: str | None = None) -> Outcome | None:
        """`news`: the person's own step the organisers are told of (see tell_organisers)."""
        outcome = await self.ledger.switch(user_id, to, self.clock())
        if outcome:
            await self.tell_promoted(outcome.promoted)
            if news and outcome.changed:
                await self.tell_organisers(news, outcome.registration.id)
        return outcome

    async def cancel(self, user_id: int, news: str | None = None) -> Outcome | None:
        outcome = await self.ledger.cancel(user_id, self.clock())
        if outcome:
            await self.tell_promoted(outcome.promoted)
            if news and outcome.changed:
                await self.tell_organisers(news, outcome.registration.id)
        return outcome

    async def tell_organisers(self, action: str, reg_id: int | None) -> None:
        """A participant's own cancellation, "No, free my seat" or erasure: in /log, and
        to the organisers in the outbox's digest (`reg_id` None: a form that only waited
        for approval, which left no registration)."""
        await AuditLog(self._all.db, self.event.id).record(PARTICIPANT, action, self.clock(),
                                                           registration_id=reg_id)
        self._all.outbox.kick()

    async def release(self, user_id: int) -> Outcome | None:
        """A seat not confirmed in time: to the next in line; the holder is told."""
        outcome = await self.ledger.release(user_id, self.clock())
        if outcome and outcome.changed:
            self._all.outbox.kick()
        return outcome

    async def tell_promoted(self, regs: tuple[Registration, ...]) -> None:
        await self._all.tell_promoted(self.event, regs)

    # --- approval (`approval = true`): forms that wait for an organiser --------------
    async def hold(self, who: Applicant,
                   wants: Format) -> tuple[pending.Waiting, bool] | None:
        """Keep a confirmed form for the organisers; False: it was waiting already. None:
        an edit turned approval off since this desk read the event (register instead)."""
        organisers = self._all.outbox.organisers
        letters = [] if organisers is None else [
            (chat, await organisers.language_of(chat))
            for chat in await organisers.for_event(self.event.id)]
        held = await pending.hold_if_asked(self._all.db, self.event.id, who, wants,
                                           self.clock(), letters)
        if held is not None and held[1] and letters:
            self._all.outbox.kick()  # the organisers' news of it, in the same transaction
        return held

    async def waiting(self, user_id: int) -> pending.Waiting | None:
        return await pending.of_person(self._all.db, self.event.id, user_id)

    async def waiting_list(self) -> list[pending.Waiting]:
        """In order of registration (the order "approve all" follows)."""
        return await pending.of_event(self._all.db, self.event.id)

    async def waiting_count(self) -> int:
        return await pending.count(self._all.db, self.event.id)

    async def withdraw(self, pending_id: int, user_id: int) -> pending.Waiting | None:
        """The person's own waiting form taken back: deleted, and the organisers told in
        their digest (their Approve / Decline then answer "already decided"). None: not
        theirs, or decided already."""
        withdrawn = await pending.withdraw(self._all.db, pending_id, user_id, self.clock(),
                                           WITHDREW)
        if withdrawn is not None:
            self._all.outbox.kick()
        return withdrawn

    async def approve(self, pending_id: int) -> Outcome | None:
        """The seat rule at this moment; None: decided already. The person is told by the
        outbox (the news is committed with the decision: a crash cannot lose it)."""
        outcome = await self.ledger.approve(pending_id, self.clock())
        if outcome is not None:
            self._all.outbox.kick()
        return outcome

    async def decline(self, pending_id: int, reason: str | None = None,
                      key: str = "declined") -> pending.Waiting | None:
        """None: decided already. The person is told (`key`, the reason) by the outbox."""
        declined = await self.ledger.decline(pending_id, self.clock(), reason, key)
        if declined is not None:
            self._all.outbox.kick()
        return declined
