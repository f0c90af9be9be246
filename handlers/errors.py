"""Last resort: a handler failed. Log it with the update id, tell the person to retry;
what was already written to the ledger stays written."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent

from bot.i18n import Catalog

log = logging.getLogger(__name__)


async def failed(event: ErrorEvent, bot: Bot, catalog: Catalog) -> bool:
    update = event.update
    log.error("update %s failed", update.update_id, exc_info=event.exception)
    origin = update.message or (update.callback_query.message if update.callback_query
                                else None)
    user = update.message.from_user if update.message else (
        update.callback_query.from_user if update.callback_query else None)
    if origin is None or origin.chat.type != "private" or user is None:
        return True
    t = catalog.for_language(user.language_code)
    try:
        await bot.send_message(origin.chat.id, t("error-internal"))
    except TelegramAPIError:
        log.warning("could not tell user about the failure of update %s", update.update_id)
    return True


def router() -> Router:
    r = Router(name="errors")
    r.errors.register(failed)
    return r
