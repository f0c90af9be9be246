"""Reminder campaigns. APScheduler only wakes us up; the delivery ledger decides what is
left to send, so a restart neither loses nor repeats a reminder."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import attendance, render
from bot.config import Reminder, Settings
from bot.i18n import Catalog
from bot.registration import Registrations
from scheduler.fanout import Content, FanOut, drain
from scheduler.plan import Action, decide, start_at
from storage.deliveries import Deliveries, Report
from storage.models import Placement, Registration

log = logging.getLogger(__name__)


def campaign_key(reminder: Reminder) -> str:
    return f"reminder:{reminder.key}"


@dataclass(frozen=True)
class ReminderStatus:
    key: str
    reminder: Reminder
    due: datetime  # UTC
    state: str  # scheduled | running | done | skipped
    report: Report


class Reminders:
    def __init__(self, settings: Settings, registrations: Registrations, deliveries: Deliveries,
                 fanout: FanOut, catalog: Catalog, scheduler: AsyncIOScheduler) -> None:
        self.settings, self.registrations, self.deliveries = settings, registrations, deliveries
        self.ledger, self.clock = registrations.ledger, registrations.clock
        self.fanout, self.catalog, self.scheduler = fanout, catalog, scheduler
        self.tasks: set[asyncio.Task[Report | None]] = set()

    def due(self, reminder: Reminder) -> datetime:
        return self.settings.event.starts_utc - reminder.before

    @property
    def attendance_campaign(self) -> str | None:
        asking = [r for r in self.settings.reminders if r.ask_attendance]
        return campaign_key(asking[0]) if asking else None

    async def plan(self) -> None:
        """At every start: one job per reminder not yet done, from config and ledger."""
        event = self.settings.event
        for reminder in self.settings.reminders:
            key = campaign_key(reminder)
            campaign = await self.deliveries.campaign(key)
            if campaign and campaign.state != "running":
                continue
            now = self.clock()
            action = decide(self.due(reminder), event.starts_utc,
                            self.settings.delivery.catch_up_grace, now)
            if action is Action.WAIT and campaign is None:
                recipients = await self.deliveries.count(reminder.audience.value)
                self._schedule(reminder, start_at(self.due(reminder), event.starts_utc,
                                                  recipients, self.settings.sender.rate_per_second))
            elif action is Action.SKIP:
                log.warning("%s: the event has started; recorded as skipped", key)
                await self.deliveries.skip_campaign(key, "reminder", reminder.audience, now)
            else:  # due, overdue within grace, or interrupted mid-way: send what is left
                self._schedule(reminder, now)
        attendance_on = self.settings.attendance.release_silent and self.attendance_campaign
        if attendance_on and self.clock() < event.starts_utc:
            self.scheduler.add_job(
                self.release_silent, "date", id="release-silent", replace_existing=True,
                run_date=self._real(event.starts_utc - self.settings.attendance.deadline),
                misfire_grace_time=None)

    async def release_silent(self) -> int:
        """Only people who had the question before the deadline can have been silent."""
        key = self.attendance_campaign
        deadline = self.settings.event.starts_utc - self.settings.attendance.deadline
        campaign = await self.deliveries.campaign(key) if key else None
        if key is None or campaign is None or campaign.opened_at > deadline:
            return 0
        released = await attendance.release_silent(self.registrations, self.deliveries, key,
                                                   self.fanout.sender, self.catalog)
        log.info("released %d seats whose holders did not confirm", released)
        return released

    def _real(self, when: datetime) -> datetime:
        """The injected clock may be travelling: its `when` as a real moment (now at the
        earliest: a past moment means "at once")."""
        return datetime.now(UTC) + max(when - self.clock(), timedelta(0))

    def _schedule(self, reminder: Reminder, when: datetime) -> None:
        self.scheduler.add_job(self.fire, "date", run_date=self._real(when), args=[reminder],
                               id=campaign_key(reminder), replace_existing=True,
                               misfire_grace_time=None)

    async def fire(self, reminder: Reminder) -> Report | None:
        task = asyncio.current_task()
        if task:
            self.tasks.add(task)
        try:
            return await self._fire(reminder)
        finally:
            if task:
                self.tasks.discard(task)

    async def _fire(self, reminder: Reminder) -> Report | None:
        key, now, event = campaign_key(reminder), self.clock(), self.settings.event
        if decide(self.due(reminder), event.starts_utc,
                  self.settings.delivery.catch_up_grace, now) is Action.SKIP:
            await self.deliveries.skip_campaign(key, "reminder", reminder.audience, now)
            return None
        await self.deliveries.open(key, "reminder", reminder.audience.value, now)

        async def content(reg: Registration) -> Content | None:
            fresh = await self.ledger.get_by_id(reg.id)
            if fresh is None or not reminder.audience.reaches(fresh):
                return None
            return self.render(reminder, fresh)

        return await self.fanout.run(key, content)

    def render(self, reminder: Reminder, reg: Registration) -> Content:
        t = self.catalog.for_language(reg.language)
        text = render.reminder(t, self.settings.event, reg)
        if reminder.ask_attendance and reg.placement is Placement.SEATED:
            return text + "\n\n" + t("attendance-question"), attendance.keyboard(t, reg.id)
        return text, None

    async def status(self) -> list[ReminderStatus]:
        found = []
        for reminder in self.settings.reminders:
            key = campaign_key(reminder)
            campaign = await self.deliveries.campaign(key)
            state = campaign.state if campaign else "scheduled"
            found.append(ReminderStatus(key, reminder, self.due(reminder), state,
                                        await self.deliveries.report(key)))
        return found

    async def stop(self, grace: float) -> None:
        await drain(self.tasks, grace)
