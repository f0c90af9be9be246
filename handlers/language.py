"""/language: three buttons, each language named in itself; the choice is remembered and
wins over Telegram's language from then on (registrations follow it too)."""

from __future__ import annotations

from typing import get_args

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.config import Language
from core.i18n import NAMES, Catalog, Texts
from core.timeutil import Clock
from handlers.filters import Inline
from handlers.states import Form
from handlers.views import ask
from services.registration import Desk
from storage.people import People


class LanguageCb(CallbackData, prefix="lang"):
    code: Language


def choices(current: str) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for code in get_args(Language):
        mark = "✅ " if code == current else ""
        kb.button(text=f"{mark}{NAMES[code]}", callback_data=LanguageCb(code=code))
    kb.adjust(3)
    return kb.as_markup()


async def language_menu(message: Message, t: Texts) -> None:
    await message.answer(t("language-ask"), reply_markup=choices(t.language))


async def language_chosen(cb: CallbackQuery, callback_data: LanguageCb, bot: Bot,
                          state: FSMContext, people: People, catalog: Catalog, clock: Clock,
                          desk: Desk | None = None) -> None:
    await people.choose(cb.from_user.id, callback_data.code, clock())
    t = catalog.for_language(callback_data.code)
    # The question is answered: its buttons go, and the answer takes its place.
    if isinstance(cb.message, Message):
        await cb.message.edit_text(t("language-chosen"), reply_markup=None)
    else:  # a message too old to edit: the answer comes as a notice
        await cb.answer(t("language-chosen"))
    current = await state.get_state()
    if desk is not None and current is not None and current.startswith(f"{Form.__name__}:"):
        # Mid-form: the open question again, now in the language chosen (progress kept).
        await ask(bot, cb.from_user.id, state, t, desk)


def router() -> Router:
    r = Router(name="language")
    r.message.register(language_menu, Command("language"), Inline(F.chat.type == "private"))
    r.callback_query.register(language_chosen, LanguageCb.filter())
    return r
