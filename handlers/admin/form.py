"""/form: the current event's form as the organisers' language shows it, question by
question (built-in ones and the event's own: kind, options, required, formats).

For an event from the config it says where to change it. For one made in the chat the
buttons add a question (kind, wording, options, then a preview as a participant sees it),
move one up, remove one, and turn approval on or off; each change is saved like an
/editevent edit (one transaction, refused if the event changed meanwhile). Registrations
keep their answers: a removed question's answers stay stored, a new one shows empty."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder
from pydantic import ValidationError

from core.config import EventSection
from core.i18n import Texts
from core.questions import KINDS, Question
from core.render import answer
from core.render import question as asked
from handlers.admin import screens
from handlers.admin.callbacks import FormEditCb
from handlers.admin.console import NAMES_EVENT, Console
from handlers.filters import Inline
from services.event_edits import Saved
from services.events import Event
from storage.privacy import erased

PREVIEWED = "form_question"  # FSM data: the question being added, as JSON
REPLACING = "form_replacing"  # FSM data: the id of the question being reworded


class AddQuestion(StatesGroup):
    label = State()
    options = State()
    preview = State()


def row(t: Texts, n: int, q: Question) -> str:
    parts = [t(f"adm-form-kind-{q.kind}")]
    if q.options:
        parts.append(" · ".join(q.options_in(t.language)))
    if q.kind == "number" and (q.min is not None or q.max is not None):
        low, high = ("…" if v is None else str(v) for v in (q.min, q.max))
        parts.append(f"{low}..{high}")
    if not q.required:
        parts.append(t("adm-form-optional"))
    if q.limited:
        parts.append(t(f"adm-form-only-{q.formats[0]}"))
    if q.kind in GROUPED:
        parts.append(t("adm-form-by", id=q.id))
    return t("adm-form-row", n=n, label=q.label_in(t.language), details="; ".join(parts))


GROUPED = ("choice", "multi", "yesno")  # /list <id>: who answered what


async def by_answer(message: Message, command: CommandObject, t: Texts,
                    console: Console) -> None:
    """/list <question id>: the active registrations by their answer to a choice, multi
    or yes/no question (the list to call, or to seat, by topic)."""
    model = console.event.info.form_model
    q = model.question((command.args or "").strip())
    if q is None or q.kind not in GROUPED:
        text, markup = await screens.kinds(t, console)  # as /list alone
        await message.answer(text, reply_markup=markup)
        return
    values: list[object] = [True, False] if q.kind == "yesno" else list(q.options)
    groups: dict[int, list[str]] = {n: [] for n in range(len(values) + 1)}  # last: none
    for reg in await console.organiser.everyone():
        if not reg.active or erased(reg):
            continue
        given = reg.answers.get(q.id)
        picked = given if isinstance(given, list) else [given]
        hits = [n for n, v in enumerate(values) if v in picked]
        for n in hits or [len(values)]:
            groups[n].append(reg.full_name)
    shown = [answer(t, q, v) for v in values] + [t("answer-none")]
    lines = [t("adm-form-by-head", label=q.label_in(t.language))]
    for n, label in enumerate(shown):
        names = groups[n]
        lines.append(t("adm-form-by-row", answer=label, count=len(names),
                       names=", ".join(names) or "-"))
    await message.answer("\n".join(lines))


def screen(t: Texts, event: Event) -> tuple[str, InlineKeyboardMarkup | None]:
    info, model = event.info, event.info.form_model
    lines = [t("adm-form-head", title=info.title)]
    for n, qid in enumerate(model.order, start=1):
        own = model.question(qid)
        lines.append(row(t, n, own) if own else t("adm-form-builtin", n=n,
                                                  label=t(f"field-{qid}")))
    if info.approval:
        lines.append("\n" + t("adm-form-approval"))
    lines.append("\n" + t("adm-form-config" if event.from_config else "adm-form-chat"))
    if event.from_config:
        return "\n".join(lines), None
    kb = InlineKeyboardBuilder()
    sizes = []
    for n, qid in enumerate(model.order, start=1):
        if qid in model.own:
            kb.button(text=t("adm-form-btn-edit", n=n),
                      callback_data=FormEditCb(act="edit", ev=event.id, q=qid))
            kb.button(text=t("adm-form-btn-up", n=n),
                      callback_data=FormEditCb(act="up", ev=event.id, q=qid))
            kb.button(text=t("adm-form-btn-del", n=n),
                      callback_data=FormEditCb(act="del", ev=event.id, q=qid))
            sizes.append(3)
    kb.button(text=t("adm-form-btn-add"), callback_data=FormEditCb(act="add", ev=event.id))
    kb.button(text=t("adm-form-btn-approval-off" if info.approval
                     else "adm-form-btn-approval-on"),
              callback_data=FormEditCb(act="approval", ev=event.id,
                                       q="off" if info.approval else "on"))
    kb.adjust(*sizes, 1, 1)
    return "\n".join(lines), kb.as_markup()


async def form(message: Message, state: FSMContext, t: Texts, console: Console) -> None:
    if await state.get_state() in (s.state for s in AddQuestion.__states__):
        await state.clear()  # /form again: the question being added is dropped
    text, markup = screen(t, console.event)
    await message.answer(text, reply_markup=markup)


def _free_id(info: EventSection) -> str:
    taken = {q.id for q in info.questions}
    return next(f"q{n}" for n in range(1, len(taken) + 2) if f"q{n}" not in taken)


def _order(info: EventSection) -> list[str]:
    return list(info.form_model.order)


async def _save(console: Console, info: EventSection, what: str) -> Saved | None:
    """Saved as an /editevent edit: None when the event changed meanwhile."""
    draft = await console.edits.begin(console.event)
    fresh = EventSection.model_validate(draft.info.model_dump() | {
        "questions": [q.model_dump() for q in info.questions], "form": info.form,
        "approval": info.approval})
    result = await console.edits.save(console.admin_id, console.event, draft.version, fresh,
                                      [what])
    return result if isinstance(result, Saved) else None


async def edit(cb: CallbackQuery, callback_data: FormEditCb, callback_answer: CallbackAnswer,
               bot: Bot, state: FSMContext, t: Texts, console: Console) -> None:
    event = console.event
    if event.id != callback_data.ev or event.from_config:
        callback_answer.text, callback_answer.show_alert = t("adm-ev-other"), True
        return
    info, act, qid = event.info, callback_data.act, callback_data.q
    if act == "add":
        kb = InlineKeyboardBuilder()
        for kind in KINDS:
            kb.button(text=t(f"adm-form-kind-{kind}"),
                      callback_data=FormEditCb(act="kind", ev=event.id, q=kind))
        kb.adjust(2)
        await _show(cb, bot, t("adm-form-ask-kind"), kb.as_markup())
        return
    if act == "kind":
        if qid not in KINDS:
            callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
            return
        await state.set_state(AddQuestion.label)
        await state.update_data({PREVIEWED: {"id": _free_id(info), "kind": qid},
                                 "form_event": event.id})
        await _show(cb, bot, t("adm-form-ask-label"), None)
        return
    if act in ("save", "drop"):
        await _decide(cb, act, bot, state, t, console)
        return
    if act == "approval":
        await _approval(cb, qid, callback_answer, bot, t, console)
        return
    if qid not in info.form_model.own:
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        return
    elif act == "edit":  # new wording (and options): asked as for a new one, then replaced
        await state.set_state(AddQuestion.label)
        await state.update_data({PREVIEWED: info.form_model.own[qid].model_dump(),
                                 "form_event": event.id, REPLACING: qid})
        await _show(cb, bot, t("adm-form-ask-label"), None)
        return
    elif act == "del":
        order = [q for q in _order(info) if q != qid]
        changed = info.model_copy(update={
            "questions": [q for q in info.questions if q.id != qid], "form": order})
    else:  # up
        order = _order(info)
        at = order.index(qid)
        if at > 1:  # the name stays first
            order[at - 1], order[at] = order[at], order[at - 1]
        changed = info.model_copy(update={"form": order})
    if not await _save(console, changed, "form"):
        callback_answer.text, callback_answer.show_alert = t("adm-form-changed"), True
    await console.record("form", details=f"{act} {qid}".strip())
    await _refresh(cb, bot, t, console)


async def _approval(cb: CallbackQuery, qid: str, callback_answer: CallbackAnswer, bot: Bot,
                    t: Texts, console: Console) -> None:
    """The switch (q "on" / "off": what it sets, so an older screen's button cannot flip
    it back), saved as an /editevent edit: turning approval off confirms the forms still
    waiting (services.event_edits), so with some waiting it asks first (q "sure": off;
    "back": the form again)."""
    info = console.event.info
    wanted = {"on": True, "off": False, "sure": False}.get(qid)
    if wanted is None or wanted == info.approval:  # "back", a second press, an old screen
        await _refresh(cb, bot, t, console)
        return
    waiting = await console.edits.waiting(console.event) if info.approval else 0
    if waiting and qid != "sure":
        kb = InlineKeyboardBuilder()
        kb.button(text=t("adm-form-btn-approval-off-sure"),
                  callback_data=FormEditCb(act="approval", ev=console.event.id, q="sure"))
        kb.button(text=t("adm-form-btn-back"),
                  callback_data=FormEditCb(act="approval", ev=console.event.id, q="back"))
        kb.adjust(1)
        await _show(cb, bot, t("adm-ev-approval-off-waiting", count=waiting), kb.as_markup())
        return
    saved = await _save(console, info.model_copy(update={"approval": wanted}), "form")
    if saved is None:
        callback_answer.text, callback_answer.show_alert = t("adm-form-changed"), True
    elif saved.admitted:
        callback_answer.text = t("adm-ev-admitted", count=len(saved.admitted))
    await console.record("form", details="approval")
    await _refresh(cb, bot, t, console)


async def _refresh(cb: CallbackQuery, bot: Bot, t: Texts, console: Console) -> None:
    fresh = await console.events.get(console.event.id)
    text, markup = screen(t, fresh or console.event)
    await _show(cb, bot, text, markup)


async def _show(cb: CallbackQuery, bot: Bot, text: str,
                markup: InlineKeyboardMarkup | None) -> None:
    if isinstance(cb.message, Message):
        await bot.edit_message_text(text, chat_id=cb.from_user.id,
                                    message_id=cb.message.message_id, reply_markup=markup)
    else:
        await bot.send_message(cb.from_user.id, text, reply_markup=markup)


async def label(message: Message, state: FSMContext, t: Texts) -> None:
    draft = dict((await state.get_data()).get(PREVIEWED) or {})
    draft["label"] = (message.text or "").strip()[:500]
    await state.update_data({PREVIEWED: draft})
    if draft.get("kind") in ("choice", "multi"):
        await state.set_state(AddQuestion.options)
        await message.answer(t("adm-form-ask-options"))
        return
    await _preview(message, state, t, draft)


async def options(message: Message, state: FSMContext, t: Texts) -> None:
    draft = dict((await state.get_data()).get(PREVIEWED) or {})
    draft["options"] = [line.strip() for line in (message.text or "").splitlines()
                        if line.strip()]
    await _preview(message, state, t, draft)


async def _preview(message: Message, state: FSMContext, t: Texts, draft: dict[str, object],
                   ) -> None:
    try:
        question = Question.model_validate(draft)
    except ValidationError:
        await message.answer(t("adm-form-bad-options" if draft.get("options") is not None
                               else "adm-form-bad-label"))
        return
    await state.update_data({PREVIEWED: question.model_dump()})
    await state.set_state(AddQuestion.preview)
    shown = asked(t, question)
    if question.options:
        shown += "\n" + "\n".join(f"[ {o} ]" for o in question.options)
    elif question.kind == "yesno":
        shown += "\n" + f"[ {t('answer-yes')} ] [ {t('answer-no')} ]"
    data = await state.get_data()
    event = int(str(data.get("form_event", 0)))
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-form-btn-save"), callback_data=FormEditCb(act="save", ev=event))
    kb.button(text=t("adm-form-btn-drop"), callback_data=FormEditCb(act="drop", ev=event))
    await message.answer(t("adm-form-preview") + "\n\n" + shown, reply_markup=kb.as_markup())


async def _decide(cb: CallbackQuery, act: str, bot: Bot, state: FSMContext, t: Texts,
                  console: Console) -> None:
    data = await state.get_data()
    await state.clear()
    draft = data.get(PREVIEWED)
    if act == "save" and isinstance(draft, dict) and "label" in draft:
        info = console.event.info
        question = Question.model_validate(draft)
        if data.get(REPLACING) == question.id and question.id in info.form_model.own:
            changed = info.model_copy(update={"questions": [
                question if q.id == question.id else q for q in info.questions]})
        elif question.id in info.form_model.own:  # saved already (a second press)
            await _refresh(cb, bot, t, console)
            return
        else:
            changed = info.model_copy(update={"questions": [*info.questions, question],
                                              "form": [*_order(info), question.id]})
        if await _save(console, changed, "form"):
            await console.record("form", details=f"save {question.id}")
    await _refresh(cb, bot, t, console)


def router() -> Router:
    r = Router(name="admin-form")
    r.message.register(form, Command("form"))
    r.message.register(by_answer, Command("list", magic=F.args), flags=NAMES_EVENT)
    r.callback_query.register(edit, FormEditCb.filter())
    r.message.register(label, StateFilter(AddQuestion.label), Inline(F.text))
    r.message.register(options, StateFilter(AddQuestion.options), Inline(F.text))
    return r


