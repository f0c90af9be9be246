"""Follow-ups after each event ([[event.followups]]). APScheduler only wakes us up; the
delivery ledger decides what is left to send, so a restart neither loses nor repeats one:
a campaign opened before a crash is resumed from its pending rows, and one whose moment
passed while the bot was down is sent late (its news - the recording, the slides - is
still worth having), never twice."""

from __future__ import annotations

import asyncio
import html
import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from core.config import Followup
from core.timeutil import Clock, format_local
from scheduler.fanout import Content, FanOut, drain
from services.events import Event, Events
from services.registration import Registrations
from storage.after import open_followup
from storage.deliveries import Deliveries, Report
from storage.models import Registration

log = logging.getLogger(__name__)
PREFIX = "followup"


def followup_key(event: Event, followup: Followup) -> str:
    """One campaign per event and follow-up; a moved event gets new ones (its sequence)."""
    moved = f"@{event.sequence}" if event.sequence else ""
    return f"{PREFIX}:{event.id}:{followup.key}{moved}"


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


class Followups:
    def __init__(self, events: Events, registrations: Registrations, deliveries: Deliveries,
                 fanout: FanOut, scheduler: AsyncIOScheduler, clock: Clock) -> None:
        self.events, self.registrations, self.deliveries = events, registrations, deliveries
        self.fanout, self.scheduler, self.clock = fanout, scheduler, clock
        self.tasks: set[asyncio.Task[Report | None]] = set()

    async def plan(self) -> None:
        """At every start: one job per follow-up of every event not yet done."""
        for event in await self.events.all():
            for followup in event.info.followups:
                key = followup_key(event, followup)
                campaign = await self.deliveries.campaign(key)
                if campaign is not None and campaign.state != "running":
                    continue
                when = due(event, followup)
                self.scheduler.add_job(self.fire, "date", run_date=self._real(when),
                                       args=[event.id, key], id=key, replace_existing=True,
                                       misfire_grace_time=None)
                log.info("event %s: follow-up %s planned for %s", event.slug, key,
                         format_local(when, event.info.timezone))

    def _real(self, when: datetime) -> datetime:
        """The injected clock may be travelling: its `when` as a real moment."""
        return datetime.now(UTC) + max(when - self.clock(), timedelta(0))

    async def fire(self, event_id: int, key: str) -> Report | None:
        task = asyncio.current_task()
        if task:
            self.tasks.add(task)
        try:
            event = await self.events.get(event_id)
            found = [f for f in event.info.followups
                     if followup_key(event, f) == key] if event else []
            if event is None or not found:
                return None  # the config changed since it was planned
            return await self._send(event, found[0], key)
        finally:
            if task:
                self.tasks.discard(task)

    async def _send(self, event: Event, followup: Followup, key: str) -> Report | None:
        await open_followup(self.deliveries.db, key, event.id, followup.audience, self.clock())
        ledger = self.registrations.ledger(event)

        async def content(reg: Registration) -> Content | None:
            fresh = await ledger.get_by_id(reg.id)
            if fresh is None or not followup.audience.reaches(fresh):
                return None
            return render(event, followup, fresh.language), None

        return await self.fanout.run(key, content)

    async def stop(self, grace: float) -> None:
        await drain(self.tasks, grace)
