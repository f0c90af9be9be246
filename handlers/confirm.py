"""Confirm: the one place the form writes the ledger."""

from __future__ import annotations

import logging
from datetime import datetime

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers.states import ANSWERS, Form
from handlers.views import ask, editable, my, show
from services.registration import Desk, Intake
from storage.database import StorageUnavailable
from storage.models import Applicant, Format

log = logging.getLogger(__name__)


def _moment(text: object) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) else None


async def confirm(cb: CallbackQuery, callback_answer: CallbackAnswer, bot: Bot,
                  state: FSMContext, t: Texts, desk: Desk) -> None:
    data = await state.get_data()
    intake = await desk.intake()
    wants = Format(data.get("format", "online"))
    if intake is Intake.CLOSED:
        await state.clear()
        await show(bot, cb.from_user.id, t("registration-closed"), on=editable(cb.message))
        return
    if not data.get("consent_at"):  # a form begun before consent was asked: ask it now
        await state.set_state(Form.consent)
        await ask(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))
        return
    if intake is Intake.ONLINE_ONLY and wants is Format.OFFLINE:
        wants = Format.ONLINE  # the summary showed offline, but organisers closed the room
    who = Applicant(user_id=cb.from_user.id, chat_id=cb.from_user.id, language=t.language,
                    full_name=data["name"], organisation=data["org"], role=data["role"],
                    phone=data.get("phone"), consent_at=_moment(data.get("consent_at")),
                    consent_version=data.get("consent_version"),
                    answers=desk.info.form_model.kept(data.get(ANSWERS), wants))
    if (desk.info.approval and await desk.active(cb.from_user.id) is None
            and await _hold(cb, bot, state, t, desk, who, wants)):
        return
    outcome = await desk.register(who, wants)
    # The ledger is written first: if we stop here, a second press finds the registration.
    try:
        await state.clear()
    except StorageUnavailable:  # committed all the same: never report it as a failure
        log.warning("registration %s saved, but its form could not be cleared",
                    outcome.registration.id)
    callback_answer.text = t("registered") if outcome.changed else t("already-registered")
    text, markup = await my(t, desk, outcome.registration)
    head = t("registered-head") if outcome.changed else t("already-registered")
    # The summary becomes the registration: its buttons are the only live ones left.
    await show(bot, cb.from_user.id, head + "\n\n" + text, markup, editable(cb.message))


async def _hold(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts, desk: Desk,
                who: Applicant, wants: Format) -> bool:
    """An event with approval: the form waits for the organisers, who are told once (their
    letters are written with it, Desk.hold, and sent by the outbox). False: approval was
    turned off meanwhile, so nothing waits (the form registers)."""
    if await desk.hold(who, wants) is None:
        return False
    await state.clear()
    await show(bot, cb.from_user.id, t("pending-head", title=desk.info.in_language(
        t.language).title), on=editable(cb.message))
    return True
