"""Broadcasts and the status of reminders, for the organiser console. A broadcast is a
campaign like a reminder: recorded recipients, shared rate-limited sender, resumable."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from core.i18n import Catalog
from core.sender import Sender
from core.timeutil import Clock
from scheduler.fanout import Content, FanOut, drain
from scheduler.reminders import Reminders, ReminderStatus
from services.events import Event, Events
from services.registration import Registrations
from storage.deliveries import EVERYONE, Campaign, Deliveries, Report, pick
from storage.models import Registration
from storage.notices import Letter
from storage.people import People

log = logging.getLogger(__name__)


class Campaigns:
    def __init__(self, registrations: Registrations, events: Events, deliveries: Deliveries,
                 fanout: FanOut, sender: Sender, catalog: Catalog, clock: Clock,
                 reminders: Reminders) -> None:
        self.registrations, self.events, self.deliveries = registrations, events, deliveries
        self.fanout, self.sender, self.catalog = fanout, sender, catalog
        self.clock, self.reminders = clock, reminders
        self.tasks: set[asyncio.Task[Report | None]] = set()

    async def count(self, audience: str, event: Event) -> int:
        return await self.deliveries.count(audience, event.id)

    async def versions(self, audience: str, event: Event,
                       versions: Mapping[str, str]) -> dict[str, dict[str, int]]:
        """Who would get which version now: {version key: {reader language: count}}, by
        the same choice the sending makes (storage.deliveries.pick)."""
        split: dict[str, dict[str, int]] = {}
        for code, n in (await self.deliveries.languages(audience, event.id)).items():
            language = self.catalog.for_language(code).language
            chosen = pick(versions, language, self.catalog.default)
            if chosen is not None:
                readers = split.setdefault(chosen, {})
                readers[language] = readers.get(language, 0) + n
        return split

    async def broadcast(self, text_html: str | None, audience: str, admin_id: int,
                        event: Event, language: str | None = None,
                        invite: Event | None = None,
                        bodies: Mapping[str, str] | None = None) -> str:
        """Fix the recipients (of `event`) now, send in the background, report to the admin
        at the end. With `invite`, each message has a button that opens that event.
        `text_html` is for everyone; `bodies` are versions per language ({"kk": html})."""
        if text_html is None and not bodies:
            raise ValueError("a broadcast needs a text")
        key = f"broadcast:{uuid.uuid4().hex[:12]}"
        await self.deliveries.open(key, "broadcast", audience, self.clock(), event.id,
                                   body=text_html, created_by=admin_id, language=language,
                                   invite_event=invite.id if invite else None,
                                   bodies={k: v for k, v in (bodies or {}).items()
                                           if k != EVERYONE})
        campaign = await self.deliveries.campaign(key)
        if campaign is None:  # written just above: only a broken database gets here
            raise LookupError(f"campaign {key} vanished right after it was opened")
        self._spawn(campaign)
        return key

    async def resume(self) -> None:
        """Broadcasts interrupted by a stop continue where they were."""
        for campaign in await self.deliveries.unfinished("broadcast"):
            log.info("resuming %s", campaign.key)
            self._spawn(campaign)

    async def status(self, event: Event) -> list[ReminderStatus]:
        return await self.reminders.status(event)

    async def plan_event(self, event: Event) -> None:
        await self.reminders.plan_event(event)

    def _spawn(self, campaign: Campaign) -> None:
        task = asyncio.create_task(self._run(campaign))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _run(self, campaign: Campaign) -> Report | None:
        invite = await self.events.get(campaign.invite_event) if campaign.invite_event else None
        link = await self.registrations.event_link(invite) if invite else None
        versions = campaign.versions  # read back from the row: a resumed one keeps them

        async def content(reg: Registration) -> Content | None:
            fresh = await self.registrations.ledger(reg.event_id).get_by_id(reg.id)
            if fresh is None or not campaign.audience.reaches(fresh):
                return None
            t = self.catalog.for_language(fresh.language)
            chosen = pick(versions, t.language, self.catalog.default)
            body = "" if chosen is None else versions[chosen]
            if invite is None or link is None:
                return body, None
            button = InlineKeyboardButton(
                text=t("btn-open-event", title=invite.texts(t.language).title), url=link)
            return body, InlineKeyboardMarkup(inline_keyboard=[[button]])

        report = await self.fanout.run(campaign.key, content)
        if report is not None and campaign.created_by is not None:
            # The organiser's language now (a /language choice since the start counts),
            # else the one they wrote the broadcast in.
            # Through the outbox: a stop right after the last delivery still reports.
            chosen = await People(self.registrations.db).language(campaign.created_by)
            await self.registrations.outbox.to_organiser(campaign.created_by, Letter(
                "broadcast-report", {"sent": report.sent, "unreachable": report.unreachable,
                                     "failed": report.failed, "skipped": report.skipped,
                                     "total": report.total}, chosen or campaign.language))
        return report

    async def stop(self, grace: float) -> None:
        await drain(self.tasks, grace)

