"""The participant-side rules around the ledger: is registration open, and who must be
told when a seat moves. Handlers call this; it never renders a reply itself."""

from __future__ import annotations

import logging
from enum import StrEnum

from bot.config import EventSection
from bot.i18n import Catalog
from bot.render import promoted
from bot.sender import Sender
from bot.timeutil import Clock
from storage.ledger import Ledger
from storage.models import Applicant, Counts, Format, Outcome, Registration

log = logging.getLogger(__name__)


class Intake(StrEnum):
    """What new registrations may choose. Organisers can narrow it (stored in the ledger)."""

    OPEN = "open"
    ONLINE_ONLY = "online-only"
    CLOSED = "closed"


class Registrations:
    def __init__(self, ledger: Ledger, event: EventSection, clock: Clock,
                 sender: Sender, catalog: Catalog) -> None:
        self.ledger = ledger
        self.event = event
        self.clock = clock
        self._sender = sender
        self._catalog = catalog

    # --- reads, so handlers never reach into the ledger themselves ----------------
    async def get(self, user_id: int) -> Registration | None:
        return await self.ledger.get(user_id)

    async def active(self, user_id: int) -> Registration | None:
        """The person's registration if it is still active (a cancelled one counts as none)."""
        reg = await self.ledger.get(user_id)
        return reg if reg is not None and reg.active else None

    async def counts(self) -> Counts:
        return await self.ledger.counts()

    async def waitlist_position(self, user_id: int) -> int | None:
        return await self.ledger.waitlist_position(user_id)

    async def remember_group(self, chat_id: int) -> bool:
        """True the first time a group chat is seen (so the bot speaks there only once)."""
        return await self.ledger.remember_group(chat_id)

    async def intake(self) -> Intake:
        if self.clock() >= self.event.closes_utc:
            return Intake.CLOSED
        return Intake(await self.ledger.setting("intake") or Intake.OPEN)

    async def register(self, who: Applicant, wants: Format) -> Outcome:
        return await self.ledger.register(who, wants, self.clock())

    async def switch(self, user_id: int, to: Format) -> Outcome | None:
        outcome = await self.ledger.switch(user_id, to, self.clock())
        if outcome:
            await self.tell_promoted(outcome.promoted)
        return outcome

    async def cancel(self, user_id: int) -> Outcome | None:
        outcome = await self.ledger.cancel(user_id, self.clock())
        if outcome:
            await self.tell_promoted(outcome.promoted)
        return outcome

    async def tell_promoted(self, regs: tuple[Registration, ...]) -> None:
        """The seat is theirs in the ledger already; a failed message only costs the news
        (they still see it in /my and in every reminder)."""
        for reg in regs:
            t = self._catalog.for_language(reg.language)
            sent = await self._sender.send(reg.chat_id, promoted(t, self.event, reg))
            log.info("promoted registration %s from the waitlist: %s", reg.id, sent.result)
