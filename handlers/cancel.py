"""/cancel leaves the form at any step; nothing half-done is kept."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, ReplyKeyboardRemove

from core.i18n import Texts
from handlers.admin.broadcast import Cast
from handlers.states import Form


async def cancel(message: Message, state: FSMContext, t: Texts) -> None:
    current = await state.get_state()
    if current is None:
        await message.answer(t("nothing-to-cancel"), reply_markup=ReplyKeyboardRemove())
        return
    await state.clear()
    # Each draft is told in its own words: an organiser's broadcast is not a registration.
    if current in Form:
        key = "form-cancelled"
    elif current in Cast:
        key = "adm-cast-stopped"
    else:
        key = "adm-draft-cancelled"
    await message.answer(t(key), reply_markup=ReplyKeyboardRemove())


def router() -> Router:
    r = Router(name="cancel")
    r.message.register(cancel, Command("cancel"))
    return r
