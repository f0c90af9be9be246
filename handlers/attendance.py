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
    result, _ = await attendance.answer(registrations, deliveries, reminders,
                                        cb.from_user.id, callback_data)
    if result in (Answer.STARTED, Answer.ENDED):
        callback_answer.text = t("event-over" if result is Answer.ENDED else "cancel-started")
        callback_answer.show_alert = True
        return
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
