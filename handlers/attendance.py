""""Still coming?" answers from the day-before reminder."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery

from bot import attendance
from bot.attendance import Answer, AttendCb
from bot.i18n import Texts
from bot.registration import Registrations
from scheduler.reminders import Reminders
from storage.deliveries import Deliveries


def router() -> Router:
    r = Router(name="attendance")

    @r.callback_query(AttendCb.filter())
    async def answered(cb: CallbackQuery, callback_data: AttendCb, bot: Bot, t: Texts,
                       registrations: Registrations, deliveries: Deliveries,
                       reminders: Reminders) -> None:
        result, _ = await attendance.answer(registrations, deliveries,
                                            reminders.attendance_campaign, cb.from_user.id,
                                            callback_data)
        if result is Answer.NOT_YOURS:
            await cb.answer(t("attendance-not-yours"), show_alert=True)
            return
        await cb.answer()
        await bot.send_message(cb.from_user.id, t(f"attendance-{result.value}"))

    return r
