"""Last resort: a handler failed. Log it with the update id, tell the person to retry;
what was already written to the ledger stays written."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.types import ErrorEvent

from core.i18n import Catalog
from handlers.middleware import resolve_desk
from handlers.views import ask
from services.alarm import StorageAlarm
from services.registration import Registrations
from storage.database import StorageUnavailable
from storage.people import People

log = logging.getLogger(__name__)


async def failed(event: ErrorEvent, bot: Bot, catalog: Catalog, alarm: StorageAlarm,
                 registrations: Registrations, people: People,
                 state: FSMContext | None = None) -> bool:
    update = event.update
    storage_down = isinstance(event.exception, StorageUnavailable)
    if isinstance(event.exception, StorageUnavailable):
        await alarm.raise_once(event.exception.reason, people)
    else:
        log.error("update %s failed", update.update_id, exc_info=event.exception)
    origin = update.message or (update.callback_query.message if update.callback_query
                                else None)
    user = update.message.from_user if update.message else (
        update.callback_query.from_user if update.callback_query else None)
    if origin is None or origin.chat.type != "private" or user is None:
        return True
    t = catalog.for_language(user.language_code)
    try:
        desk = await resolve_desk(registrations, state) if storage_down else None
        if desk is not None and state is not None:
            # The form lives in the same database: its answers so far are as they were.
            await ask(bot, origin.chat.id, state, t, desk, head=t("error-storage"))
        else:
            await bot.send_message(origin.chat.id, t("error-internal"))
    except (TelegramAPIError, StorageUnavailable):
        log.warning("could not tell user about the failure of update %s", update.update_id)
    return True


def router() -> Router:
    r = Router(name="errors")
    r.errors.register(failed)
    return r
