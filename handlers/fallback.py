"""Last in line: whatever no other handler took gets a helpful answer."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.i18n import Texts


def router() -> Router:
    r = Router(name="fallback")

    @r.message()
    async def unknown_message(message: Message, t: Texts) -> None:
        await message.answer(t("unknown-message"))

    @r.callback_query()
    async def unknown_button(cb: CallbackQuery, t: Texts) -> None:
        await cb.answer(t("error-stale-button"), show_alert=True)

    return r
