"""What every admin handler works with, built per update once the gate has let it in."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.dispatcher.flags import get_flag
from aiogram.methods import SendDocument, SendMessage, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import Message, TelegramObject, User

from core.config import Settings
from core.i18n import Catalog, Texts
from core.sender import Sender
from handlers.admin import views
from handlers.admin.access import Access
from services.event_edits import EventEdits
from services.events import Event, Events
from services.organiser import Organiser
from services.ports import CampaignsPort
from services.registration import Desk, Registrations
from services.team import Role, covers
from storage.models import Registration

log = logging.getLogger(__name__)

# Handler flag: the answer is about the admin's current event, so it is headed by one line
# naming it (handlers.admin.views.pin). With several events an organiser must never act on
# the wrong one unawares; the middlewares below put it in, so no handler repeats it.
NAMES_EVENT = {"names_event": True}
TEXT_MAX, CAPTION_MAX = 4096, 1024  # Telegram's limits

# This update's event line, until its first answer carries it (PinFirstAnswer): the
# organiser's chat and the line.
_PIN: ContextVar[tuple[int, list[str]] | None] = ContextVar("console_pin", default=None)


class PinFirstAnswer(BaseRequestMiddleware):
    """The event line heads the update's first answer, text or document caption, instead
    of being a message of its own (a tidy chat: one answer, one message). An answer with
    no room left for it gets the line just before it."""

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        chat, waiting = _PIN.get() or (None, [])
        # Only the organiser's own answer: a notice this update sends a participant is not.
        if (waiting and isinstance(method, SendMessage | SendDocument)
                and method.chat_id == chat):
            pin = waiting.pop()
            if isinstance(method, SendMessage) and len(pin) + 2 + len(method.text) <= TEXT_MAX:
                method.text = f"{pin}\n\n{method.text}"  # a retry keeps it: popped once
            elif isinstance(method, SendDocument) and (
                    len(pin) + 2 + len(method.caption or "") <= CAPTION_MAX):
                caption = f"{pin}\n\n{method.caption}" if method.caption else pin
                method.caption = caption
            else:
                await bot.send_message(method.chat_id, pin)
        return await make_request(bot, method)


@dataclass(frozen=True)
class Console:
    admin_id: int
    registrations: Registrations
    events: Events
    desk: Desk  # the admin's current event (chosen with /events)
    organiser: Organiser  # the same event's console reads and writes
    sender: Sender
    catalog: Catalog
    settings: Settings
    campaigns: CampaignsPort
    role: Role = Role.OWNER  # at this event (handlers.admin.access)
    roles: Mapping[int, Role] | None = None  # a member's role per event; None: an owner

    def may(self, event_id: int, need: Role = Role.DOOR) -> bool:
        """May this person see (`need`: act on) that event? Owners: every event."""
        role = Role.OWNER if self.roles is None else self.roles.get(event_id)
        return role is not None and covers(role, need)

    @property
    def event(self) -> Event:
        return self.organiser.event

    @property
    def edits(self) -> EventEdits:
        return EventEdits(self.registrations, self.events, self.organiser.now,
                          self.campaigns.plan_event)

    @property
    def tz(self) -> str:
        return self.event.info.timezone

    def now(self) -> datetime:
        return self.organiser.now()

    async def record(self, action: str, reg_id: int | None = None, details: str = "") -> None:
        await self.organiser.record(self.admin_id, action, reg_id, details)

    async def tell(self, reg: Registration, key: str) -> None:
        """Let a participant know what an organiser did to their registration: through the
        outbox (recorded, resumed after a restart), like every message that is no reply."""
        await self.registrations.outbox.tell(reg, key)


class ConsoleMiddleware(BaseMiddleware):
    """Per update: the acting admin's id, bound to the shared objects the factory built."""

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User = data["event_from_user"]
        registrations: Registrations = data["registrations"]
        events: Events = data["events"]
        access: Access | None = data.get("access")  # the gate's (handlers.admin.access)
        if access is not None and access.event is not None:  # a member: their event
            current = access.event
        else:
            current = await events.current_for(user.id)
        desk = registrations.of(current)
        organiser = Organiser(desk.ledger, current, data["clock"])
        campaigns: CampaignsPort = data["campaigns"]
        data["console"] = Console(user.id, registrations, events, desk, organiser,
                                  data["sender"], data["catalog"], data["settings"], campaigns,
                                  access.role if access else Role.OWNER,
                                  access.roles if access else None)
        if not (isinstance(event, Message) and get_flag(data, "names_event")):
            return await handler(event, data)
        t: Texts = data["t"]
        waiting = [str(views.pin(t, current))]
        token = _PIN.set((event.chat.id, waiting))
        try:
            return await handler(event, data)
        finally:
            _PIN.reset(token)
            if waiting:  # the handler answered nothing: the line alone still says where
                await event.answer(waiting.pop())
