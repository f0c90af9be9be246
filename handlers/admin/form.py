"""/form: the current event's form as the organisers' language shows it, question by
question (built-in ones and the event's own: kind, options, required, formats).

For an event from the config it says where to change it. For one made in the chat the
buttons add a question (kind, wording, options, then the same in each other language, then
a preview as a participant in each language sees it), reword one, move one up, remove one,
and turn approval on or off; each change is saved like an /editevent edit (one
transaction, refused if the event changed meanwhile). Registrations keep their answers: a
removed question's answers stay stored, a new one shows empty, and a choice is stored as the
main option, so no language's wording changes what was answered."""

from __future__ import annotations

import html
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.config import EventSection
from core.i18n import LANGUAGES, NAMES, Catalog, Texts
from core.questions import KINDS, Question
from core.render import answer
from core.render import question as asked
from handlers.admin import screens, wordings
from handlers.admin.callbacks import FormEditCb
from handlers.admin.console import NAMES_EVENT, Console
from handlers.filters import Inline
from services.event_edits import Saved
from services.events import Event
from storage.privacy import erased

PREVIEWED = "form_question"  # FSM data: the question being added, as JSON
REPLACING = "form_replacing"  # FSM data: the id of the question being reworded
OWN = "form_own"  # FSM data: the organiser's language (their words are asked first)
INTO_OWN = "form_into_own"  # FSM data: their words go to their language's version
AT = "form_language"  # FSM data: the other language being asked
WAS = "form_was"  # FSM data: the reworded question as it was (its versions can be kept)


class AddQuestion(StatesGroup):
    label = State()
    options = State()
    text_label = State()  # another language's label ("-": it sees the main wording)
    text_options = State()  # ... and its options, as many as the main ones
    preview = State()


# The states' names, as FSMContext.get_state() gives them.
LABEL, OPTIONS, TEXT_LABEL, TEXT_OPTIONS, PREVIEW = (
    str(s.state) for s in (AddQuestion.label, AddQuestion.options, AddQuestion.text_label,
                           AddQuestion.text_options, AddQuestion.preview))


def row(t: Texts, n: int, q: Question) -> str:
    parts = [t(f"adm-form-kind-{q.kind}")]
    if q.options:
        parts.append(" · ".join(q.options_in(t.language)))
    given = wordings.languages(q)
    parts.append(t("adm-form-langs-one") if not given
                 else t("adm-form-langs-all") if len(given) == len(LANGUAGES)
                 else t("adm-form-langs", languages=", ".join(NAMES[c] for c in given)))
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
    asked = (command.args or "").strip()
    q = model.question(asked)
    if q is None or q.kind not in GROUPED:  # said why, then the lists as /list alone
        ids = [found.id for found in model.questions if found.kind in GROUPED]
        lists = ", ".join(f"/list {i}" for i in ids)
        why = (t("adm-list-not-grouped", asked=asked, ids=lists) if ids
               else t("adm-list-no-grouped", asked=asked))
        text, markup = await screens.kinds(t, console)
        await message.answer(f"{why}\n\n{text}", reply_markup=markup)
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
    lines = [t("adm-form-head", title=event.texts(t.language).title)]
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
               bot: Bot, state: FSMContext, t: Texts, catalog: Catalog,
               console: Console) -> None:
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
        draft, _ = wordings.start(None, qid, _free_id(info), t.language)
        await state.set_state(AddQuestion.label)
        await state.update_data({PREVIEWED: draft, "form_event": event.id,
                                 OWN: t.language, INTO_OWN: False, WAS: None,
                                 REPLACING: None, AT: None})
        await _show(cb, bot, t("adm-form-ask-label"), None)
        return
    if act == "keep":
        await _keep(cb, callback_data, callback_answer, bot, state, t, catalog)
        return
    if act in ("req", "who"):
        await _rules(cb, act, callback_answer, bot, state, t, catalog)
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
        was = info.form_model.own[qid]
        draft, into_own = wordings.start(was, was.kind, qid, t.language)
        await state.set_state(AddQuestion.label)
        data = {PREVIEWED: draft, "form_event": event.id, REPLACING: qid, OWN: t.language,
                INTO_OWN: into_own, WAS: was.model_dump(mode="json"), AT: None}
        await state.update_data(data)
        await _show(cb, bot, *_prompt(t, LABEL, data))
        return
    elif act == "del":  # asked first: the question goes from every screen and the export
        kb = InlineKeyboardBuilder()
        kb.button(text=t("adm-form-btn-del-sure"),
                  callback_data=FormEditCb(act="delsure", ev=event.id, q=qid))
        kb.button(text=t("adm-form-btn-back"),
                  callback_data=FormEditCb(act="approval", ev=event.id, q="back"))
        kb.adjust(1)
        label = info.form_model.own[qid].label_in(t.language)
        await _show(cb, bot, t("adm-form-del-ask", label=label), kb.as_markup())
        return
    elif act == "delsure":
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


def _prompt(t: Texts, step: str | None, data: dict[str, Any],
            catalog: Catalog | None = None) -> screens.Screen:
    """What the step `step` (a state's name) asks, with the current wording when one is
    reworded; the preview needs `catalog` (each language's texts)."""
    draft = _draft(data)
    was = data.get(WAS) if isinstance(data.get(WAS), dict) else None
    own = str(data.get(OWN) or t.language)
    event = int(data.get("form_event") or 0)
    if step == LABEL:
        text = t("adm-form-ask-label")
        if was is not None:
            text += "\n" + t("adm-form-now", now=Question.model_validate(was).label_in(own))
            return text, _keep_button(t, event, "label")
        return text, None
    if step == OPTIONS:
        text = t("adm-form-ask-options")
        if was is not None and was.get("kind") == draft.get("kind"):
            text += "\n" + t("adm-form-now", now="\n".join(
                Question.model_validate(was).options_in(own)))
            return text, _keep_button(t, event, "options")
        return text, None
    language = str(data.get(AT) or "")
    if step in (TEXT_LABEL, TEXT_OPTIONS):
        return _ask_other(t, step, draft, language, was, int(data.get("form_event") or 0),
                          wordings.own_options(draft, own))
    if catalog is not None:
        return _preview(t, catalog, data)
    return t("adm-form-use-buttons"), None


def _ask_other(t: Texts, step: str, draft: wordings.Draft, language: str,
               was: wordings.Draft | None, event: int, mine: list[str]) -> screens.Screen:
    """Another language's label or options (`mine`: the organiser's, to translate)."""
    name = NAMES.get(language, language)
    main = str(draft.get("label") or "")
    if step == TEXT_LABEL:
        text = t("adm-form-ask-text-label", language=name, main=main)
    else:
        text = t("adm-form-ask-text-options", language=name, count=len(mine),
                 options="\n".join(f"{n}. {o}" for n, o in enumerate(mine, start=1)))
    before = wordings.current(was, language)
    kb = None
    if was is not None:
        if before is None:
            text += "\n\n" + t("adm-form-text-was-main", language=name)
        else:
            shown = str(before.get("label") or main)
            if before.get("options"):
                shown += "\n" + "\n".join(f"[ {o} ]" for o in before["options"])
            text += "\n\n" + t("adm-form-text-now", language=name, now=shown)
        if isinstance(wordings.check(wordings.keep(draft, language, was), language),
                      wordings.Bad):  # its options no longer fit: no Keep to offer
            text += "\n" + t("adm-form-keep-bad", language=name,
                             count=len(draft.get("options") or []))
        else:
            kb = _keep_button(t, event, language)
    return text, kb


def _keep_button(t: Texts, event: int, what: str) -> InlineKeyboardMarkup:
    """Keep the reworded question's `what` ("label", "options" or a language) as it is."""
    builder = InlineKeyboardBuilder()
    builder.button(text=t("adm-form-btn-keep"), callback_data=FormEditCb(act="keep", ev=event,
                                                                       q=what))
    return builder.as_markup()


def _draft(data: dict[str, Any]) -> wordings.Draft:
    found = data.get(PREVIEWED)
    return dict(found) if isinstance(found, dict) else {}


async def _ask(message: Message, state: FSMContext, t: Texts, catalog: Catalog, step: str,
               head: str = "") -> None:
    """Move to `step` and ask it; `head`: why the last answer was refused."""
    await state.set_state(step)
    text, markup = _prompt(t, step, await state.get_data(), catalog)
    await message.answer(f"{head}\n\n{text}" if head else text, reply_markup=markup)


async def _again(message: Message, state: FSMContext, t: Texts, catalog: Catalog,
                 why: wordings.Bad) -> None:
    """A refused answer: one reply that says why and asks the same step again."""
    step = await state.get_state()
    await _ask(message, state, t, catalog, str(step), t(f"adm-form-bad-{why.key}", **why.args))


async def _next(message: Message, state: FSMContext, t: Texts, catalog: Catalog,
                language: str | None) -> None:
    """After the organiser's own wording (`language` None) or another language's: the next
    language, or the preview when all are asked."""
    data = await state.get_data()
    following = wordings.after(str(data.get(OWN) or t.language), language)
    await state.update_data({AT: following})
    await _ask(message, state, t, catalog,
               TEXT_LABEL if following else PREVIEW)


async def label(message: Message, state: FSMContext, t: Texts, catalog: Catalog) -> None:
    await _label(message, state, t, catalog, message.text or "")


async def _label(message: Message, state: FSMContext, t: Texts, catalog: Catalog,
                 typed: str) -> None:
    data = await state.get_data()
    got = wordings.label(typed)
    if isinstance(got, wordings.Bad):
        await _again(message, state, t, catalog, got)
        return
    draft = wordings.set_own(_draft(data), str(data.get(OWN) or t.language),
                             bool(data.get(INTO_OWN)), label=got)
    await state.update_data({PREVIEWED: draft})
    if wordings.has_options(draft):
        await _ask(message, state, t, catalog, OPTIONS)
        return
    checked = wordings.check(draft)
    if isinstance(checked, wordings.Bad):
        await _again(message, state, t, catalog, checked)
        return
    await _next(message, state, t, catalog, None)


async def options(message: Message, state: FSMContext, t: Texts, catalog: Catalog) -> None:
    await _options(message, state, t, catalog, message.text or "")


async def _options(message: Message, state: FSMContext, t: Texts, catalog: Catalog,
                   typed: str) -> None:
    data = await state.get_data()
    own, into_own = str(data.get(OWN) or t.language), bool(data.get(INTO_OWN))
    draft = wordings.set_own(_draft(data), own, into_own, options=wordings.options(typed))
    checked = wordings.check(draft, own if into_own else None)
    if isinstance(checked, wordings.Bad):
        await _again(message, state, t, catalog, checked)
        return
    await state.update_data({PREVIEWED: draft})
    await _next(message, state, t, catalog, None)


async def text_label(message: Message, state: FSMContext, t: Texts, catalog: Catalog) -> None:
    data = await state.get_data()
    language, draft = str(data.get(AT)), _draft(data)
    if (message.text or "").strip() == wordings.EMPTY:
        await state.update_data({PREVIEWED: wordings.drop(draft, language)})
        await _next(message, state, t, catalog, language)
        return
    got = wordings.label(message.text or "")
    if isinstance(got, wordings.Bad):
        await _again(message, state, t, catalog, got)
        return
    draft = wordings.set_other(draft, language, label=got)
    await state.update_data({PREVIEWED: draft})
    if wordings.has_options(draft):
        await _ask(message, state, t, catalog, TEXT_OPTIONS)
        return
    await _next(message, state, t, catalog, language)


async def text_options(message: Message, state: FSMContext, t: Texts,
                       catalog: Catalog) -> None:
    data = await state.get_data()
    language, draft = str(data.get(AT)), _draft(data)
    if (message.text or "").strip() == wordings.EMPTY:  # the whole language falls back
        await state.update_data({PREVIEWED: wordings.drop(draft, language)})
        await _next(message, state, t, catalog, language)
        return
    draft = wordings.set_other(draft, language, options=wordings.options(message.text or ""))
    checked = wordings.check(draft, language)  # the model counts the options
    if isinstance(checked, wordings.Bad):
        await _again(message, state, t, catalog, checked)
        return
    await state.update_data({PREVIEWED: draft})
    await _next(message, state, t, catalog, language)


async def not_text(message: Message, state: FSMContext, t: Texts, catalog: Catalog) -> None:
    """A sticker, a photo ... while a question is drafted: one reply, the same step again
    (the draft stays)."""
    step = await state.get_state()
    why = "adm-form-use-buttons" if step == PREVIEW else "adm-form-bad-text"
    await _ask(message, state, t, catalog, str(step), t(why))


async def at_preview(message: Message, state: FSMContext, t: Texts, catalog: Catalog) -> None:
    """Typed text under the preview: only its buttons answer."""
    await _ask(message, state, t, catalog, PREVIEW, t("adm-form-use-buttons"))


async def _keep(cb: CallbackQuery, callback_data: FormEditCb, callback_answer: CallbackAnswer,
                bot: Bot, state: FSMContext, t: Texts, catalog: Catalog) -> None:
    """A reworded question's wording kept as it was: the organiser's own label or options
    (as if typed again), or another language's version."""
    step, data = await state.get_state(), await state.get_data()
    was = data.get(WAS)
    mine = {"label": LABEL, "options": OPTIONS}.get(callback_data.q)
    if mine is not None:
        if step != mine or not isinstance(was, dict) or not isinstance(cb.message, Message):
            callback_answer.text, callback_answer.show_alert = t("adm-form-stale"), True
            return
        own = str(data.get(OWN) or t.language)
        before = Question.model_validate(was)
        await _show(cb, bot, cb.message.html_text, None)  # its button goes: one live keyboard
        if mine == LABEL:
            await _label(cb.message, state, t, catalog, before.label_in(own))
        else:
            await _options(cb.message, state, t, catalog, "\n".join(before.options_in(own)))
        return
    language = str(data.get(AT) or "")
    asking = step in (TEXT_LABEL, TEXT_OPTIONS)
    if not asking or language != callback_data.q or not isinstance(was, dict):
        callback_answer.text, callback_answer.show_alert = t("adm-form-stale"), True
        return
    draft = wordings.keep(_draft(data), language, was)
    version = wordings.current(was, language)
    if step == TEXT_OPTIONS and version is not None and version.get("options"):
        # The question was just typed in this language: only its old options are kept.
        draft = wordings.set_other(_draft(data), language, options=version["options"])
    if isinstance(wordings.check(draft, language), wordings.Bad):
        count = len(_draft(data).get("options") or [])
        callback_answer.text = t("adm-form-keep-bad", language=NAMES[language], count=count)
        callback_answer.show_alert = True
        return
    following = wordings.after(str(data.get(OWN) or t.language), language)
    await state.update_data({PREVIEWED: draft, AT: following})
    step = TEXT_LABEL if following else PREVIEW
    await state.set_state(step)
    await _show(cb, bot, *_prompt(t, step, await state.get_data(), catalog))


def _preview(t: Texts, catalog: Catalog, data: dict[str, Any]) -> screens.Screen:
    """The question as a participant in each language sees it (which ones fall back)."""
    question = Question.model_validate(_draft(data))
    own = str(data.get(OWN) or t.language)
    parts = [t("adm-form-preview")]
    for code in LANGUAGES:
        theirs = catalog.for_language(code)
        head = f"<b>{NAMES[code]}</b>"
        if code != own and code not in question.text:
            head += " " + t("adm-form-falls-back")
        shown = asked(theirs, question)
        if question.options:
            shown += "\n" + "\n".join(f"[ {html.escape(o, False)} ]"  # typed: not markup
                                      for o in question.options_in(code))
        elif question.kind == "yesno":
            shown += "\n" + f"[ {theirs('answer-yes')} ] [ {theirs('answer-no')} ]"
        parts.append(f"{head}\n{shown}")
    who = "all" if not question.limited else question.formats[0]
    parts.append(t("adm-form-preview-rules", required=t(
        "adm-form-required" if question.required else "adm-form-optional"),
        who=t(f"adm-form-who-{who}")))
    event = int(str(data.get("form_event", 0)))
    kb = InlineKeyboardBuilder()
    # Whether it may be skipped, and who is asked: pressed until they read as wanted.
    kb.button(text=t("adm-form-btn-req"), callback_data=FormEditCb(act="req", ev=event))
    kb.button(text=t("adm-form-btn-who"), callback_data=FormEditCb(act="who", ev=event))
    save = "adm-form-btn-replace" if data.get(REPLACING) else "adm-form-btn-save"
    kb.button(text=t(save), callback_data=FormEditCb(act="save", ev=event))
    kb.button(text=t("adm-form-btn-drop"), callback_data=FormEditCb(act="drop", ev=event))
    kb.adjust(2, 1, 1)
    return "\n\n".join(parts), kb.as_markup()


# Who is asked, in the order the preview's button steps through them.
WHO: dict[str, list[str]] = {"all": ["offline", "online"], "offline": ["offline"],
                             "online": ["online"]}


async def _rules(cb: CallbackQuery, act: str, callback_answer: CallbackAnswer, bot: Bot,
                 state: FSMContext, t: Texts, catalog: Catalog) -> None:
    """At the preview: required <-> optional (a Skip button), or everyone -> offline only
    -> online only (asked once the format is known) -> everyone."""
    if await state.get_state() != PREVIEW:
        callback_answer.text, callback_answer.show_alert = t("adm-form-stale"), True
        return
    draft = _draft(await state.get_data())
    if act == "req":
        draft["required"] = not draft.get("required", True)
    else:
        now = sorted(draft.get("formats") or WHO["all"])
        key = next(k for k, v in WHO.items() if sorted(v) == now)
        order = list(WHO)
        draft["formats"] = WHO[order[(order.index(key) + 1) % len(order)]]
    await state.update_data({PREVIEWED: draft})
    await _show(cb, bot, *_prompt(t, PREVIEW, await state.get_data(), catalog))


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
    r.message.register(form, Command("form"), flags=NAMES_EVENT)
    r.message.register(by_answer, Command("list", magic=F.args), flags=NAMES_EVENT)
    r.callback_query.register(edit, FormEditCb.filter())
    r.message.register(label, StateFilter(AddQuestion.label), Inline(F.text))
    r.message.register(options, StateFilter(AddQuestion.options), Inline(F.text))
    typed = (Inline(F.text), Inline(~F.text.startswith("/")))  # commands stay commands
    r.message.register(text_label, StateFilter(AddQuestion.text_label), *typed)
    r.message.register(text_options, StateFilter(AddQuestion.text_options), *typed)
    r.message.register(at_preview, StateFilter(AddQuestion.preview), *typed)
    r.message.register(not_text, StateFilter(AddQuestion), Inline(~F.text))
    return r


