"""Form steps answered by buttons, the summary, and presses that no longer fit.

CallbackAnswerMiddleware answers every press once, after the handler; a handler that has
something to say sets `callback_answer.text` (and `show_alert`)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ReplyKeyboardRemove
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers import keyboards
from handlers.callbacks import (
    FORM_BUTTONS,
    Consent,
    ConsentCb,
    FieldCb,
    FormAction,
    FormatCb,
    FormCb,
    RoleCb,
)
from handlers.confirm import confirm
from handlers.states import QUESTION, Form
from handlers.views import advance, ask, editable, show
from services.registration import Desk, Intake
from storage.models import Format


async def consent(cb: CallbackQuery, callback_data: ConsentCb, bot: Bot, state: FSMContext,
                  t: Texts, desk: Desk) -> None:
    """Agree: the time and the notice's version go with the answers. Decline: the form is
    dropped and nothing about the person is kept."""
    if callback_data.value is Consent.DECLINE:
        await state.clear()
        await show(bot, cb.from_user.id, t("consent-declined"), on=editable(cb.message))
        return
    await advance(bot, cb.from_user.id, state, t, desk, on=editable(cb.message),
                  consent_at=desk.clock().isoformat(),
                  consent_version=desk.settings.privacy.notice_version)


async def role(cb: CallbackQuery, callback_data: RoleCb, callback_answer: CallbackAnswer,
               bot: Bot, state: FSMContext, t: Texts, desk: Desk) -> None:
    if callback_data.value not in desk.info.role_codes:  # forged, or the roles changed:
        # as any button that does not parse (handlers/fallback.py)
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        await ask(bot, cb.from_user.id, state, t, desk)
        return
    await advance(bot, cb.from_user.id, state, t, desk, on=editable(cb.message),
                  role=str(callback_data.value))  # plain text in the FSM data (JSON)


async def fmt(cb: CallbackQuery, callback_data: FormatCb, callback_answer: CallbackAnswer,
              bot: Bot, state: FSMContext, t: Texts, desk: Desk) -> None:
    if (callback_data.value is Format.OFFLINE
            and await desk.intake() is not Intake.OPEN):
        callback_answer.text, callback_answer.show_alert = t("offline-closed"), True
        await ask(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))
        return
    await advance(bot, cb.from_user.id, state, t, desk, on=editable(cb.message),
                  format=callback_data.value.value)


async def edit(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
               desk: Desk) -> None:
    model, fmt = desk.info.form_model, (await state.get_data()).get("format")
    own = [q for q in model.questions if model.asks(q.id, fmt)]
    await show(bot, cb.from_user.id, t("ask-edit"), keyboards.edit_fields(t, own),
               editable(cb.message))


async def field(cb: CallbackQuery, callback_data: FieldCb, bot: Bot, state: FSMContext,
                t: Texts, desk: Desk) -> None:
    await state.update_data(editing=True)
    await state.set_state(getattr(Form, callback_data.value))  # Field values name Form states
    await ask(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))


async def back(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
               desk: Desk) -> None:
    await ask(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))


async def abort(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
                desk: Desk) -> None:
    current = await state.get_state()
    asked = desk.info.form_model.question(str((await state.get_data()).get(QUESTION)))
    phone_up = current == Form.phone.state or (
        current == Form.question.state and asked is not None and asked.kind == "phone")
    await state.clear()
    if phone_up:  # the phone step's share keyboard is up: only a new message removes it
        await bot.send_message(cb.from_user.id, t("form-cancelled"),
                               reply_markup=ReplyKeyboardRemove())
        return
    await show(bot, cb.from_user.id, t("form-cancelled"), on=editable(cb.message))


async def stale(cb: CallbackQuery, callback_answer: CallbackAnswer, bot: Bot,
                state: FSMContext, t: Texts, desk: Desk) -> None:
    """A button from an earlier step or an old form: keep the user where they are."""
    in_form = await state.get_state() is not None
    callback_answer.text = t("error-stale-button" if in_form else "error-form-finished")
    callback_answer.show_alert = True
    if not in_form:  # that message may show the registration by now: leave it be
        return
    await ask(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))


def router() -> Router:
    r = Router(name="form-buttons")
    r.callback_query.register(confirm, StateFilter(Form.confirm),
                              FormCb.filter(F.action == FormAction.OK))
    r.callback_query.register(consent, StateFilter(Form.consent), ConsentCb.filter())
    r.callback_query.register(role, StateFilter(Form.role), RoleCb.filter())
    r.callback_query.register(fmt, StateFilter(Form.format), FormatCb.filter())
    r.callback_query.register(edit, StateFilter(Form.confirm),
                              FormCb.filter(F.action == FormAction.EDIT))
    r.callback_query.register(field, StateFilter(Form.confirm), FieldCb.filter())
    r.callback_query.register(back, StateFilter(Form.confirm),
                              FormCb.filter(F.action == FormAction.BACK))
    r.callback_query.register(abort, StateFilter(Form),
                              FormCb.filter(F.action == FormAction.ABORT))
    # Any well-formed form button that none of the above took (wrong step, finished form).
    for kind in FORM_BUTTONS:
        r.callback_query.register(stale, kind.filter())
    return r
