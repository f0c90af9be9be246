"""The event's own questions (core/questions.py): typed answers, shared contacts, option
buttons, ticks and Done, Skip, and the summary's Edit for them.

Bad input gets one reply that says what is wrong and asks the same question again; the
answers so far stay. A button of a question other than the one being asked is stale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from core.questions import Question
from core.validation import Problem
from handlers.callbacks import Pick, QuestionCb, QuestionEditCb
from handlers.filters import Inline
from handlers.states import ANSWERS, PICKED, QUESTION, Form
from handlers.views import advance, ask, editable
from services.registration import Desk


async def _asked(state: FSMContext, desk: Desk) -> tuple[Question | None, dict[str, Any]]:
    data = await state.get_data()
    return desk.info.form_model.question(str(data.get(QUESTION))), data


async def _store(bot: Bot, chat_id: int, state: FSMContext, t: Texts, desk: Desk,
                 data: dict[str, Any], question: Question, value: Any,
                 on: int | None = None) -> None:
    answers = {**(data.get(ANSWERS) or {}), question.id: value}
    await advance(bot, chat_id, state, t, desk, on=on, **{ANSWERS: answers, PICKED: []})


async def typed(message: Message, bot: Bot, state: FSMContext, t: Texts, desk: Desk) -> None:
    """A typed answer, checked by the question's kind; Skip typed on the phone keyboard."""
    question, data = await _asked(state, desk)
    if question is None:
        await ask(bot, message.chat.id, state, t, desk)
        return
    raw = message.text or ""
    if not question.required and raw.strip().casefold() == t("btn-skip").casefold():
        await _finish_phone(message, question, t, None)
        await _store(bot, message.chat.id, state, t, desk, data, question, None)
        return
    if (pressed_as := _as_button(t, question, raw)) is not None:
        await _store(bot, message.chat.id, state, t, desk, data, question, pressed_as.value)
        return
    value = question.check(raw)
    if isinstance(value, Problem):
        await ask(bot, message.chat.id, state, t, desk,
                  head=t(f"error-{_code(question, value)}", limit=value.limit))
        return
    await _finish_phone(message, question, t, value)
    await _store(bot, message.chat.id, state, t, desk, data, question, value)


@dataclass(frozen=True)
class _Typed:
    value: Any  # what the button would have stored (an option, True / False)


def _as_button(t: Texts, question: Question, raw: str) -> _Typed | None:
    """A choice or yes/no typed instead of pressed: the text of one of the buttons shown
    (this reader's language, any case, spaces around) counts as that press."""
    typed = raw.strip().casefold()
    labels: dict[str, Any]
    if question.kind == "yesno":
        labels = {t("answer-yes"): True, t("answer-no"): False}
    elif question.kind == "choice":  # stored as the config spells it (core/questions.py)
        labels = dict(zip(question.options_in(t.language), question.options, strict=True))
    else:
        return None
    found = [value for text, value in labels.items() if text.strip().casefold() == typed]
    return _Typed(found[0]) if len(found) == 1 else None


def _code(question: Question, problem: Problem) -> str:
    if question.kind == "phone" and problem.code == "phone" and question.required:
        return "phone-required"  # no Skip to point to
    return problem.code


async def _finish_phone(message: Message, question: Question, t: Texts, value: Any) -> None:
    """The share keyboard goes away with a word on what was kept (only a new message
    can remove a reply keyboard: this is the question's one extra message)."""
    if question.kind == "phone":
        done = t("phone-saved", phone=value) if value else t("phone-skipped")
        await message.answer(done, reply_markup=ReplyKeyboardRemove())


async def contact(message: Message, bot: Bot, state: FSMContext, t: Texts,
                  desk: Desk) -> None:
    question, data = await _asked(state, desk)
    shared = message.contact
    if question is None or question.kind != "phone" or shared is None:
        await ask(bot, message.chat.id, state, t, desk, head=t("error-not-text"))
        return
    if message.from_user is None or shared.user_id != message.from_user.id:
        await ask(bot, message.chat.id, state, t, desk, head=t("error-foreign-contact"))
        return
    value = question.check(shared.phone_number)
    if isinstance(value, Problem):
        await ask(bot, message.chat.id, state, t, desk, head=t("error-phone"))
        return
    await _finish_phone(message, question, t, value)
    await _store(bot, message.chat.id, state, t, desk, data, question, value)


async def pressed(cb: CallbackQuery, callback_data: QuestionCb,
                  callback_answer: CallbackAnswer, bot: Bot, state: FSMContext, t: Texts,
                  desk: Desk) -> None:
    question, data = await _asked(state, desk)
    on = editable(cb.message)
    if question is None or question.id != callback_data.q or not _fits(question,
                                                                       callback_data.v):
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        await ask(bot, cb.from_user.id, state, t, desk, on=on)
        return
    pick = callback_data.v
    if pick == Pick.SKIP:
        await _store(bot, cb.from_user.id, state, t, desk, data, question, None, on)
    elif question.kind == "yesno":
        await _store(bot, cb.from_user.id, state, t, desk, data, question, pick == 1, on)
    elif question.kind == "choice":
        await _store(bot, cb.from_user.id, state, t, desk, data, question,
                     question.options[pick], on)
    elif pick == Pick.DONE:
        picked = sorted(data.get(PICKED) or [])
        if not picked and question.required:
            callback_answer.text, callback_answer.show_alert = t("error-pick-one"), True
            return
        # Nothing ticked on an optional question is Skip: "not given", not an empty list.
        await _store(bot, cb.from_user.id, state, t, desk, data, question,
                     [question.options[n] for n in picked] or None, on)
    else:  # multi: tick or untick, in place
        ticked = set(data.get(PICKED) or []) ^ {pick}
        await state.update_data({PICKED: sorted(ticked)})
        await ask(bot, cb.from_user.id, state, t, desk, on=on)


def _fits(question: Question, pick: int) -> bool:
    """A value this question's buttons can carry (anything else is forged or outdated)."""
    if pick == Pick.SKIP:
        return not question.required
    if question.kind == "yesno":
        return pick in (0, 1)
    if question.kind == "multi" and pick == Pick.DONE:
        return True
    return question.kind in ("choice", "multi") and 0 <= pick < len(question.options)


async def edit(cb: CallbackQuery, callback_data: QuestionEditCb,
               callback_answer: CallbackAnswer, bot: Bot, state: FSMContext, t: Texts,
               desk: Desk) -> None:
    """From the summary: ask this question again (the old answer stays until replaced)."""
    data = await state.get_data()
    question = desk.info.form_model.question(callback_data.q)
    if question is None or not desk.info.form_model.asks(question.id, data.get("format")):
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        await ask(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))
        return
    old = (data.get(ANSWERS) or {}).get(question.id)
    picked = ([n for n, o in enumerate(question.options) if o in old]
              if question.kind == "multi" and isinstance(old, list) else [])
    await state.update_data({"editing": True, QUESTION: question.id, PICKED: picked})
    await state.set_state(Form.question)
    await ask(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))


def register_messages(r: Router) -> None:
    """In form-text's router: after its forwarded and mid-form command checks, before its
    catch-all."""
    r.message.register(contact, StateFilter(Form.question), Inline(F.contact))
    r.message.register(typed, StateFilter(Form.question), Inline(F.text))


def router() -> Router:
    """The buttons; before form-buttons' stale-button catch-all."""
    r = Router(name="form-questions")
    r.callback_query.register(pressed, StateFilter(Form.question), QuestionCb.filter())
    r.callback_query.register(edit, StateFilter(Form.confirm), QuestionEditCb.filter())
    return r
