"""Sending the recurring screens: each form question, the event card, 'my registration'."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup

from bot import render
from bot.i18n import Texts
from bot.registration import Desk, Intake
from handlers import keyboards
from handlers.states import ORDER, Form
from storage.models import Registration

Screen = tuple[str, InlineKeyboardMarkup | None]


async def ask(bot: Bot, chat_id: int, state: FSMContext, t: Texts,
              desk: Desk, head: str = "") -> None:
    """(Re)send the question of the step the user is on; progress stays as it is. `head`
    (why an answer was refused) goes in the same message: one reply per bad input."""
    current = await state.get_state()  # counts and answers only where the step shows them
    markup: Any = None
    if current == Form.name.state:
        text = t("ask-name")
    elif current == Form.org.state:
        text = t("ask-org")
    elif current == Form.role.state:
        text, markup = t("ask-role"), keyboards.roles(t)
    elif current == Form.phone.state:
        text, markup = t("ask-phone"), keyboards.phone(t)
    elif current == Form.format.state:
        counts = await desk.counts()
        offline = await desk.intake() is Intake.OPEN
        text, markup = t("ask-format"), keyboards.formats(t, counts, offline)
    elif current == Form.confirm.state:
        data, counts = await state.get_data(), await desk.counts()
        text, markup = render.summary(t, data, counts), keyboards.summary(t)
    else:
        if head:
            await bot.send_message(chat_id, head)
        return
    await bot.send_message(chat_id, f"{head}\n\n{text}" if head else text, reply_markup=markup)


async def advance(bot: Bot, chat_id: int, state: FSMContext, t: Texts,
                  desk: Desk, **answer: Any) -> None:
    """Store the answer and go to the next question (or back to the summary when editing)."""
    data = await state.update_data(**answer)
    current = await state.get_state()
    following = ORDER[[s.state for s in ORDER].index(current) + 1]
    if following == Form.format and data.get("format_chosen"):
        following = Form.confirm  # the link they came by chose offline or online already
    await state.set_state(Form.confirm if data.get("editing") else following)
    await ask(bot, chat_id, state, t, desk)


async def card(t: Texts, desk: Desk) -> Screen:
    """The event card, with a Register button while registration is open; a past event
    says it has taken place."""
    counts = await desk.counts()
    if desk.started():
        return render.event_card(t, desk.info, counts, is_open=False, past=True), None
    is_open = await desk.intake() is not Intake.CLOSED
    text = render.event_card(t, desk.info, counts, is_open)
    return text, keyboards.event_card(t, desk.event.id, registered=False, is_open=is_open)


async def register_again(t: Texts, desk: Desk) -> InlineKeyboardMarkup | None:
    is_open = await desk.intake() is not Intake.CLOSED
    return keyboards.event_card(t, desk.event.id, registered=False, is_open=is_open)


async def my(t: Texts, desk: Desk, reg: Registration) -> Screen:
    if not reg.active:
        return t("my-cancelled"), await register_again(t, desk)
    position = await desk.waitlist_position(reg.user_id)
    counts = await desk.counts()
    offline = await desk.intake() is Intake.OPEN
    text = render.my_registration(t, desk.info, reg, position)
    return text, keyboards.my(t, reg, counts, offline)
