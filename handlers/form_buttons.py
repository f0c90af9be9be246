"""Form steps answered by buttons, the summary, and presses that no longer fit."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ReplyKeyboardRemove

from bot.i18n import Texts
from bot.registration import Intake, Registrations
from bot.roles import ROLES
from handlers import keyboards
from handlers.callbacks import FormCb
from handlers.confirm import confirm
from handlers.states import Form
from handlers.views import advance, ask


def router() -> Router:
    r = Router(name="form-buttons")
    r.callback_query.register(confirm, StateFilter(Form.confirm), FormCb.filter(F.action == "ok"))

    @r.callback_query(StateFilter(Form.role),
                      FormCb.filter((F.action == "role") & F.value.in_(ROLES)))
    async def role(cb: CallbackQuery, callback_data: FormCb, bot: Bot, state: FSMContext,
                   t: Texts, registrations: Registrations) -> None:
        await cb.answer()
        await advance(bot, cb.from_user.id, state, t, registrations, role=callback_data.value)

    @r.callback_query(StateFilter(Form.format), FormCb.filter((F.action == "fmt")
                                                 & F.value.in_(("offline", "online"))))
    async def fmt(cb: CallbackQuery, callback_data: FormCb, bot: Bot, state: FSMContext,
                  t: Texts, registrations: Registrations) -> None:
        if callback_data.value == "offline" and await registrations.intake() is not Intake.OPEN:
            await cb.answer(t("offline-closed"), show_alert=True)
            await ask(bot, cb.from_user.id, state, t, registrations)
            return
        await cb.answer()
        await advance(bot, cb.from_user.id, state, t, registrations, format=callback_data.value)

    @r.callback_query(StateFilter(Form.confirm), FormCb.filter(F.action == "edit"))
    async def edit(cb: CallbackQuery, bot: Bot, t: Texts) -> None:
        await cb.answer()
        markup = keyboards.edit_fields(t)
        await bot.send_message(cb.from_user.id, t("ask-edit"), reply_markup=markup)

    @r.callback_query(StateFilter(Form.confirm), FormCb.filter((F.action == "field")
                                                  & F.value.in_(keyboards.FIELDS)))
    async def field(cb: CallbackQuery, callback_data: FormCb, bot: Bot, state: FSMContext,
                    t: Texts, registrations: Registrations) -> None:
        await cb.answer()
        await state.update_data(editing=True)
        await state.set_state(getattr(Form, callback_data.value))
        await ask(bot, cb.from_user.id, state, t, registrations)

    @r.callback_query(StateFilter(Form.confirm), FormCb.filter(F.action == "back"))
    async def back(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
                   registrations: Registrations) -> None:
        await cb.answer()
        await ask(bot, cb.from_user.id, state, t, registrations)

    @r.callback_query(StateFilter(Form), FormCb.filter(F.action == "abort"))
    async def abort(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts) -> None:
        await state.clear()
        await cb.answer()  # the phone step's share keyboard may be up (Edit -> Phone)
        await bot.send_message(cb.from_user.id, t("form-cancelled"),
                               reply_markup=ReplyKeyboardRemove())

    @r.callback_query(FormCb.filter())
    async def stale(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
                    registrations: Registrations) -> None:
        """A button from an earlier step or an old form: keep the user where they are."""
        in_form = await state.get_state() is not None
        await cb.answer(t("error-stale-button" if in_form else "error-form-finished"),
                        show_alert=True)
        await ask(bot, cb.from_user.id, state, t, registrations)

    return r
