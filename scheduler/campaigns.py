"""Broadcasts and the status of reminders, for the organiser console. A broadcast is a
campaign like a reminder: recorded recipients, shared rate-limited sender, resumable."""

from __future__ import annotations

import asyncio
import logging
import uuid

from bot.i18n import Catalog
from bot.sender import Sender
from bot.timeutil import Clock
from scheduler.fanout import Content, FanOut, drain
from scheduler.reminders import Reminders, ReminderStatus
from storage.deliveries import Campaign, Deliveries, Report
from storage.ledger import Ledger
from storage.models import Registration

log = logging.getLogger(__name__)


class Campaigns:
    def __init__(self, ledger: Ledger, deliveries: Deliveries, fanout: FanOut, sender: Sender,
                 catalog: Catalog, clock: Clock, reminders: Reminders) -> None:
        self.ledger, self.deliveries, self.fanout = ledger, deliveries, fanout
        self.sender, self.catalog, self.clock, self.reminders = sender, catalog, clock, reminders
        self.tasks: set[asyncio.Task[Report | None]] = set()

    async def count(self, audience: str) -> int:
        return await self.deliveries.count(audience)

    async def broadcast(self, text_html: str, audience: str, admin_id: int,
                        language: str | None = None) -> str:
        """Fix the recipients now, send in the background, report to the admin at the end."""
        key = f"broadcast:{uuid.uuid4().hex[:12]}"
        await self.deliveries.open(key, "broadcast", audience, self.clock(), body=text_html,
                                   created_by=admin_id, language=language)
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

    async def status(self) -> list[ReminderStatus]:
        return await self.reminders.status()

    def _spawn(self, campaign: Campaign) -> None:
        task = asyncio.create_task(self._run(campaign))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _run(self, campaign: Campaign) -> Report | None:
        async def content(reg: Registration) -> Content | None:
            fresh = await self.ledger.get_by_id(reg.id)
            if fresh is None or not campaign.audience.reaches(fresh):
                return None
            return campaign.body or "", None

        report = await self.fanout.run(campaign.key, content)
        if report is not None and campaign.created_by is not None:
            t = self.catalog.for_language(campaign.language)
            await self.sender.send(campaign.created_by, t(
                "broadcast-report", sent=report.sent, unreachable=report.unreachable,
                failed=report.failed, skipped=report.skipped, total=report.total))
        return report

    async def stop(self, grace: float) -> None:
        await drain(self.tasks, grace)

