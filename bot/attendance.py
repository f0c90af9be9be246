""""Still coming?" for offline seats: the buttons and what an answer does."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Texts
from bot.registration import Registrations
from storage.deliveries import Deliveries
from storage.models import Format, Outcome, Placement


class AttendCb(CallbackData, prefix="a"):
    reg: int
    answer: str  # "y" | "n"


class Answer(StrEnum):
    COMING = "coming"
    RELEASED = "released"
    NOT_YOURS = "not-yours"  # stale, forged, or the seat is already gone


def keyboard(t: Texts, reg_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=t("btn-coming"), callback_data=AttendCb(reg=reg_id,
                                                                          answer="y").pack()),
        InlineKeyboardButton(text=t("btn-not-coming"), callback_data=AttendCb(reg=reg_id,
                                                                              answer="n").pack()),
    ]])


async def answer(registrations: Registrations, deliveries: Deliveries, campaign: str | None,
                 user_id: int, data: AttendCb) -> tuple[Answer, Outcome | None]:
    """Only the seat holder may answer for their own seat. No releases it at once."""
    reg = await registrations.ledger.get(user_id)
    if (reg is None or reg.id != data.reg or campaign is None
            or reg.placement is not Placement.SEATED or not reg.active):
        return Answer.NOT_YOURS, None
    now = registrations.clock()
    if not await deliveries.answer(campaign, reg.id, "yes" if data.answer == "y" else "no", now):
        return Answer.NOT_YOURS, None
    if data.answer == "y":
        return Answer.COMING, None
    return Answer.RELEASED, await registrations.switch(user_id, Format.ONLINE)
