"""After each event: the follow-ups ([[event.followups]]), the certificate offers
(`certificates = true`, at the end, to those who came) and the feedback poll
([event.feedback], to those who came). APScheduler only wakes us up; the delivery ledger
decides what is left to send, so a restart neither loses nor repeats one: a campaign
opened before a crash is resumed from its pending rows, and one whose moment passed while
the bot was down is sent late (the recording, a certificate, a question about the evening
are still worth having), never twice."""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from aiogram.types import InputPollOption, Message
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from core.config import Followup
from core.i18n import Catalog
from core.sender import Sender
from core.timeutil import Clock, format_local
from scheduler.fanout import Content, FanOut, Via, drain
from services import after as views
from services.certificates import Certificates
from services.events import Event, Events
from services.registration import Registrations
from storage import after
from storage.after import open_followup
from storage.deliveries import Deliveries, Report
from storage.models import Audience, Registration

log = logging.getLogger(__name__)
PREFIX = "followup"


def followup_key(event: Event, followup: Followup) -> str:
    """One campaign per event and follow-up; a moved event gets new ones (its sequence)."""
    return f"{PREFIX}:{event.id}:{followup.key}{_moved(event)}"


def _moved(event: Event) -> str:
    return f"@{event.sequence}" if event.sequence else ""


def due(event: Event, followup: Followup) -> datetime:
    return event.info.ends_utc + followup.after


def render(event: Event, followup: Followup, language: str) -> str:
    """The organisers' text is plain (escaped for Telegram's HTML), under the title."""
    text, link = followup.in_language(language)
    title = event.info.in_language(language).title
    parts = [f"<b>{html.escape(title)}</b>", html.escape(text)]
    if link:
        parts.append(html.escape(link))
    return "\n\n".join(parts)


Render = Callable[[Event, Registration], Awaitable[Content]]


@dataclass(frozen=True)
class Step:
    """One campaign after an event: when, to whom, what."""

    key: str
    due: datetime
    audience: Audience
    render: Render
    via: Via | None = None  # None: a text message


class Followups:
    def __init__(self, events: Events, registrations: Registrations, deliveries: Deliveries,
                 fanout: FanOut, scheduler: AsyncIOScheduler, clock: Clock, catalog: Catalog,
                 sender: Sender, certificates: Certificates) -> None:
        self.events, self.registrations, self.deliveries = events, registrations, deliveries
        self.fanout, self.scheduler, self.clock = fanout, scheduler, clock
        self.catalog, self.sender, self.certificates = catalog, sender, certificates
        self.tasks: set[asyncio.Task[Report | None]] = set()

    def steps(self, event: Event) -> list[Step]:
        info = event.info
        found = []
        for followup in info.followups:
            found.append(Step(followup_key(event, followup), due(event, followup),
                              followup.audience, self._followup(followup)))
        if info.certificates:
            found.append(Step(f"certificate:{event.id}{_moved(event)}", info.ends_utc,
                              Audience.ATTENDED, self._certificate_offer))
        feedback = info.feedback_after
        if feedback is not None:
            found.append(Step(f"feedback:{event.id}{_moved(event)}", info.ends_utc + feedback,
                              Audience.ATTENDED, self._poll, self._send_poll))
        return found

    async def plan(self) -> None:
        """At every start: one job per step of every event not yet done."""
        for event in await self.events.all():
            for step in self.steps(event):
                campaign = await self.deliveries.campaign(step.key)
                if campaign is not None and campaign.state != "running":
                    continue
                self.scheduler.add_job(self.fire, "date", run_date=self._real(step.due),
                                       args=[event.id, step.key], id=step.key,
                                       replace_existing=True, misfire_grace_time=None)
                log.info("event %s: %s planned for %s", event.slug, step.key,
                         format_local(step.due, event.info.timezone))

    def _real(self, when: datetime) -> datetime:
        """The injected clock may be travelling: its `when` as a real moment."""
        return datetime.now(UTC) + max(when - self.clock(), timedelta(0))

    async def fire(self, event_id: int, key: str) -> Report | None:
        task = asyncio.current_task()
        if task:
            self.tasks.add(task)
        try:
            event = await self.events.get(event_id)
            found = [s for s in self.steps(event) if s.key == key] if event else []
            if event is None or not found:
                return None  # the config changed since it was planned
            return await self._send(event, found[0])
        finally:
            if task:
                self.tasks.discard(task)

    async def _send(self, event: Event, step: Step) -> Report | None:
        await open_followup(self.deliveries.db, step.key, event.id, step.audience, self.clock())
        ledger = self.registrations.ledger(event)

        async def content(reg: Registration) -> Content | None:
            fresh = await ledger.get_by_id(reg.id)
            if fresh is None or not step.audience.reaches(fresh):
                return None
            return await step.render(event, fresh)

        return await self.fanout.run(step.key, content, step.via)

    def _followup(self, followup: Followup) -> Render:
        async def text(event: Event, reg: Registration) -> Content:
            return render(event, followup, reg.language), None
        return text

    async def _certificate_offer(self, event: Event, reg: Registration) -> Content:
        cert = await self.certificates.offer(reg)
        t = self.catalog.for_language(reg.language)
        title = event.info.in_language(t.language).title
        can_fix = not cert.corrected and cert.issued_at is None
        return (t("cert-offer", title=title, name=cert.full_name),
                views.certificate_keyboard(t, reg.id, can_fix))

    async def _poll(self, event: Event, reg: Registration) -> Content:
        return views.poll(self.catalog.for_language(reg.language), event)[0], None

    async def _send_poll(self, reg: Registration, content: Content) -> Message:
        """The question decided at the slot (content), as a native poll; its id is kept to
        know whose answer a poll_answer is."""
        _, options = views.poll(self.catalog.for_language(reg.language),
                                await self._event_of(reg))
        message = await self.sender.bot.send_poll(
            reg.chat_id, content[0], [InputPollOption(text=o) for o in options],
            is_anonymous=False)
        if message.poll is not None:
            await after.poll_sent(self.deliveries.db, reg.id, message.poll.id)
        return message

    async def _event_of(self, reg: Registration) -> Event:
        event = await self.events.get(reg.event_id)
        if event is None:
            raise LookupError(f"event {reg.event_id}")
        return event

    async def stop(self, grace: float) -> None:
        await drain(self.tasks, grace)
