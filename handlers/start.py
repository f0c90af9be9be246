"""/start, /help, /my and the event card's buttons (outside the form)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Texts
from bot.registration import Intake, Registrations
from handlers.callbacks import StartAction, StartCb
from handlers.states import Form
from handlers.views import ask, card, my


async def _card_or_my(bot: Bot, user_id: int, t: Texts, registrations: Registrations) -> None:
    reg = await registrations.active(user_id)
    if reg is not None:
        text, markup = await my(t, registrations, reg)
    else:
        text, markup = await card(t, registrations)
    await bot.send_message(user_id, text, reply_markup=markup)


async def help_(message: Message, bot: Bot, state: FSMContext, t: Texts,
                registrations: Registrations) -> None:
    await message.answer(t("help", phone=registrations.event.contact_phone))
    await ask(bot, message.chat.id, state, t, registrations)  # no-op outside the form


async def start(message: Message, bot: Bot, t: Texts, registrations: Registrations) -> None:
    if message.from_user is None:  # private chats always have a sender; nobody to answer
        return
    await _card_or_my(bot, message.from_user.id, t, registrations)


async def show_my(cb: CallbackQuery, bot: Bot, t: Texts, registrations: Registrations) -> None:
    await _card_or_my(bot, cb.from_user.id, t, registrations)


async def begin(cb: CallbackQuery, callback_answer: CallbackAnswer, bot: Bot,
                state: FSMContext, t: Texts, registrations: Registrations) -> None:
    if await registrations.active(cb.from_user.id) is not None:
        callback_answer.text = t("already-registered")
        await _card_or_my(bot, cb.from_user.id, t, registrations)
        return
    if await registrations.intake() is Intake.CLOSED:
        callback_answer.text, callback_answer.show_alert = t("registration-closed"), True
        return
    await state.set_state(Form.name)
    await ask(bot, cb.from_user.id, state, t, registrations)


async def already_in_form(cb: CallbackQuery, callback_answer: CallbackAnswer, bot: Bot,
                          state: FSMContext, t: Texts, registrations: Registrations) -> None:
    callback_answer.text, callback_answer.show_alert = t("error-mid-form"), True
    await ask(bot, cb.from_user.id, state, t, registrations)


def router() -> Router:
    r = Router(name="start")
    r.message.register(help_, Command("help"))
    # /my first, then /start: the order the stacked decorators used to register them in.
    r.message.register(start, StateFilter(None), Command("my"))
    r.message.register(start, StateFilter(None), CommandStart())
    r.callback_query.register(show_my, StateFilter(None),
                              StartCb.filter(F.action == StartAction.MY))
    r.callback_query.register(begin, StateFilter(None),
                              StartCb.filter(F.action == StartAction.REG))
    r.callback_query.register(already_in_form, StateFilter(Form), StartCb.filter())
    return r
