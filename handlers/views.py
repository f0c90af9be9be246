"""Sending the recurring screens: each form question, the event card, 'my registration'.

A tidy chat: a button press edits the message it belongs to (`on` below) instead of
posting a new block, and a question's buttons are taken away once a newer question is
out, so old messages never keep buttons that only answer "out of date"."""

from __future__ import annotations

import contextlib
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup, MaybeInaccessibleMessage, Message

from core import render
from core.i18n import Texts
from handlers import keyboards
from handlers.states import PICKED, QUESTION, Form, state_of
from services import calendar
from services.privacy import notice
from services.registration import Desk, Intake
from storage.models import Registration

Screen = tuple[str, InlineKeyboardMarkup | None]
ASKED = "asked"  # FSM data: the message id of the latest question that has inline buttons


def editable(message: MaybeInaccessibleMessage | None) -> int | None:
    """The id of a pressed button's message, if the bot may still edit it (Telegram
    hides messages older than 48 hours from bots: those get a new message)."""
    return message.message_id if isinstance(message, Message) else None


async def show(bot: Bot, chat_id: int, text: str, markup: Any = None,
               on: int | None = None) -> int:
    """Edit message `on` into this screen (only inline keyboards can be edited in), else
    send it; returns the id of the message that shows it."""
    if on is not None and not _reply_keyboard(markup):
        try:
            await bot.edit_message_text(text, chat_id=chat_id, message_id=on,
                                        reply_markup=markup)
            return on
        except TelegramBadRequest:
            # Deleted by the user, or too old to edit: a new message instead. (The same
            # screen pressed again is no error: core/edits.py.)
            pass
    elif on is not None:
        await unbutton(bot, chat_id, on)
    sent = await bot.send_message(chat_id, text, reply_markup=markup)
    return sent.message_id


async def unbutton(bot: Bot, chat_id: int, message_id: int | None) -> None:
    """Take the inline buttons off a finished step's message (best effort: a message the
    user deleted has nothing to take away)."""
    if message_id is None:
        return
    with contextlib.suppress(TelegramBadRequest):
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id,
                                            reply_markup=None)


def _reply_keyboard(markup: Any) -> bool:
    return markup is not None and not isinstance(markup, InlineKeyboardMarkup)


async def ask(bot: Bot, chat_id: int, state: FSMContext, t: Texts,
              desk: Desk, head: str = "", on: int | None = None) -> None:
    """(Re)send the question of the step the user is on; progress stays as it is. `head`
    (why an answer was refused) goes in the same message: one reply per bad input. `on`:
    the pressed message, edited into the question instead of a new one."""
    current = await state.get_state()  # counts and answers only where the step shows them
    markup: Any = None
    if current == Form.consent.state:
        text = (notice(t, desk.settings, desk.event) + own_questions(t, desk) + "\n\n"
                + t("consent-ask"))
        markup = keyboards.consent(t)
    elif current == Form.name.state:
        text = t("ask-name")
    elif current == Form.org.state:
        text = t("ask-org")
    elif current == Form.role.state:
        text, markup = t("ask-role"), keyboards.roles(t, desk.info)
    elif current == Form.phone.state:
        text, markup = t("ask-phone"), keyboards.phone(t)
    elif current == Form.question.state:
        data = await state.get_data()
        asked = desk.info.form_model.question(str(data.get(QUESTION)))
        if asked is None:  # the organisers removed it meanwhile: on to the next step
            await advance(bot, chat_id, state, t, desk, on=on)
            return
        text = render.question(t, asked)
        markup = keyboards.question(t, asked, data.get(PICKED))
    elif current == Form.format.state:
        counts = await desk.counts()
        offline = await desk.intake() is Intake.OPEN
        text, markup = t("ask-format"), keyboards.formats(t, counts, offline)
    elif current == Form.confirm.state:
        data, counts = await state.get_data(), await desk.counts()
        text = render.summary(t, data, counts, desk.info)
        markup = keyboards.summary(t)
    else:
        if head:
            await show(bot, chat_id, head, on=on)
        return
    earlier = (await state.get_data()).get(ASKED)
    if earlier != on:  # one question with live buttons at a time (taken away first)
        await unbutton(bot, chat_id, earlier)
    shown = await show(bot, chat_id, f"{head}\n\n{text}" if head else text, markup, on)
    await state.update_data({ASKED: shown if isinstance(markup, InlineKeyboardMarkup)
                             else None})


async def advance(bot: Bot, chat_id: int, state: FSMContext, t: Texts,
                  desk: Desk, on: int | None = None, **answer: Any) -> None:
    """Store the answer and go to the next question (or back to the summary when editing).
    Registration closed since the last step: said now, not after the whole form."""
    if await desk.intake() is Intake.CLOSED:
        earlier = (await state.get_data()).get(ASKED)
        await state.clear()
        if earlier != on:
            await unbutton(bot, chat_id, earlier)
        await show(bot, chat_id, t("registration-closed-mid-form"), on=on)
        return
    data = await state.update_data(**answer)
    # The first step still unanswered (core/questions.py): after an edit that is the
    # summary, unless the new format brings questions of its own. A link that chose the
    # format answered that step already.
    following = desk.info.form_model.next_step(data)
    await state.set_state(state_of(following))
    if following in desk.info.form_model.own:
        await state.update_data({QUESTION: following, PICKED: []})
    await ask(bot, chat_id, state, t, desk, on=on)


def own_questions(t: Texts, desk: Desk) -> str:
    """The consent notice names what this event's form asks besides the usual."""
    own = desk.info.form_model.questions
    if not own:
        return ""
    # One per line: labels are sentences, often questions ("…?"), which no ", " joins well.
    return "\n\n" + t("privacy-own-questions", questions="\n".join(
        t("privacy-own-question", label=q.label_in(t.language)) for q in own))


async def card(t: Texts, desk: Desk) -> Screen:
    """The event card, with a Register button while registration is open; an event on
    now says so (online registration stays open until its end); one that has ended says
    it has taken place."""
    counts = await desk.counts()
    if desk.ended():
        return render.event_card(t, desk.info, counts, is_open=False, past=True), None
    intake = await desk.intake()
    is_open = intake is not Intake.CLOSED
    text = render.event_card(t, desk.info, counts, is_open,
                             offline_open=intake is Intake.OPEN, live=desk.live())
    return text, keyboards.event_card(t, desk.event.id, registered=False, is_open=is_open)


async def register_again(t: Texts, desk: Desk) -> InlineKeyboardMarkup | None:
    is_open = await desk.intake() is not Intake.CLOSED
    return keyboards.event_card(t, desk.event.id, registered=False, is_open=is_open)


async def my(t: Texts, desk: Desk, reg: Registration) -> Screen:
    """The registration and what can still be done with it; once the event is over, its
    card as one that has taken place."""
    if desk.ended():
        return await card(t, desk)
    if not reg.active:
        return t("my-cancelled"), await register_again(t, desk)
    position = await desk.waitlist_position(reg.user_id)
    counts = await desk.counts()
    offline = await desk.intake() is Intake.OPEN
    text = render.my_registration(t, desk.info, reg, position)
    if desk.live():  # a late participant is given the way in, not told it is over
        text += "\n\n" + render.live_line(t, desk.info)
    google = None if desk.started() else calendar.google_link(t, desk.event, reg)
    return text, keyboards.my(t, reg, counts, offline, started=desk.started(), google=google)
