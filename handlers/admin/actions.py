"""Buttons on a registration's details: check in, move online, give a seat, cancel."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery

from bot.i18n import Texts
from handlers.admin import keyboards, rules, screens
from handlers.admin.callbacks import RegCb
from handlers.admin.console import Console
from handlers.admin.perform import perform
from storage.reports import KINDS

ACTS = tuple(a.value for a in rules.Act)


def router() -> Router:
    r = Router(name="admin-actions")

    @r.callback_query(RegCb.filter(F.act.in_(ACTS) & F.kind.in_(KINDS) & (F.page >= 0)))
    async def act(cb: CallbackQuery, callback_data: RegCb, bot: Bot, t: Texts,
                  console: Console) -> None:
        data = callback_data
        reg = await console.ledger.get_by_id(data.reg)
        if reg is None:
            await cb.answer(t("adm-no-such"), show_alert=True)
            return
        act = rules.Act(data.act)
        if rules.fingerprint(reg) != data.v or act not in rules.actions(reg):
            await cb.answer(t("adm-stale"), show_alert=True)
            await screens.show(cb, bot, await screens.details(t, console, reg, data.kind,
                                                              data.page))
            return
        if act in rules.CONFIRM_FIRST and not data.sure:
            await cb.answer()
            question = t(f"adm-sure-{act.value}", name=reg.full_name)
            markup = keyboards.confirm(t, reg, act, data.kind, data.page)
            await screens.show(cb, bot, (question, markup))
            return
        done, note = await perform(act, reg, t, console)
        await cb.answer(None if done else note, show_alert=not done)
        fresh = await console.ledger.get_by_id(reg.id)
        assert fresh is not None, "registrations are never deleted"
        await screens.show(cb, bot, await screens.details(t, console, fresh, data.kind,
                                                          data.page, head=note))

    return r
