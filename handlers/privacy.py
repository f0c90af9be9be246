"""/privacy shows the notice; /forget_me (or /delete) erases the person's data after a
confirmation."""

from __future__ import annotations

from enum import StrEnum

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import Catalog, Texts
from handlers import waiting
from handlers.admin.commands import member_menu
from handlers.filters import Inline
from services.privacy import Privacy, notice
from services.registration import Desk, Registrations
from services.team import Team


class Erase(StrEnum):
    YES = "yes"
    NO = "no"


class EraseCb(CallbackData, prefix="pe"):
    answer: Erase


async def show_notice(message: Message, t: Texts, privacy: Privacy,
                      desk: Desk | None = None) -> None:
    await message.answer(notice(t, privacy.settings, desk.event if desk else None))


async def ask_forget(message: Message, t: Texts, registrations: Registrations) -> None:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-forget-yes"), callback_data=EraseCb(answer=Erase.YES))
    kb.button(text=t("btn-forget-no"), callback_data=EraseCb(answer=Erase.NO))
    kb.adjust(1)
    await message.answer(t(await _forget_key(message, registrations)),
                         reply_markup=kb.as_markup())


async def _forget_key(message: Message, registrations: Registrations) -> str:
    """The question fits what the person has: someone whose only step is a form waiting
    for approval holds no seat to pass on, so is not told of one."""
    user = message.from_user
    if user is None or await registrations.of_person(user.id):
        return "forget-ask"
    return "forget-ask-waiting" if await waiting.forms_of(registrations, user.id) \
        else "forget-ask"


async def forget(cb: CallbackQuery, callback_data: EraseCb, bot: Bot, t: Texts,
                 privacy: Privacy, team: Team, catalog: Catalog) -> None:
    if callback_data.answer is Erase.NO:
        text = t("forget-kept")
    else:
        member = bool(await team.roles(cb.from_user.id))
        await privacy.forget(cb.from_user.id)  # out of every team too
        if member:  # their menu loses the console commands they no longer have
            await member_menu(bot, catalog, cb.from_user.id, [])
        text = t("forget-done")
    if cb.message is not None:  # the question becomes the answer: no live buttons left
        await bot.edit_message_text(text, chat_id=cb.from_user.id,
                                    message_id=cb.message.message_id)
    else:
        await bot.send_message(cb.from_user.id, text)


def router() -> Router:
    r = Router(name="privacy")
    r.message.register(show_notice, Command("privacy"))
    r.message.register(ask_forget, Command("forget_me", "delete"))
    r.message.register(ask_forget, Inline(F.text.lower().in_((
        "delete my data", "удалить мои данные", "менің деректерімді жою"))))
    r.callback_query.register(forget, EraseCb.filter())
    return r
