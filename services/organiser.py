"""The organiser console's reads and writes below Telegram: a registration by id, list
sizes and pages, the stored intake, capacity, check-in, promotion and the audit trail.

Console handlers call this and never reach the ledger, the reports or the audit log
themselves; it renders nothing and knows no Telegram."""

from __future__ import annotations

from datetime import datetime

from core.timeutil import Clock
from services.events import Event
from services.registration import Intake
from storage.audit import AuditEntry, AuditLog
from storage.ledger import Ledger
from storage.models import Counts, Placement, Registration
from storage.reports import Reports, sizes


class RegistrationVanished(LookupError):
    """A registration read a moment ago is gone: rows are never deleted, so this is a bug."""


class Organiser:
    """One event's console: the admin's current event (chosen with /events)."""

    def __init__(self, ledger: Ledger, event: Event, clock: Clock) -> None:
        self.event = event
        self._ledger = ledger
        self._reports = Reports(ledger.db, event.id)
        self._audit = AuditLog(ledger.db, event.id)
        self._clock = clock

    def now(self) -> datetime:
        return self._clock()

    # Reads

    async def registration(self, reg_id: int) -> Registration | None:
        return await self._ledger.get_by_id(reg_id)

    async def fresh(self, reg_id: int) -> Registration:
        """The row again after a change to it."""
        reg = await self._ledger.get_by_id(reg_id)
        if reg is None:
            raise RegistrationVanished(f"registration {reg_id} is gone")
        return reg

    async def counts(self) -> Counts:
        return await self._ledger.counts()

    async def list_sizes(self) -> dict[str, int]:
        """How many rows each list (storage.reports.KINDS) has."""
        return sizes(await self._ledger.counts())

    async def waitlist_position(self, reg: Registration) -> int | None:
        """1-based place in the queue; None for anyone not waiting."""
        if reg.active and reg.placement is Placement.WAITLISTED:
            return await self._ledger.waitlist_position(reg.user_id)
        return None

    async def stored_intake(self) -> Intake:
        """What the organisers chose, regardless of the registration deadline."""
        return Intake(await self._ledger.intake())

    async def page(self, kind: str, offset: int, limit: int) -> list[Registration]:
        return await self._reports.page(kind, offset, limit)

    async def queue_positions(self) -> dict[int, int]:
        return await self._reports.queue_positions()

    async def everyone(self) -> list[Registration]:
        return await self._reports.everyone()

    async def seated(self) -> list[Registration]:
        return await self._reports.seated()

    async def latest_audit(self, limit: int) -> list[AuditEntry]:
        return await self._audit.latest(limit)

    # Writes

    async def set_intake(self, intake: Intake) -> None:
        await self._ledger.set_intake(intake.value)

    async def set_capacity(self, capacity: int) -> tuple[Registration, ...] | int:
        """The registrations promoted into the new seats, or (refused) how many are taken."""
        return await self._ledger.set_capacity(capacity, self.now())

    async def check_in(self, code: str, by: int | None = None) -> tuple[str, Registration | None]:
        return await self._ledger.check_in(code, self.now(), by)

    async def promote(self, reg_id: int) -> tuple[str, Registration | None]:
        return await self._ledger.promote(reg_id, self.now())

    async def record(self, admin_id: int, action: str, reg_id: int | None = None,
                     details: str = "") -> None:
        await self._audit.record(admin_id, action, self.now(), reg_id, details)
