"""After the event, what people see and press: "Join now" in the last reminder, the
certificate offer's buttons, the feedback poll and its "Skip"."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import Safe, Texts
from core.ids import RowId
from services.events import Event
from services.registration import Registrations
from storage import after
from storage.models import Registration

RATINGS = range(1, 6)


class JoinCb(CallbackData, prefix="join"):
    reg: RowId


class CertAction(StrEnum):
    ISSUE = "i"
    FIX = "f"


class CertCb(CallbackData, prefix="cert"):
    reg: RowId
    act: CertAction


class SkipCommentCb(CallbackData, prefix="fbskip"):
    reg: RowId


def join_keyboard(t: Texts, reg: Registration) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-join-now"), callback_data=JoinCb(reg=reg.id))
    return kb.as_markup()


def certificate_keyboard(t: Texts, reg_id: int, can_fix: bool) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-cert-issue"), callback_data=CertCb(reg=reg_id, act=CertAction.ISSUE))
    if can_fix:
        kb.button(text=t("btn-cert-fix"), callback_data=CertCb(reg=reg_id, act=CertAction.FIX))
    kb.adjust(1)
    return kb.as_markup()


def skip_keyboard(t: Texts, reg_id: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-feedback-skip"), callback_data=SkipCommentCb(reg=reg_id))
    return kb.as_markup()


def poll(t: Texts, event: Event) -> tuple[str, list[str]]:
    """The question and the options 1-5 in the reader's language (plain text: polls
    take no HTML)."""
    title = event.info.in_language(t.language).title
    return t("feedback-question", title=Safe(title)), [t(f"feedback-{n}") for n in RATINGS]


class Aftercare:
    """Who joined online, and the feedback answers."""

    def __init__(self, registrations: Registrations) -> None:
        self.registrations = registrations
        self.db, self.clock = registrations.db, registrations.clock

    async def join(self, reg_id: int, user_id: int) -> tuple[Registration, Event] | None:
        """"Join now" pressed: recorded as having come (the first press counts)."""
        reg = await after.mark_joined(self.db, reg_id, user_id, self.clock())
        event = await self.registrations.events.get(reg.event_id) if reg else None
        return (reg, event) if reg is not None and event is not None else None

    async def results(self, event_id: int) -> dict[int, tuple[str, str, str]]:
        """For the export: (rating, comment, certificate code) by registration."""
        return await after.results(self.db, event_id)

    async def mark(self, reg: Registration, present: bool) -> bool:
        """An organiser's mark: came (present) or not (absent)."""
        return await after.mark_present(self.db, reg.id, reg.event_id, present, self.clock())

    async def rate(self, poll_id: str, user_id: int, option_ids: list[int]) -> int | None:
        """The poll's answer (an empty one: the vote was retracted); the registration's id,
        or None if the poll was not sent to this person."""
        rating = option_ids[0] + 1 if option_ids and 0 <= option_ids[0] < len(RATINGS) else None
        return await after.rate(self.db, poll_id, user_id, rating, self.clock())

    async def comment(self, reg_id: int, user_id: int, text: str) -> bool:
        reg = await self.registrations.by_id(reg_id)
        if reg is None or reg.user_id != user_id:
            return False
        await after.comment(self.db, reg_id, text, self.clock())
        return True
