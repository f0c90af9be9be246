"""Reminder campaigns, for every event. APScheduler only wakes us up; the delivery ledger
decides what is left to send, so a restart neither loses nor repeats a reminder."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from core import render
from core.config import Reminder, Settings
from core.i18n import Catalog
from core.timeutil import format_local
from scheduler.fanout import Content, FanOut, drain
from scheduler.plan import Action, decide, start_at
from services import after, attendance
from services.events import Event, Events
from services.registration import Registrations
from storage.deliveries import Deliveries, Report
from storage.models import Placement, Registration

log = logging.getLogger(__name__)
JOIN_WINDOW = timedelta(hours=1)  # the last reminder this close to the start has "Join now"


def campaign_key(event: Event, reminder: Reminder) -> str:
    """One campaign per event and reminder; an event moved to a new time gets new ones
    (its sequence is in the key), so the people are reminded of the new time."""
    moved = f"@{event.sequence}" if event.sequence else ""
    return f"reminder:{event.id}:{reminder.key}{moved}"


@dataclass(frozen=True)
class ReminderStatus:
    key: str
    reminder: Reminder
    due: datetime  # UTC
    state: str  # scheduled | running | done | skipped
    report: Report


class Reminders:
    def __init__(self, settings: Settings, events: Events, registrations: Registrations,
                 deliveries: Deliveries, fanout: FanOut, catalog: Catalog,
                 scheduler: AsyncIOScheduler) -> None:
        self.settings, self.events, self.registrations = settings, events, registrations
        self.deliveries, self.clock = deliveries, registrations.clock
        self.fanout, self.catalog, self.scheduler = fanout, catalog, scheduler
        self.tasks: set[asyncio.Task[Report | None]] = set()

    @staticmethod
    def due(event: Event, reminder: Reminder) -> datetime:
        return event.starts_utc - reminder.before

    def attendance_campaign(self, event: Event) -> str | None:
        asking = [r for r in self.events.plan(event) if r.ask_attendance]
        return campaign_key(event, asking[0]) if asking else None

    async def plan(self) -> None:
        """At every start: one job per reminder of every event not yet done."""
        for event in await self.events.all():
            await self.plan_event(event)

    async def plan_event(self, event: Event) -> None:
        """Also after an organiser moved the event: its jobs are made again."""
        for job in self.scheduler.get_jobs():
            if job.id.startswith(f"reminder:{event.id}:") or job.id == _release_id(event):
                job.remove()
        zone = event.info.timezone
        for reminder in self.events.plan(event):
            key = campaign_key(event, reminder)
            due = self.due(event, reminder)
            campaign = await self.deliveries.campaign(key)
            if campaign and campaign.state != "running":
                continue
            now = self.clock()
            action = decide(due, event.starts_utc, self.settings.delivery.catch_up_grace, now)
            if action is Action.WAIT and campaign is None:
                recipients = await self.deliveries.count(reminder.audience.value, event.id)
                self._schedule(event, reminder, start_at(
                    due, event.starts_utc, recipients, self.settings.sender.rate_per_second))
                log.info("event %s: reminder %s planned for %s (%s UTC)", event.slug, key,
                         format_local(due, zone), f"{due:%Y-%m-%d %H:%M}")
            elif action is Action.SKIP:
                log.warning("event %s: reminder %s skipped: its time (%s) has passed and the "
                            "event has started", event.slug, key, format_local(due, zone))
                await self.deliveries.skip_campaign(key, "reminder", reminder.audience, now,
                                                    event.id)
            else:  # due, overdue within grace, or interrupted mid-way: send what is left
                log.info("event %s: reminder %s is due; sending now", event.slug, key)
                self._schedule(event, reminder, now)
        if event.info.approval:  # at the start, whoever still waits is told it is closed
            self.scheduler.add_job(
                self.close_pending, "date", id=f"pending:{event.id}", replace_existing=True,
                run_date=self._real(event.starts_utc), args=[event.id],
                misfire_grace_time=None)
        attendance_on = self.settings.attendance.release_silent and self.attendance_campaign(
            event)
        if attendance_on and self.clock() < event.starts_utc:
            self.scheduler.add_job(
                self.release_silent, "date", id=_release_id(event), replace_existing=True,
                run_date=self._real(event.starts_utc - self.settings.attendance.deadline),
                args=[event.id], misfire_grace_time=None)

    async def release_silent(self, event_id: int) -> int:
        """Only people who had the question before the deadline can have been silent."""
        event = await self.events.get(event_id)
        key = self.attendance_campaign(event) if event else None
        if event is None or key is None:
            return 0
        deadline = event.starts_utc - self.settings.attendance.deadline
        campaign = await self.deliveries.campaign(key)
        if campaign is None or campaign.opened_at > deadline:
            return 0
        released = await attendance.release_silent(self.registrations, event, self.deliveries,
                                                   key)
        log.info("event %s: released %d seats whose holders did not confirm", event.slug,
                 released)
        return released

    async def close_pending(self, event_id: int) -> int:
        """Forms still waiting for approval when the event starts: deleted, and each
        person told (once: the deletion decides, as a Decline would) in their language."""
        event = await self.events.get(event_id)
        if event is None:
            return 0
        desk = self.registrations.of(event)
        if not desk.started():  # moved later meanwhile: its new job comes with the re-plan
            return 0
        told = 0
        for waiting in await desk.waiting_list():
            # The news goes through the outbox, committed with the deletion.
            if await desk.decline(waiting.id, key="pending-closed") is None:
                continue  # an organiser decided it meanwhile
            told += 1
        if told:
            log.info("event %s: %d registrations still waiting for approval at the start "
                     "were closed", event.slug, told)
        return told

    def _real(self, when: datetime) -> datetime:
        """The injected clock may be travelling: its `when` as a real moment (now at the
        earliest: a past moment means "at once")."""
        return datetime.now(UTC) + max(when - self.clock(), timedelta(0))

    def _schedule(self, event: Event, reminder: Reminder, when: datetime) -> None:
        self.scheduler.add_job(self.fire, "date", run_date=self._real(when),
                               args=[event.id, reminder], id=campaign_key(event, reminder),
                               replace_existing=True, misfire_grace_time=None)

    async def fire(self, event_id: int, reminder: Reminder) -> Report | None:
        task = asyncio.current_task()
        if task:
            self.tasks.add(task)
        try:
            event = await self.events.get(event_id)
            return None if event is None else await self._fire(event, reminder)
        finally:
            if task:
                self.tasks.discard(task)

    async def _fire(self, event: Event, reminder: Reminder) -> Report | None:
        key, now = campaign_key(event, reminder), self.clock()
        if decide(self.due(event, reminder), event.starts_utc,
                  self.settings.delivery.catch_up_grace, now) is Action.SKIP:
            await self.deliveries.skip_campaign(key, "reminder", reminder.audience, now,
                                                event.id)
            return None
        await self.deliveries.open(key, "reminder", reminder.audience.value, now, event.id)
        ledger = self.registrations.ledger(event)

        async def content(reg: Registration) -> Content | None:
            fresh = await ledger.get_by_id(reg.id)
            if fresh is None or not reminder.audience.reaches(fresh):
                return None
            return self.render(event, reminder, fresh)

        return await self.fanout.run(key, content)

    def render(self, event: Event, reminder: Reminder, reg: Registration) -> Content:
        t = self.catalog.for_language(reg.language)
        # How long until the start, from when it really goes out (late after a restart).
        until = event.starts_utc - max(self.clock(), self.due(event, reminder))
        text = render.reminder(t, event.info, reg, until)
        if reminder.ask_attendance and reg.placement is Placement.SEATED:
            return text + "\n\n" + t("attendance-question"), attendance.keyboard(t, reg)
        if reg.placement is not Placement.SEATED and self._last(event, reminder):
            # Pressing it answers with the link and records that the person came online.
            return text, after.join_keyboard(t, reg)
        return text, None

    def _last(self, event: Event, reminder: Reminder) -> bool:
        """The reminder closest to the start, of those online participants get, if it
        comes within JOIN_WINDOW of it (a day ahead, "Join now" would be no such thing)."""
        online = [r for r in self.events.plan(event)
                  if r.audience.placements & {Placement.ONLINE, Placement.WAITLISTED}]
        return (bool(online) and reminder.before <= JOIN_WINDOW
                and min(r.before for r in online) == reminder.before)

    async def status(self, event: Event) -> list[ReminderStatus]:
        found = []
        for reminder in self.events.plan(event):
            key = campaign_key(event, reminder)
            campaign = await self.deliveries.campaign(key)
            state = campaign.state if campaign else "scheduled"
            found.append(ReminderStatus(key, reminder, self.due(event, reminder), state,
                                        await self.deliveries.report(key)))
        return found

    async def stop(self, grace: float) -> None:
        await drain(self.tasks, grace)


def _release_id(event: Event) -> str:
    return f"release-silent:{event.id}"
