"""Retention, checked at start and every few hours: the day before an event's personal data
is erased the organisers are told (with a button to export it first; the message goes
through the outbox, queued with the mark that they were told); then it is erased."""

from __future__ import annotations

import asyncio
import logging

from services.privacy import Privacy

log = logging.getLogger(__name__)
EVERY_HOURS = 6


class Retention:
    def __init__(self, privacy: Privacy) -> None:
        self.privacy = privacy
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
        if expiry.warn:  # queued with the mark that they are due: the outbox sends them
            self.privacy.registrations.outbox.kick()
