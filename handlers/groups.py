"""Outside private chats the bot says once where to find it, and does nothing else."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from bot.i18n import Texts
from handlers.filters import Inline
from storage.ledger import Ledger


def router() -> Router:
    r = Router(name="groups")
    r.message.filter(Inline(F.chat.type != "private"))
    r.callback_query.filter(Inline(F.message.chat.type != "private"))

    @r.message()
    async def not_here(message: Message, bot: Bot, t: Texts, ledger: Ledger) -> None:
        if await ledger.remember_group(message.chat.id):
            me = await bot.me()
            await message.answer(t("private-only", username=me.username or ""))

    @r.callback_query()
    async def no_buttons_here(cb: CallbackQuery) -> None:
        await cb.answer()

    return r
