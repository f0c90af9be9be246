""""Still coming?" for offline seats: the buttons and what an answer does."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import Texts
from core.ids import RowId, Version
from services.events import Event
from services.ownership import Verdict, pressed
from services.registration import Registrations
from storage.deliveries import Deliveries
from storage.models import Format, Outcome, Placement, Registration


class Choice(StrEnum):
    """The two buttons; anything else in the data fails to parse (a forged press)."""

    YES = "y"
    NO = "n"


class AttendCb(CallbackData, prefix="a"):
    reg: RowId
    answer: Choice
    v: Version  # the seat's registration version when asked: a later change voids the button


class AttendanceSource(Protocol):
    """Which reminder campaign of an event asks "still coming?". The scheduler's Reminders
    provides it; handlers type against this so they never import the scheduler."""

    def attendance_campaign(self, event: Event) -> str | None: ...


class Answer(StrEnum):
    COMING = "coming"
    RELEASED = "released"
    NOT_YOURS = "not-yours"  # stale, forged, or the seat is already gone
    # "Still coming?" is about before the start: a late answer hands no seat on.
    STARTED = "started"
    ENDED = "ended"


def keyboard(t: Texts, reg: Registration) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for label, choice in (("btn-coming", Choice.YES), ("btn-not-coming", Choice.NO)):
        kb.button(text=t(label), callback_data=AttendCb(reg=reg.id, answer=choice,
                                                        v=reg.version))
    return kb.as_markup()


async def answer(registrations: Registrations, deliveries: Deliveries,
                 source: AttendanceSource, user_id: int,
                 data: AttendCb) -> tuple[Answer, Outcome | None]:
    """Only the seat holder may answer for their own seat. No releases it at once."""
    found = await pressed(registrations, data.reg, data.v, user_id)
    desk, reg = found.desk, found.reg
    if found.verdict is not Verdict.OWN or desk is None or reg is None:
        return Answer.NOT_YOURS, None
    if desk.started():
        return (Answer.ENDED if desk.ended() else Answer.STARTED), None
    campaign = source.attendance_campaign(desk.event)
    if campaign is None or reg.placement is not Placement.SEATED:
        return Answer.NOT_YOURS, None
    now = registrations.clock()
    coming = data.answer is Choice.YES
    if not await deliveries.answer(campaign, reg.id, "yes" if coming else "no", now):
        return Answer.NOT_YOURS, None
    if coming:
        return Answer.COMING, None
    return Answer.RELEASED, await desk.switch(user_id, Format.ONLINE, news="self-release")


async def release_silent(registrations: Registrations, event: Event, deliveries: Deliveries,
                         campaign: str) -> int:
    """At the deadline (only if organisers turned it on): seats of those who never
    answered go to the waitlist; both sides are told. Returns how many were released."""
    released = 0
    desk = registrations.of(event)
    for user_id in await deliveries.silent(campaign):
        outcome = await desk.release(user_id)
        released += bool(outcome and outcome.changed)
    return released
