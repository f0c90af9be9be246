"""Buttons on a registration's details: check in, move online, give a seat, cancel."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers.admin import keyboards, rules, screens, views
from handlers.admin.callbacks import RegCb
from handlers.admin.console import Console
from handlers.admin.perform import perform

ACTS = tuple(a.value for a in rules.Act)


async def act(cb: CallbackQuery, callback_data: RegCb, bot: Bot, t: Texts,
              callback_answer: CallbackAnswer, console: Console) -> None:
    data = callback_data
    reg = await console.organiser.registration(data.reg)
    if reg is None:
        callback_answer.text, callback_answer.show_alert = t("adm-no-such"), True
        return
    action = rules.Act(data.act)
    if reg.version != data.v or action not in rules.actions(reg, console.desk.started()):
        callback_answer.text, callback_answer.show_alert = t("adm-stale"), True
        await screens.show(cb, bot, await screens.details(t, console, reg, data.kind, data.page))
        return
    if action in rules.CONFIRM_FIRST and not data.sure:
        question = t(f"adm-sure-{action.value}", name=views.who(t, reg))
        markup = keyboards.confirm(t, reg, action, data.kind, data.page)
        await screens.show(cb, bot, (question, markup))
        return
    done, note = await perform(action, reg, t, console)
    callback_answer.text = None if done else note
    callback_answer.show_alert = not done
    fresh = await console.organiser.fresh(reg.id)
    await screens.show(cb, bot, await screens.details(t, console, fresh, data.kind, data.page,
                                                      head=note))


def router() -> Router:
    r = Router(name="admin-actions")
    r.callback_query.register(act, RegCb.filter(F.act.in_(ACTS) & (F.page >= 0)))
    return r
