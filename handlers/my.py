"""'My registration' buttons: switch format, leave the waitlist, cancel (with a confirm step)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery

from bot.i18n import Texts
from bot.registration import Intake, Registrations
from handlers import keyboards
from handlers.callbacks import MyCb
from handlers.views import my, register_again
from storage.models import Format, Registration


async def _own(cb: CallbackQuery, data: MyCb, t: Texts,
               registrations: Registrations) -> Registration | None:
    """The pressed id must be the presser's own, still active registration."""
    reg = await registrations.ledger.get(cb.from_user.id)
    if reg is None or reg.id != data.reg or not reg.active:
        await cb.answer(t("error-not-yours"), show_alert=True)
        return None
    return reg


async def _show(cb: CallbackQuery, bot: Bot, t: Texts, registrations: Registrations,
                reg: Registration, head: str = "") -> None:
    text, markup = await my(t, registrations, reg)
    await bot.send_message(cb.from_user.id, f"{head}\n\n{text}" if head else text,
                           reply_markup=markup)


def router() -> Router:
    r = Router(name="my")

    @r.callback_query(MyCb.filter(F.action.in_(("online", "offline"))))
    async def switch(cb: CallbackQuery, callback_data: MyCb, bot: Bot, t: Texts,
                     registrations: Registrations) -> None:
        if not await _own(cb, callback_data, t, registrations):
            return
        to = Format(callback_data.action)
        if to is Format.OFFLINE and await registrations.intake() is not Intake.OPEN:
            await cb.answer(t("offline-closed"), show_alert=True)
            return
        outcome = await registrations.switch(cb.from_user.id, to)
        assert outcome is not None
        await cb.answer()
        await _show(cb, bot, t, registrations, outcome.registration,
                    t("switched") if outcome.changed else "")

    @r.callback_query(MyCb.filter(F.action == "cancel"))
    async def ask_cancel(cb: CallbackQuery, callback_data: MyCb, bot: Bot, t: Texts,
                         registrations: Registrations) -> None:
        if reg := await _own(cb, callback_data, t, registrations):
            await cb.answer()
            await bot.send_message(cb.from_user.id, t("ask-cancel"),
                                   reply_markup=keyboards.confirm_cancel(t, reg))

    @r.callback_query(MyCb.filter(F.action == "yes"))
    async def do_cancel(cb: CallbackQuery, callback_data: MyCb, bot: Bot, t: Texts,
                        registrations: Registrations) -> None:
        if not await _own(cb, callback_data, t, registrations):
            return
        await registrations.cancel(cb.from_user.id)
        await cb.answer()
        await bot.send_message(cb.from_user.id, t("cancelled"),
                               reply_markup=await register_again(t, registrations))

    @r.callback_query(MyCb.filter(F.action == "keep"))
    async def keep(cb: CallbackQuery, callback_data: MyCb, bot: Bot, t: Texts,
                   registrations: Registrations) -> None:
        if reg := await _own(cb, callback_data, t, registrations):
            await cb.answer()
            await _show(cb, bot, t, registrations, reg, t("kept"))

    return r
