"""Outside private chats the bot says once where to find it, and does nothing else."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from core.i18n import Texts
from handlers.filters import Inline
from services.registration import Registrations


async def not_here(message: Message, bot: Bot, t: Texts, registrations: Registrations) -> None:
    if await registrations.remember_group(message.chat.id):
        me = await bot.me()
        await message.answer(t("private-only", username=me.username or ""))


async def no_buttons_here(cb: CallbackQuery) -> None:
    """Taken so no other router acts in a group; CallbackAnswerMiddleware answers it
    without a text."""


def router() -> Router:
    r = Router(name="groups")
    r.message.filter(Inline(F.chat.type != "private"))
    r.callback_query.filter(Inline(F.message.chat.type != "private"))
    r.message.register(not_here)
    r.callback_query.register(no_buttons_here)
    return r
