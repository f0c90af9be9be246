"""/cancel leaves the form at any step; nothing half-done is kept."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, ReplyKeyboardRemove

from bot.i18n import Texts


async def cancel(message: Message, state: FSMContext, t: Texts) -> None:
    if await state.get_state() is None:
        await message.answer(t("nothing-to-cancel"), reply_markup=ReplyKeyboardRemove())
        return
    await state.clear()
    await message.answer(t("form-cancelled"), reply_markup=ReplyKeyboardRemove())


def router() -> Router:
    r = Router(name="cancel")
    r.message.register(cancel, Command("cancel"))
    return r
