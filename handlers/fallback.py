"""Last in line: whatever no other handler took gets a helpful answer."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers.views import ask
from services.registration import Desk


async def unknown_message(message: Message, t: Texts) -> None:
    await message.answer(t("unknown-message"))


async def unknown_button(cb: CallbackQuery, callback_answer: CallbackAnswer, bot: Bot,
                         state: FSMContext, t: Texts, desk: Desk) -> None:
    """An old button, or data that does not parse (forged, or an enum value we no longer
    know): say so, and mid-form ask the current question again so the user can go on."""
    callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
    await ask(bot, cb.from_user.id, state, t, desk)  # no-op outside the form


def router() -> Router:
    r = Router(name="fallback")
    r.message.register(unknown_message)
    r.callback_query.register(unknown_button)
    return r
