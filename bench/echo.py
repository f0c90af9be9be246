"""The baseline bot: bare aiogram, one router echoing text and answering button presses."""

from __future__ import annotations

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.enums import ParseMode
from aiogram.types import CallbackQuery, Message

from bench.steps import TOKEN


def echo_dispatcher() -> Dispatcher:
    router = Router(name="echo")

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    @router.callback_query()
    async def ack(cb: CallbackQuery) -> None:
        await cb.answer()

    dp = Dispatcher()
    dp.include_router(router)
    return dp


def echo_bot(session: BaseSession, token: str = TOKEN) -> Bot:
    """Same defaults as the app's Bot (bot.factory.create_bot)."""
    return Bot(token, session=session, default=DefaultBotProperties(
        parse_mode=ParseMode.HTML, link_preview_is_disabled=True))
