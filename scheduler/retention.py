"""Retention, checked at start and every few hours: the day before an event's personal data
is erased the organisers are told (with a button to export it first); then it is erased."""

from __future__ import annotations

import asyncio
import logging

from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.config import Settings
from core.i18n import Catalog
from core.sender import Sender
from services.privacy import ExportCb, Privacy

log = logging.getLogger(__name__)
EVERY_HOURS = 6


class Retention:
    def __init__(self, privacy: Privacy, settings: Settings, sender: Sender,
                 catalog: Catalog) -> None:
        self.privacy, self.settings, self.sender, self.catalog = privacy, settings, sender, catalog
        self.ran = asyncio.Event()  # set after each pass (start-up waits and tests use it)

    async def run(self) -> None:
        try:
            await self._run()
        except asyncio.CancelledError:
            # The bot is stopping: the next start runs the pass again (each erasure is one
            # transaction, so a pass cut short leaves nothing half done).
            log.info("retention pass interrupted by the stop")
        finally:
            self.ran.set()

    async def _run(self) -> None:
        expiry = await self.privacy.expire()
        for event in expiry.warn:
            for admin in self.settings.telegram.admins:
                # Each organiser in their own language, as their answers are.
                t = self.catalog.for_language(await self.privacy.people.reader_language(admin))
                kb = InlineKeyboardBuilder()
                kb.button(text=t("adm-btn-export-now"), callback_data=ExportCb(ev=event.id))
                await self.sender.send(admin, t("adm-retention-warning",
                                                title=event.texts(t.language).title,
                                                days=self.settings.privacy.retain_days),
                                       reply_markup=kb.as_markup())
