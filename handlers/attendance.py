""""Still coming?" answers from the day-before reminder."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers.views import show
from services import attendance
from services.attendance import Answer, AttendanceSource, AttendCb
from services.registration import Registrations
from storage.deliveries import Deliveries


async def answered(cb: CallbackQuery, callback_data: AttendCb, callback_answer: CallbackAnswer,
                   bot: Bot, t: Texts, registrations: Registrations, deliveries: Deliveries,
                   reminders: AttendanceSource) -> None:
    reg = await registrations.by_id(callback_data.reg)
    desk = await registrations.desk_of(reg) if reg is not None else None
    if desk is not None and desk.started():
        # "Still coming?" is about before the start: a late "no" must not hand the seat on.
        callback_answer.text = t("event-over") if desk.ended() else t("cancel-started")
        callback_answer.show_alert = True
        return
    result, _ = await attendance.answer(registrations, deliveries, reminders,
                                        cb.from_user.id, callback_data)
    if result is Answer.NOT_YOURS:
        callback_answer.text, callback_answer.show_alert = t("attendance-not-yours"), True
        return
    said = t(f"attendance-{result.value}")
    if isinstance(cb.message, Message) and cb.message.html_text:
        # The reminder keeps its details; the answered question loses its buttons.
        await show(bot, cb.from_user.id, f"{cb.message.html_text}\n\n{said}",
                   on=cb.message.message_id)
        return
    await bot.send_message(cb.from_user.id, said)


def router() -> Router:
    r = Router(name="attendance")
    r.callback_query.register(answered, AttendCb.filter())
    return r
