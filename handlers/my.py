"""'My registration' buttons: switch format, leave the waitlist, cancel (with a confirm step)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers import keyboards
from handlers.callbacks import MyAction, MyCb
from handlers.views import editable, my, register_again, show
from services.ownership import Verdict, pressed
from services.registration import Desk, Intake, Registrations
from storage.models import Format, Outcome, Placement, Registration


async def _own(cb: CallbackQuery, data: MyCb, callback_answer: CallbackAnswer, bot: Bot,
               t: Texts, registrations: Registrations) -> tuple[Desk, Registration] | None:
    """The pressed registration (of any event) with its event's desk, when it passes the
    ownership rule (services.ownership)."""
    found = await pressed(registrations, data.reg, data.v, cb.from_user.id)
    if found.verdict is Verdict.NOT_YOURS or found.desk is None or found.reg is None:
        callback_answer.text, callback_answer.show_alert = t("error-not-yours"), True
        return None
    if found.verdict is Verdict.STALE:  # shown for an earlier state: show the current one
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        await _show(cb, bot, t, found.desk, found.reg)
        return None
    return found.desk, found.reg


async def _settled(cb: CallbackQuery, callback_answer: CallbackAnswer, bot: Bot, t: Texts,
                   desk: Desk, reg: Registration, started_key: str) -> bool:
    """After the start nothing changes any more (a button shown before it is answered
    once, and the screen shown as it is now): True if so."""
    if not desk.started():
        return False
    callback_answer.show_alert = True
    callback_answer.text = t("event-over") if desk.ended() else t(started_key)
    await _show(cb, bot, t, desk, reg)
    return True


async def _show(cb: CallbackQuery, bot: Bot, t: Texts, desk: Desk,
                reg: Registration, head: str = "") -> None:
    text, markup = await my(t, desk, reg)
    await show(bot, cb.from_user.id, f"{head}\n\n{text}" if head else text, markup,
               editable(cb.message))


async def switch(cb: CallbackQuery, callback_data: MyCb, callback_answer: CallbackAnswer,
                 bot: Bot, t: Texts, registrations: Registrations) -> None:
    if (owned := await _own(cb, callback_data, callback_answer, bot, t, registrations)) is None:
        return
    desk, before = owned
    if await _settled(cb, callback_answer, bot, t, desk, before, "switch-started"):
        return
    to = Format.OFFLINE if callback_data.action is MyAction.OFFLINE else Format.ONLINE
    if to is Format.OFFLINE and await desk.intake() is not Intake.OPEN:
        callback_answer.text, callback_answer.show_alert = t("offline-closed"), True
        return
    outcome = await desk.switch(cb.from_user.id, to)
    if outcome is None:
        # Cancelled between the check above and the switch (another device): same as a
        # press on someone else's registration.
        callback_answer.text, callback_answer.show_alert = t("error-not-yours"), True
        return
    await _show(cb, bot, t, desk, outcome.registration,
                _switched(t, before, outcome) if outcome.changed else "")


def _switched(t: Texts, before: Registration, outcome: Outcome) -> str:
    """What the move did to the entry code: a code is never replaced silently."""
    after = outcome.registration
    if before.entry_code and after.entry_code != before.entry_code:
        # With a queue the seat went to the next person at once; without, it stays free
        # and a return gets a new code (the ledger keeps no code off a seat).
        key = "switched-seat-passed" if outcome.promoted else "switched-code-void"
        return t(key, code=before.entry_code)
    return t("switched-seated" if after.placement is Placement.SEATED else "switched")


async def ask_cancel(cb: CallbackQuery, callback_data: MyCb, callback_answer: CallbackAnswer,
                     bot: Bot, t: Texts, registrations: Registrations) -> None:
    if owned := await _own(cb, callback_data, callback_answer, bot, t, registrations):
        desk, reg = owned
        if await _settled(cb, callback_answer, bot, t, desk, reg, "cancel-started"):
            return
        key = {Placement.SEATED: "ask-cancel", Placement.WAITLISTED: "ask-cancel-waitlisted"}
        await show(bot, cb.from_user.id, t(key.get(reg.placement, "ask-cancel-online")),
                   keyboards.confirm_cancel(t, reg), editable(cb.message))


async def do_cancel(cb: CallbackQuery, callback_data: MyCb, callback_answer: CallbackAnswer,
                    bot: Bot, t: Texts, registrations: Registrations) -> None:
    if (owned := await _own(cb, callback_data, callback_answer, bot, t, registrations)) is None:
        return
    desk, reg = owned
    if await _settled(cb, callback_answer, bot, t, desk, reg, "cancel-started"):
        return
    await desk.cancel(cb.from_user.id, news="self-cancel")
    await show(bot, cb.from_user.id, t("cancelled"), await register_again(t, desk),
               editable(cb.message))


async def keep(cb: CallbackQuery, callback_data: MyCb, callback_answer: CallbackAnswer,
               bot: Bot, t: Texts, registrations: Registrations) -> None:
    if owned := await _own(cb, callback_data, callback_answer, bot, t, registrations):
        await _show(cb, bot, t, *owned, t("kept"))


def router() -> Router:
    r = Router(name="my")
    r.callback_query.register(switch,
                              MyCb.filter(F.action.in_((MyAction.ONLINE, MyAction.OFFLINE))))
    r.callback_query.register(ask_cancel, MyCb.filter(F.action == MyAction.CANCEL))
    r.callback_query.register(do_cancel, MyCb.filter(F.action == MyAction.YES))
    r.callback_query.register(keep, MyCb.filter(F.action == MyAction.KEEP))
    return r
