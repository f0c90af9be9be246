"""What the shared core and the handlers need from the floors beside them, as protocols.

Handlers type against these; scheduler/ classes satisfy them structurally (no inheritance),
so handlers and scheduler never import each other."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from core.config import Reminder
from services.events import Event
from storage.deliveries import Report


class ReminderState(Protocol):
    """One reminder as the console shows it (scheduler.reminders.ReminderStatus)."""

    # Read-only properties: the scheduler's status is a frozen dataclass.
    @property
    def reminder(self) -> Reminder: ...

    @property
    def due(self) -> datetime: ...  # UTC

    @property
    def state(self) -> str: ...  # scheduled | running | done | skipped

    @property
    def report(self) -> Report: ...


class CampaignsPort(Protocol):
    """The console's calls on scheduler.campaigns.Campaigns: audience sizes, a broadcast,
    the reminders' status."""

    async def count(self, audience: str, event: Event) -> int: ...

    async def versions(self, audience: str, event: Event,
                       versions: Mapping[str, str]) -> dict[str, dict[str, int]]:
        """Who would get which version: {version key: {reader language: count}}."""
        ...

    async def broadcast(self, text_html: str | None, audience: str, admin_id: int,
                        event: Event, language: str | None = None,
                        invite: Event | None = None,
                        bodies: Mapping[str, str] | None = None) -> str: ...

    # Sequence, not list: it is covariant, so a list of the scheduler's own status type fits.
    async def status(self, event: Event) -> Sequence[ReminderState]: ...

    def plan_event(self, event: Event) -> Awaitable[None]:
        """Make the event's reminder jobs again (after its time changed)."""
        ...
