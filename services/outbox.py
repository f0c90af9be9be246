"""The one mailer for everything that is not a reply (storage/notices.py): the seat
notices the ledger writes in its transactions, "the event moved" (written with the edit),
what an organiser did to a registration (Console.tell), and the messages to organisers
(the retention warning, written with its mark; a broadcast's report), an organiser's
approval or decline of a waiting form (written with the decision), and a digest to the
organisers of participants' own steps (cancelled, seat freed, erased). Reminders and
broadcasts are campaigns (scheduler/campaigns.py), recorded and resumed the same way.

One worker per process drains the outbox through the paced sender: woken when a seat
moves, and once at every start, so a notice saved before a crash is still sent. Each text
is made once the pacer has granted the send its slot (Sender.send_decided), from the
registration as it is then (one read by id): a notice waits there behind the person's own
replies, seconds in a busy hour, and whatever they did meanwhile decides it. A notice whose
news is no longer true (the registration changed since: the person left the seat,
cancelled, or was seated again with a newer notice of its own) is voided, not sent. "The
event moved" is about the event, not the seat: it is voided only when the registration is
no longer active. A crash between a send and its record repeats at most that one message."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from core import render
from core.i18n import Catalog, Texts
from core.sender import Content, Decide, Result, Sender
from core.timeutil import Clock
from services.events import Event, Events
from storage.audit import News, Untold
from storage.models import Placement, Registration
from storage.notices import Letter, Notice, Notices
from storage.pending import PENDING_NEW

log = logging.getLogger(__name__)
_STATUS = {Result.SENT: "sent", Result.UNREACHABLE: "unreachable", Result.FAILED: "failed"}


# The buttons under a seat notice (the entry pass): made by the handlers' floor, which
# owns the callback data; the factory hands it in.
Buttons = Callable[[Texts, Registration], InlineKeyboardMarkup | None]
# The registration as /my shows it (text and buttons), for the news of an approval: made
# by the handlers' floor too, handed in by the factory.
Screen = Callable[[Texts, Registration, Event],
                  Awaitable[tuple[str, InlineKeyboardMarkup | None]]]
# A new form waiting for approval as the organisers read it (every answer, Approve and
# Decline): made by the handlers' floor from the row (event, pending id) when the letter
# goes, handed in by the factory; None when the form was decided or withdrawn meanwhile.
WaitingNotice = Callable[[Texts, Event, int],
                         Awaitable[tuple[str, InlineKeyboardMarkup | None] | None]]
# A participant's own step is held this long, so that several within it reach the
# organisers as one digest instead of one message each.
DIGEST_AFTER = timedelta(minutes=1)
# The key of a digest's letter to an organiser: not a catalog key; made by _letter_text.
DIGEST = "digest"


@dataclass
class Organisers:
    """Who hears participants' own steps, and in which language."""

    untold: Untold
    admins: list[int]  # the owners: every event
    language_of: Callable[[int], Awaitable[str | None]]
    # The event's own organisers (its team), by event id.
    of_event: Callable[[int], Awaitable[list[int]]] | None = None

    async def for_event(self, event_id: int) -> list[int]:
        team = [] if self.of_event is None else await self.of_event(event_id)
        return [*self.admins, *(user for user in team if user not in self.admins)]


class Outbox:
    def __init__(self, notices: Notices, events: Events, sender: Sender, catalog: Catalog,
                 clock: Clock, buttons: Buttons | None = None,
                 organisers: Organisers | None = None, screen: Screen | None = None) -> None:
        self.notices, self.events, self.sender = notices, events, sender
        self.catalog, self.clock = catalog, clock
        self.buttons = buttons
        self.screen = screen
        self.waiting_notice: WaitingNotice | None = None
        self.organisers = organisers
        self._due: datetime | None = None  # the next held digest's time
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()  # set while nothing is pending (after a full pass)
        self._stopping = False
        self._task: asyncio.Task[None] | None = None

    def kick(self) -> None:
        """Something was written to the outbox: send it soon."""
        self._idle.clear()
        self._wake.set()

    def start(self) -> None:
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name="outbox")
        self.kick()  # whatever a previous run left pending

    async def stop(self, grace: float) -> None:
        """The send in flight finishes and is recorded; the rest waits for the next start."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._task), grace)
            self._task.cancel()

    async def _run(self) -> None:
        while not self._stopping:
            wait = None if self._due is None else max(
                0.0, (self._due - self.clock()).total_seconds())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)
            self._wake.clear()
            try:
                await self.drain()
                await self.drain_declined()
                await self.drain_organisers()
            except Exception:  # a broken row must not end the outbox for everyone
                log.exception("outbox: sending notices failed; will try again at the next")
            if not self._wake.is_set():
                self._idle.set()

    async def settled(self) -> None:
        """Returns once everything written so far has been sent (or voided)."""
        await self._idle.wait()

    async def drain(self) -> int:
        """Send everything pending; returns how many were sent."""
        sent = 0
        while not self._stopping and (batch := await self.notices.pending()):
            for notice_id, kind, about, reg in batch:
                if self._stopping:
                    return sent
                event = await self.events.get(reg.event_id)
                # Old news already in the copy read with the batch: no send slot spent on it.
                result = None
                if event is not None and _current(kind, about, reg):
                    await self.notices.begin(notice_id)
                    result = await self.sender.send_decided(
                        reg.chat_id, self._decide(kind, about, reg.id, event))
                if result is None:
                    await self.notices.record(notice_id, "void", self.clock())
                    log.info("notice %s (%s) voided: registration %s no longer holds it",
                             notice_id, kind, reg.id)
                    continue
                await self.notices.record(notice_id, _STATUS[result.result], self.clock())
                sent += result.result is Result.SENT
                log.info("notice %s (%s) to registration %s: %s", notice_id, kind, reg.id,
                         result.result)
        if not self._stopping:
            await self._digests()
        return sent

    async def tell(self, reg: Registration, key: str) -> None:
        """Let a participant know what an organiser did to their registration (catalog
        `key`, with the event's title and phone), through the outbox: recorded, resumed
        after a restart, voided if the registration changes again before it goes."""
        await self.notices.tell(reg.id, key, self.clock())
        self.kick()

    async def to_organiser(self, chat_id: int, letter: Letter) -> None:
        """A message to an organiser (a broadcast's report), through the outbox."""
        await self.notices.to_organiser(chat_id, letter, self.clock())
        self.kick()

    async def drain_organisers(self) -> int:
        """Send the pending messages to organisers (no registration to re-check: each goes
        as written, in the language chosen when it was queued)."""
        sent = 0
        while not self._stopping and (batch := await self.notices.pending_organisers()):
            for notice_id, chat_id, letter in batch:
                if self._stopping:
                    return sent
                t = self.catalog.for_language(letter.language)
                made = await self._letter(t, letter)
                if made is None:  # its event or its form is gone: nothing left to say
                    await self.notices.record(notice_id, "void", self.clock())
                    continue
                text, markup = made
                await self.notices.begin(notice_id)
                result = await self.sender.send(chat_id, text, reply_markup=markup)
                await self.notices.record(notice_id, _STATUS[result.result], self.clock())
                sent += result.result is Result.SENT
                log.info("notice %s (%s) to an organiser: %s", notice_id, letter.key,
                         result.result)
        return sent

    async def _letter(self, t: Texts, letter: Letter) -> Content | None:
        """A letter's text and buttons as they are now."""
        if letter.key == PENDING_NEW:
            event = await self.events.get(int(letter.args["event"]))
            if event is None or self.waiting_notice is None:
                return None
            return await self.waiting_notice(t, event, int(letter.args["pending"]))
        text = await self._letter_text(t, letter)
        if text is None:
            return None
        markup = None
        if letter.buttons:
            markup = InlineKeyboardMarkup(inline_keyboard=[
                [InlineKeyboardButton(text=t(key), callback_data=data)]
                for key, data in letter.buttons])
        return text, markup

    async def _letter_text(self, t: Texts, letter: Letter) -> str | None:
        """A catalog text; a digest is made from its steps as they read now."""
        if letter.key != DIGEST:
            return t(letter.key, **letter.args)
        event = await self.events.get(int(letter.args["event"]))
        ids = [int(i) for i in str(letter.args["news"]).split(",") if i]
        items = [] if self.organisers is None or not ids else \
            await self.organisers.untold.items(ids)
        return None if event is None or not items else render.digest(t, event.info, items)

    async def drain_declined(self) -> int:
        """Tell those whose waiting form was declined (or closed at the start), in the
        language they used, with the event's title as it is now and the reason."""
        sent = 0
        while not self._stopping and (batch := await self.notices.pending_declined()):
            for news in batch:
                if self._stopping:
                    return sent
                event = await self.events.get(news.event_id)
                if event is None:
                    await self.notices.record(news.id, "void", self.clock())
                    continue
                t = self.catalog.for_language(news.language)
                text = t(news.key, title=event.texts(news.language).title)
                if news.reason:
                    text += "\n" + t("declined-reason", reason=news.reason)
                # Whom to ask about it: the event's phone, as the seat notices give it.
                phone = event.texts(news.language).contact_phone
                text += "\n\n" + (t("declined-contact", phone=phone) if phone.strip()
                                   else t("declined-contact-none"))
                await self.notices.begin(news.id)
                result = await self.sender.send(news.chat_id, text)
                await self.notices.record(news.id, _STATUS[result.result], self.clock())
                sent += result.result is Result.SENT
                log.info("notice %s (%s) to a declined registrant: %s", news.id, news.key,
                         result.result)
        return sent

    def _decide(self, kind: Notice, about: int, reg_id: int, event: Event) -> Decide:
        """Awaited once the send slot is granted: the text from the row as it is then."""
        async def decide() -> Content | None:
            now = await self.notices.registration(reg_id)
            if now is None or not _current(kind, about, now):
                return None
            if kind is Notice.APPROVED:
                return await self._approved(now, event)
            text = await self._render(kind, now, event)
            if text is None:
                return None
            markup = None  # a seat notice carries the entry pass's button
            if kind is Notice.PROMOTED and self.buttons is not None:
                markup = self.buttons(self.catalog.for_language(now.language), now)
            return text, markup
        return decide

    async def _digests(self) -> None:
        """Participants' own steps, one letter per event and organiser, once the oldest
        has waited DIGEST_AFTER (the others that came meanwhile go with it). Queued with
        the steps' "told" mark in one transaction, then sent by drain_organisers like
        every letter: recorded, resumed after a crash, never sent twice."""
        self._due = None
        if self.organisers is None:
            return
        now = self.clock()
        by_event: dict[int, list[News]] = {}
        for news in await self.organisers.untold.pending():
            by_event.setdefault(news.event_id, []).append(news)
        for event_id, items in by_event.items():
            due = items[0].at + DIGEST_AFTER
            if due > now:
                self._due = due if self._due is None else min(self._due, due)
                continue
            steps = ",".join(str(n.id) for n in items)
            letters = [
                (admin, Letter(DIGEST, {"event": event_id, "news": steps},
                               await self.organisers.language_of(admin)))
                for admin in await self.organisers.for_event(event_id)]
            await self.organisers.untold.queue(letters, [n.id for n in items], now)
            log.info("digest of %d participant steps, event %s, queued for %d organisers",
                     len(items), event_id, len(letters))

    async def _approved(self, reg: Registration, event: Event) -> Content | None:
        """Approved: the registration as /my shows it now (the entry code and its pass, the
        place in the queue, or the Zoom details); nothing once it is no longer active."""
        if not reg.active:
            return None
        t = self.catalog.for_language(reg.language)
        if self.screen is None:
            text: str = render.my_registration(t, event.info, reg, None)
            markup = self.buttons(t, reg) if self.buttons is not None else None
        else:
            text, markup = await self.screen(t, reg, event)
        # The first line: the organisers' approval, or (approval turned off) its own.
        head = (await self.notices.details(reg.id, Notice.APPROVED) or {}).get("head")
        title = event.texts(reg.language).title
        return t(head or "approved-head", title=title) + "\n\n" + text, markup

    async def _render(self, kind: Notice, reg: Registration, event: Event) -> str | None:
        """The news as it is for `reg`, or None when it is no longer true."""
        t = self.catalog.for_language(reg.language)
        if kind is Notice.TOLD:  # the organiser's change is the news, active or not
            told = await self.notices.details(reg.id, kind)
            key = None if told is None else told.get("key")
            if told is None or key is None:
                return None
            texts = event.texts(reg.language)
            return t(key, title=texts.title, phone=texts.contact_phone)
        if not reg.active:
            return None
        if kind is Notice.MOVED:  # about the event: told whatever the seat is now
            before = await self.notices.details(reg.id, kind)
            if before is None or before.get("starts_at") is None:
                return None
            return render.moved(t, event.info, datetime.fromisoformat(str(before["starts_at"])),
                                str(before.get(f"venue.{reg.language}") or before.get("venue")
                                    or ""))
        if kind is Notice.PROMOTED:
            if reg.placement is not Placement.SEATED:
                return None
            return render.promoted(t, event.info, reg)
        if reg.placement is Placement.SEATED:  # RELEASED, but seated again meanwhile
            return None
        return t("attendance-silent-released")


def _current(kind: Notice, about: int, reg: Registration) -> bool:
    """Whether a notice written for version `about` can still be news for `reg` (no read):
    a seat notice or an organiser's change holds for that version only; "the event moved"
    holds while the registration is active, whatever happened to the seat."""
    if kind in (Notice.MOVED, Notice.APPROVED):
        return reg.active
    return reg.version == about
