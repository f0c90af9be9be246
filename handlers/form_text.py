"""Form steps answered by typing: name, organisation, phone; and anything unexpected.

Whatever is refused gets a reason and the same question again; the answers so far stay."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, ReplyKeyboardRemove

from core.i18n import Texts
from core.render import role_label
from core.validation import Problem, clean_name, clean_organisation, clean_phone
from handlers import questions
from handlers.filters import Inline
from handlers.states import QUESTION, Form
from handlers.views import advance, ask
from services.registration import Desk, Intake

BUTTON_STEPS = (Form.consent.state, Form.role.state, Form.format.state, Form.confirm.state)


async def refuse(message: Message, bot: Bot, state: FSMContext, t: Texts,
                 desk: Desk, key: str, **args: Any) -> None:
    await ask(bot, message.chat.id, state, t, desk, head=t(key, **args))


async def take(message: Message, bot: Bot, state: FSMContext, t: Texts,
               desk: Desk, field: str, value: str | Problem) -> None:
    """Store a checked answer and move on, or explain the problem and ask again."""
    if isinstance(value, Problem):
        await refuse(message, bot, state, t, desk, f"error-{value.code}",
                     limit=value.limit)
        return
    answer: dict[str, Any] = {field: value}
    await advance(bot, message.chat.id, state, t, desk, **answer)


def _not_accepted(current: str | None, kind: str | None = None) -> str:
    """The reason for a message the step cannot use (sticker, photo, voice, text...);
    `kind`: the event's own question being asked, if it is one."""
    if current in BUTTON_STEPS or kind in ("choice", "multi", "yesno"):
        return "error-use-buttons"
    return "error-phone" if current == Form.phone.state else "error-not-text"


async def command_mid_form(message: Message, bot: Bot, state: FSMContext, t: Texts,
                           desk: Desk) -> None:
    await refuse(message, bot, state, t, desk, "error-mid-form")


async def name(message: Message, bot: Bot, state: FSMContext, t: Texts,
               desk: Desk) -> None:
    await take(message, bot, state, t, desk, "name", clean_name(message.text))


async def organisation(message: Message, bot: Bot, state: FSMContext, t: Texts,
                       desk: Desk) -> None:
    value = clean_organisation(message.text)
    await take(message, bot, state, t, desk, "org", value)


async def contact(message: Message, bot: Bot, state: FSMContext, t: Texts,
                  desk: Desk) -> None:
    shared = message.contact
    if shared is None:  # the filter lets only contacts through
        return
    # Only one's own number: a contact without a sender to compare with counts as foreign.
    if message.from_user is None or shared.user_id != message.from_user.id:
        await refuse(message, bot, state, t, desk, "error-foreign-contact")
        return
    await phone_answer(message, bot, state, t, desk, shared.phone_number)


async def phone(message: Message, bot: Bot, state: FSMContext, t: Texts,
                desk: Desk) -> None:
    await phone_answer(message, bot, state, t, desk, message.text or "")


async def role_typed(message: Message, bot: Bot, state: FSMContext, t: Texts,
                     desk: Desk) -> None:
    """A role typed instead of pressed: the text of one of its buttons (this reader's
    language, any case) counts as that press; anything else points to the buttons."""
    typed = (message.text or "").strip().casefold()
    found = [code for code in desk.info.role_codes
             if role_label(t, code, desk.info).strip().casefold() == typed]
    if len(found) != 1:
        await refuse(message, bot, state, t, desk, "error-use-buttons")
        return
    await advance(bot, message.chat.id, state, t, desk, role=found[0])


async def unexpected(message: Message, bot: Bot, state: FSMContext, t: Texts,
                     desk: Desk) -> None:
    """Stickers, photos, voice, typing where a button is expected...: say so, ask again."""
    current, kind = await state.get_state(), None
    if current == Form.question.state:
        asked = desk.info.form_model.question(str((await state.get_data()).get(QUESTION)))
        kind = asked.kind if asked else None
    key = _not_accepted(current, kind)
    await refuse(message, bot, state, t, desk, key)


async def forwarded(message: Message, bot: Bot, state: FSMContext, t: Texts,
                    desk: Desk) -> None:
    """Someone else's words are not an answer about oneself."""
    await refuse(message, bot, state, t, desk, "error-forwarded")


async def edited(message: Message, bot: Bot, state: FSMContext, t: Texts, desk: Desk) -> None:
    """An edit of an earlier answer changes nothing in the form: say so, ask again."""
    await refuse(message, bot, state, t, desk, "error-edited")


async def phone_answer(message: Message, bot: Bot, state: FSMContext, t: Texts,
                       desk: Desk, raw: str) -> None:
    """A typed or shared number, or the Skip button; the share keyboard goes away after."""
    skip = raw.strip().casefold() == t("btn-skip").casefold()
    value = None if skip else clean_phone(raw)
    if isinstance(value, Problem):
        await take(message, bot, state, t, desk, "phone", value)
        return
    if await desk.intake() is Intake.CLOSED:  # said here, where the share keyboard can go
        await message.answer(t("registration-closed-mid-form"),
                             reply_markup=ReplyKeyboardRemove())
        await state.clear()
        return
    done = t("phone-saved", phone=value) if value else t("phone-skipped")
    await message.answer(done, reply_markup=ReplyKeyboardRemove())
    await advance(bot, message.chat.id, state, t, desk, phone=value)


def router() -> Router:
    r = Router(name="form-text")
    r.message.register(forwarded, StateFilter(Form), Inline(F.forward_origin))
    r.message.register(command_mid_form, StateFilter(Form), Inline(F.text.startswith("/")))
    r.message.register(name, StateFilter(Form.name), Inline(F.text))
    r.message.register(organisation, StateFilter(Form.org), Inline(F.text))
    r.message.register(contact, StateFilter(Form.phone), Inline(F.contact))
    r.message.register(phone, StateFilter(Form.phone), Inline(F.text))
    r.message.register(role_typed, StateFilter(Form.role), Inline(F.text))
    questions.register_messages(r)
    r.message.register(unexpected, StateFilter(Form))
    r.edited_message.register(edited, StateFilter(Form))
    return r
