"""A participant's own form waiting for the organisers' approval (`approval = true`): how
/my and /start show it, and its "Withdraw my request" (asked once more, Yes / No), which
/cancel offers too. Changing an answer is withdraw and fill in again (said on the screen):
a waiting form is the organisers' to decide on as it was sent."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from core import render
from core.i18n import Texts
from handlers import keyboards
from handlers.callbacks import WithdrawAction, WithdrawCb
from handlers.views import Screen, editable, register_again, show
from services.ownership import pressed_waiting
from services.registration import Desk, Registrations
from storage.pending import Waiting


async def waiting_of(desk: Desk, user_id: int) -> Waiting | None:
    """The person's form waiting for this event's organisers (events with approval)."""
    return await desk.waiting(user_id) if desk.info.approval else None


async def forms_of(registrations: Registrations, user_id: int) -> list[tuple[Desk, Waiting]]:
    """Every form of this person still waiting, the soonest event first."""
    found = []
    for event in await registrations.events.upcoming():
        desk = registrations.of(event)
        if (form := await waiting_of(desk, user_id)) is not None:
            found.append((desk, form))
    return found


def screen(t: Texts, desk: Desk, form: Waiting) -> Screen:
    return render.waiting(t, desk.info, form), keyboards.waiting(t, form.id)


def _ask(t: Texts, desk: Desk, form: Waiting) -> Screen:
    title = desk.info.in_language(t.language).title
    return t("ask-withdraw", title=title), keyboards.confirm_withdraw(t, form.id)


async def offer(bot: Bot, user_id: int, t: Texts, registrations: Registrations) -> bool:
    """/cancel with no form open: the waiting forms' withdrawal, asked once more for each;
    False if nothing waits."""
    forms = await forms_of(registrations, user_id)
    for desk, form in forms:
        await show(bot, user_id, *_ask(t, desk, form))
    return bool(forms)


async def _own(cb: CallbackQuery, data: WithdrawCb, callback_answer: CallbackAnswer,
               t: Texts, registrations: Registrations) -> tuple[Desk, Waiting] | None:
    found = await pressed_waiting(registrations, data.p, cb.from_user.id)
    if found.desk is None or found.waiting is None:
        callback_answer.text, callback_answer.show_alert = t("withdraw-gone"), True
        return None
    return found.desk, found.waiting


async def ask_withdraw(cb: CallbackQuery, callback_data: WithdrawCb,
                       callback_answer: CallbackAnswer, bot: Bot, t: Texts,
                       registrations: Registrations) -> None:
    if owned := await _own(cb, callback_data, callback_answer, t, registrations):
        await show(bot, cb.from_user.id, *_ask(t, *owned), on=editable(cb.message))


async def do_withdraw(cb: CallbackQuery, callback_data: WithdrawCb,
                      callback_answer: CallbackAnswer, bot: Bot, t: Texts,
                      registrations: Registrations) -> None:
    if (owned := await _own(cb, callback_data, callback_answer, t, registrations)) is None:
        return
    desk = owned[0]
    if await desk.withdraw(callback_data.p, cb.from_user.id) is None:
        # Decided by an organiser between the check and now.
        callback_answer.text, callback_answer.show_alert = t("withdraw-gone"), True
        return
    title = desk.info.in_language(t.language).title
    await show(bot, cb.from_user.id, t("withdrawn", title=title),
               await register_again(t, desk), editable(cb.message))


async def keep(cb: CallbackQuery, callback_data: WithdrawCb, callback_answer: CallbackAnswer,
               bot: Bot, t: Texts, registrations: Registrations) -> None:
    if owned := await _own(cb, callback_data, callback_answer, t, registrations):
        text, markup = screen(t, *owned)
        await show(bot, cb.from_user.id, t("withdraw-kept") + "\n\n" + text, markup,
                   editable(cb.message))


def router() -> Router:
    r = Router(name="waiting")
    r.callback_query.register(ask_withdraw, WithdrawCb.filter(F.action == WithdrawAction.ASK))
    r.callback_query.register(do_withdraw, WithdrawCb.filter(F.action == WithdrawAction.YES))
    r.callback_query.register(keep, WithdrawCb.filter(F.action == WithdrawAction.NO))
    return r
