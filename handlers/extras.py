"""From "my registration": the event as a calendar file, and the entry pass as a QR image
that the organisers' phone camera opens in Telegram (their /start checkin_CODE)."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import BufferedInputFile, CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from core.timeutil import show
from handlers.callbacks import Extra, ExtraCb
from services import calendar
from services.entry_pass import checkin_link, pass_png
from services.ownership import Verdict, pressed
from services.registration import Registrations
from storage.models import Placement


async def extra(cb: CallbackQuery, callback_data: ExtraCb, callback_answer: CallbackAnswer,
                bot: Bot, t: Texts, registrations: Registrations) -> None:
    found = await pressed(registrations, callback_data.reg, callback_data.v, cb.from_user.id)
    if found.verdict is not Verdict.OWN or found.desk is None or found.reg is None:
        key = "error-stale-button" if found.verdict is Verdict.STALE else "error-not-yours"
        callback_answer.text, callback_answer.show_alert = t(key), True
        return
    desk, reg = found.desk, found.reg
    if callback_data.what is Extra.CALENDAR:
        data = calendar.ics(t, desk.event, reg, desk.clock())
        await bot.send_document(cb.from_user.id, BufferedInputFile(
            data, f"{desk.event.slug}.ics"), caption=t("calendar-caption"))
        return
    if desk.ended():  # a pass from before: the door has closed
        callback_answer.text, callback_answer.show_alert = t("event-over"), True
        return
    if reg.placement is not Placement.SEATED or not reg.entry_code:
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        return
    me = await bot.me()
    link = checkin_link(me.username or "", reg.entry_code)
    info = desk.event.texts(t.language)
    lines = [reg.full_name, info.title, show(info.starts_utc, info.timezone, t.language)]
    await bot.send_photo(cb.from_user.id, BufferedInputFile(pass_png(link, lines), "pass.png"),
                         caption=t("pass-caption", code=reg.entry_code))


def router() -> Router:
    r = Router(name="extras")
    r.callback_query.register(extra, ExtraCb.filter())
    return r
