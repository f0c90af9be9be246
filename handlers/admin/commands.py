"""Command menus: participants see their commands; each admin's private chat also lists
the console. A Telegram error here is logged and never stops the bot from starting."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.config import Settings
from bot.i18n import FALLBACK, Catalog

log = logging.getLogger(__name__)

PARTICIPANT = ("start", "my", "help", "cancel")
ADMIN = ("events", "newevent", "editevent", "stats", "list", "door", "checkin", "capacity",
         "close", "open", "broadcast", "reminders", "export", "log")


async def set_commands(bot: Bot, settings: Settings, catalog: Catalog) -> None:
    for language in catalog.languages:
        t = catalog.for_language(language)
        code = "" if language == FALLBACK else language  # the fallback serves everyone else
        participant = [BotCommand(command=c, description=t(f"cmd-{c}")) for c in PARTICIPANT]
        admin = [BotCommand(command=c, description=t(f"cmd-{c}")) for c in ADMIN]
        await _set(bot, participant, BotCommandScopeDefault(), code)
        for admin_id in settings.telegram.admins:
            await _set(bot, admin + participant, BotCommandScopeChat(chat_id=admin_id), code)


async def _set(bot: Bot, commands: list[BotCommand],
               scope: BotCommandScopeDefault | BotCommandScopeChat, language: str) -> None:
    try:
        await bot.set_my_commands(commands, scope=scope, language_code=language or None)
    except TelegramAPIError as exc:
        # e.g. "chat not found" for an admin who has never opened the bot
        where = f"chat {scope.chat_id}" if isinstance(scope, BotCommandScopeChat) else "default"
        log.warning("could not set the command menu (%s, language %r): %s", where,
                    language or "default", exc.message)
