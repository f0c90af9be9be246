"""The bot's Telegram profile: description, short description and command menus, per
language (kk, ru, en, and the default language for every other one); each admin's private
chat also lists the console. Each piece is read first and set only when it differs, so a
restart with the same texts changes nothing. A Telegram error here is logged and never
stops the bot from starting."""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from core.config import Settings
from core.i18n import Catalog

log = logging.getLogger(__name__)

PARTICIPANT = ("start", "my", "help", "cancel", "language")
ADMIN = ("events", "newevent", "editevent", "stats", "list", "door", "checkin", "capacity",
         "close", "open", "broadcast", "reminders", "export", "report", "log", "team",
         "pending", "form")

Scope = BotCommandScopeDefault | BotCommandScopeChat


def _versions(catalog: Catalog) -> list[tuple[str, str]]:
    """(language_code, language): each of ours by its code, and "" (everyone else) in the
    default language."""
    return [(code, code) for code in catalog.languages] + [("", catalog.default)]


async def set_profile(bot: Bot, settings: Settings, catalog: Catalog) -> None:
    for code, language in _versions(catalog):
        t = catalog.for_language(language)
        await _guarded(f"description ({code or 'default'})",
                       _set_descriptions(bot, code, t("bot-description"),
                                         t("bot-short-description")))
    await set_commands(bot, settings, catalog)


async def set_commands(bot: Bot, settings: Settings, catalog: Catalog) -> None:
    for code, language in _versions(catalog):
        t = catalog.for_language(language)
        participant = [BotCommand(command=c, description=t(f"cmd-{c}")) for c in PARTICIPANT]
        admin = [BotCommand(command=c, description=t(f"cmd-{c}")) for c in ADMIN]
        await _set_menu(bot, participant, BotCommandScopeDefault(), code)
        for admin_id in settings.telegram.admins:
            await _set_menu(bot, admin + participant, BotCommandScopeChat(chat_id=admin_id), code)


async def member_menu(bot: Bot, catalog: Catalog, user_id: int, commands: list[str]) -> None:
    """A team member's chat: their role's console commands above the participant's;
    none (left every team): back to everyone's menu."""
    scope = BotCommandScopeChat(chat_id=user_id)
    for code, language in _versions(catalog):
        if not commands:
            await _guarded(f"command menu (chat {user_id})", _delete_menu(bot, scope, code))
            continue
        t = catalog.for_language(language)
        menu = [BotCommand(command=c, description=t(f"cmd-{c}"))
                for c in (*commands, *PARTICIPANT)]
        await _set_menu(bot, menu, scope, code)


async def _delete_menu(bot: Bot, scope: BotCommandScopeChat, code: str) -> None:
    await bot.delete_my_commands(scope=scope, language_code=code or None)


async def _set_descriptions(bot: Bot, code: str, description: str, short: str) -> None:
    language = code or None
    if (await bot.get_my_description(language_code=language)).description != description:
        await bot.set_my_description(description=description, language_code=language)
    current = await bot.get_my_short_description(language_code=language)
    if current.short_description != short:
        await bot.set_my_short_description(short_description=short, language_code=language)


async def _set_menu(bot: Bot, commands: list[BotCommand], scope: Scope, code: str) -> None:
    where = f"chat {scope.chat_id}" if isinstance(scope, BotCommandScopeChat) else "default"

    async def attempt() -> None:
        now = await bot.get_my_commands(scope=scope, language_code=code or None)
        if [(c.command, c.description) for c in now] != [(c.command, c.description)
                                                          for c in commands]:
            await bot.set_my_commands(commands, scope=scope, language_code=code or None)

    # e.g. "chat not found" for an admin who has never opened the bot
    await _guarded(f"command menu ({where}, language {code or 'default'})", attempt())


async def _guarded(what: str, attempt: Awaitable[None]) -> None:
    try:
        await attempt
    except TelegramAPIError as exc:
        log.warning("could not set the %s: %s", what, exc.message)
