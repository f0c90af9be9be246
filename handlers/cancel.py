"""/cancel leaves the form at any step; nothing half-done is kept."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, ReplyKeyboardRemove

from core.i18n import Texts
from handlers import waiting
from handlers.admin.broadcast import Cast
from handlers.states import Form
from services.registration import Registrations


async def cancel(message: Message, bot: Bot, state: FSMContext, t: Texts,
                 registrations: Registrations) -> None:
    current = await state.get_state()
    if current is None:
        # No form open: a form waiting for approval is what there is to cancel.
        if message.from_user is None or not await waiting.offer(
                bot, message.from_user.id, t, registrations):
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
