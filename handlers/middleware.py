"""Per-update: pick the catalog for the person who sent the update; the event it is about."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import TelegramObject, User

from core.fsm_storage import SQLiteStorage
from core.i18n import Catalog
from services.registration import Desk, Registrations
from storage.database import StorageUnavailable
from storage.people import People

log = logging.getLogger(__name__)


class LanguageMiddleware(BaseMiddleware):
    """`t`: the language the person chose with /language, else their Telegram language if
    we have it, else the config's default language."""

    def __init__(self, catalog: Catalog, people: People) -> None:
        self.catalog = catalog
        self.people = people

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        chosen = None
        if user is not None:
            self.people.seen(user.id, user.language_code)
            try:
                chosen = await self.people.language(user.id)
            except StorageUnavailable as exc:
                # An unreadable database must not stop the answer (it says what is wrong,
                # in the Telegram language at least).
                log.warning("language choice unreadable: %s", exc)
        data["t"] = self.catalog.for_language(chosen or (user.language_code if user else None))
        return await handler(event, data)


class DeskMiddleware(BaseMiddleware):
    """Per update: the event it is about, as `desk`. A form in progress names its event in
    its data; otherwise the next event to start (else the latest). Buttons that carry an
    event or a registration resolve their own.

    The handler runs in the update's scope (what it read is reused until something is
    written) and its form changes are written once, before its message goes out: a form
    step is one statement (see storage.fsm.FormStore)."""

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        registrations: Registrations = data["registrations"]
        state: FSMContext | None = data.get("state")
        desk = await resolve_desk(registrations, state)
        if desk is not None:
            data["desk"] = desk
        with registrations.update_scope():
            if state is not None and isinstance(state.storage, SQLiteStorage):
                state.storage.attach(data["bot"])
                async with state.storage.batch():
                    return await handler(event, data)
            return await handler(event, data)


async def resolve_desk(registrations: Registrations, state: FSMContext | None) -> Desk | None:
    """The event of the form in progress, else the one on now or next to start, else the
    latest."""
    chosen = (await state.get_data()).get("event") if state is not None else None
    found = await registrations.events.get(chosen) if isinstance(chosen, int) else None
    if found is None:
        upcoming = await registrations.events.not_over()
        found = upcoming[0] if upcoming else await registrations.events.latest_past()
    return None if found is None else registrations.of(found)
