""""Still coming?" answers from the day-before reminder."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from bot import attendance
from bot.attendance import Answer, AttendanceSource, AttendCb
from bot.i18n import Texts
from bot.registration import Registrations
from storage.deliveries import Deliveries


async def answered(cb: CallbackQuery, callback_data: AttendCb, callback_answer: CallbackAnswer,
                   bot: Bot, t: Texts, registrations: Registrations, deliveries: Deliveries,
                   reminders: AttendanceSource) -> None:
    result, _ = await attendance.answer(registrations, deliveries, reminders,
                                        cb.from_user.id, callback_data)
    if result is Answer.NOT_YOURS:
        callback_answer.text, callback_answer.show_alert = t("attendance-not-yours"), True
        return
    await bot.send_message(cb.from_user.id, t(f"attendance-{result.value}"))


def router() -> Router:
    r = Router(name="attendance")
    r.callback_query.register(answered, AttendCb.filter())
    return r
