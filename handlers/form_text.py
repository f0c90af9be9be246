"""Form steps answered by typing: name, organisation, phone; and anything unexpected."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, ReplyKeyboardRemove

from bot.i18n import Texts
from bot.registration import Registrations
from bot.validation import Problem, clean_name, clean_organisation, clean_phone
from handlers.states import Form
from handlers.views import advance, ask


async def _problem(message: Message, problem: Problem, t: Texts) -> None:
    await message.answer(t(f"error-{problem.code}", limit=problem.limit))


def router() -> Router:
    r = Router(name="form-text")

    @r.message(StateFilter(Form), F.text.startswith("/"))
    async def command_mid_form(message: Message, bot: Bot, state: FSMContext, t: Texts,
                               registrations: Registrations) -> None:
        await message.answer(t("error-mid-form"))
        await ask(bot, message.chat.id, state, t, registrations)

    @r.message(Form.name, F.text)
    async def name(message: Message, bot: Bot, state: FSMContext, t: Texts,
                   registrations: Registrations) -> None:
        value = clean_name(message.text)
        if isinstance(value, Problem):
            await _problem(message, value, t)
            return
        await advance(bot, message.chat.id, state, t, registrations, name=value)

    @r.message(Form.org, F.text)
    async def organisation(message: Message, bot: Bot, state: FSMContext, t: Texts,
                           registrations: Registrations) -> None:
        value = clean_organisation(message.text)
        if isinstance(value, Problem):
            await _problem(message, value, t)
            return
        await advance(bot, message.chat.id, state, t, registrations, org=value)

    @r.message(Form.phone, F.contact)
    async def contact(message: Message, bot: Bot, state: FSMContext, t: Texts,
                      registrations: Registrations) -> None:
        assert message.contact and message.from_user
        if message.contact.user_id != message.from_user.id:
            await message.answer(t("error-foreign-contact"))
            return
        value = clean_phone(message.contact.phone_number)
        if isinstance(value, Problem):
            await _problem(message, value, t)
            return
        await message.answer(t("phone-saved", phone=value), reply_markup=ReplyKeyboardRemove())
        await advance(bot, message.chat.id, state, t, registrations, phone=value)

    @r.message(Form.phone, F.text)
    async def phone(message: Message, bot: Bot, state: FSMContext, t: Texts,
                    registrations: Registrations) -> None:
        skip = (message.text or "").strip().casefold() == t("btn-skip").casefold()
        value = None if skip else clean_phone(message.text)
        if isinstance(value, Problem):
            await _problem(message, value, t)
            return
        done = t("phone-saved", phone=value) if value else t("phone-skipped")
        await message.answer(done, reply_markup=ReplyKeyboardRemove())
        await advance(bot, message.chat.id, state, t, registrations, phone=value)

    @r.message(StateFilter(Form))
    async def unexpected(message: Message, bot: Bot, state: FSMContext, t: Texts,
                         registrations: Registrations) -> None:
        """Stickers, photos, voice, typing where a button is expected...: say so, ask again."""
        current = await state.get_state()
        typed = message.text is not None
        wants_button = current in (Form.role.state, Form.format.state, Form.confirm.state)
        key = "error-use-buttons" if typed and wants_button else "error-not-text"
        await message.answer(t(key))
        await ask(bot, message.chat.id, state, t, registrations)

    return r
