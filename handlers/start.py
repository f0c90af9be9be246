"""/start, /help, /my and the event card's buttons (outside the form)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Texts
from bot.registration import Intake, Registrations
from handlers.callbacks import StartCb
from handlers.states import Form
from handlers.views import ask, card, my


async def _card_or_my(bot: Bot, user_id: int, t: Texts, registrations: Registrations) -> None:
    reg = await registrations.ledger.get(user_id)
    if reg and reg.active:
        text, markup = await my(t, registrations, reg)
    else:
        text, markup = await card(t, registrations)
    await bot.send_message(user_id, text, reply_markup=markup)


def router() -> Router:
    r = Router(name="start")

    @r.message(Command("help"))
    async def help_(message: Message, bot: Bot, state: FSMContext, t: Texts,
                    registrations: Registrations) -> None:
        await message.answer(t("help", phone=registrations.event.contact_phone))
        await ask(bot, message.chat.id, state, t, registrations)  # no-op outside the form

    @r.message(StateFilter(None), CommandStart())
    @r.message(StateFilter(None), Command("my"))
    async def start(message: Message, bot: Bot, t: Texts, registrations: Registrations) -> None:
        assert message.from_user
        await _card_or_my(bot, message.from_user.id, t, registrations)

    @r.callback_query(StateFilter(None), StartCb.filter(F.action == "my"))
    async def show_my(cb: CallbackQuery, bot: Bot, t: Texts,
                      registrations: Registrations) -> None:
        await cb.answer()
        await _card_or_my(bot, cb.from_user.id, t, registrations)

    @r.callback_query(StateFilter(None), StartCb.filter(F.action == "reg"))
    async def begin(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
                    registrations: Registrations) -> None:
        reg = await registrations.ledger.get(cb.from_user.id)
        if reg and reg.active:
            await cb.answer(t("already-registered"))
            await _card_or_my(bot, cb.from_user.id, t, registrations)
            return
        if await registrations.intake() is Intake.CLOSED:
            await cb.answer(t("registration-closed"), show_alert=True)
            return
        await cb.answer()
        await state.set_state(Form.name)
        await ask(bot, cb.from_user.id, state, t, registrations)

    @r.callback_query(StateFilter(Form), StartCb.filter())
    async def already_in_form(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
                              registrations: Registrations) -> None:
        await cb.answer(t("error-mid-form"), show_alert=True)
        await ask(bot, cb.from_user.id, state, t, registrations)

    return r
