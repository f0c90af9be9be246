"""The organisers' events: /events lists them and chooses the one the console works on;
/newevent makes the next event from a copy of the current one; /editevent changes the
current event if it was made here (the config's events are edited in the config file).

Both drafts ask only what changes, one step at a time (each step may keep its value),
then show the result and wait for Save."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from core.config import EventSection
from core.i18n import Texts
from handlers.admin import drafts, keyboards, screens, views
from handlers.admin.callbacks import DraftCb, EventCb
from handlers.admin.console import NAMES_EVENT, Console
from handlers.filters import Inline
from services.event_edits import Changed, Taken
from services.events import Event, as_written_by, fresh_copy

log = logging.getLogger(__name__)


class Draft(StatesGroup):
    # One state per drafts.STEPS entry (same names), then the preview.
    title = State()
    when = State()
    capacity = State()
    approval = State()
    venue = State()
    address = State()
    organisers = State()
    agenda = State()
    zoom_id = State()
    zoom_passcode = State()
    zoom_url = State()
    stream_url = State()
    text_kk = State()
    text_ru = State()
    text_en = State()
    confirm = State()


def _state(step: str) -> State:
    found: State = getattr(Draft, step)
    return found


def _step(state_name: str | None) -> str | None:
    """'Draft:venue' -> 'venue'; None outside the steps (e.g. at the preview)."""
    step = (state_name or "").partition(":")[2]
    return step if step in drafts.STEPS else None


# /events ------------------------------------------------------------------------------

async def _overview(t: Texts, console: Console, current: int) -> screens.Screen:
    everything = [e for e in await console.events.all() if console.may(e.id)]  # members: theirs
    now = console.now()
    upcoming = [e for e in everything if e.starts_utc > now]
    past = [e for e in reversed(everything) if e.starts_utc <= now]
    text = views.events(t, upcoming, past, await console.events.tallies(), current)
    return text, keyboards.events(t, upcoming + past, current)


async def list_events(message: Message, t: Texts, console: Console) -> None:
    text, markup = await _overview(t, console, console.event.id)
    await message.answer(text, reply_markup=markup)


async def choose(cb: CallbackQuery, callback_data: EventCb, bot: Bot, t: Texts,
                 callback_answer: CallbackAnswer, console: Console) -> None:
    event = await console.events.get(callback_data.ev)
    if event is None:
        callback_answer.text, callback_answer.show_alert = t("adm-ev-no-such"), True
        return
    await console.events.choose(console.admin_id, event)
    text, markup = await _overview(t, console, event.id)
    await screens.show(cb, bot, (f"{text}\n\n{t('adm-ev-chosen', pin=views.pin(t, event))}",
                                 markup))


# /newevent and /editevent -------------------------------------------------------------

def _none(t: Texts, step: str) -> str:
    """An empty step: nothing, or (another language's texts) the organiser's text in use."""
    return t("adm-ev-falls-back" if drafts.text_language(step) else "adm-ev-none")


def _shown(t: Texts, step: str, info: EventSection) -> str:
    """What a step holds, as the organiser reads it."""
    if step == "approval":
        return t(f"adm-ev-approval-{drafts.value(info, step)}")
    return drafts.value(info, step) or _none(t, step)


def _prompt(t: Texts, step: str, info: EventSection) -> screens.Screen:
    key, args = drafts.prompt_key(step)
    text = t(key, now=_shown(t, step, info), tz=info.timezone, **args)
    if step in drafts.OPTIONAL:
        text += "\n" + t("adm-ev-empty-hint", empty=drafts.EMPTY)
    if step == "approval":  # its own two buttons above Keep
        return text, keyboards.draft_approval(t)
    return text, keyboards.draft_step(t, step)


async def _preview(t: Texts, console: Console, data: dict[str, Any]) -> screens.Screen:
    base, info = drafts.load(data["base"]), drafts.load(data["info"])
    edits = set(drafts.changed(base, info))
    lines = [t("adm-ev-preview-new" if data["mode"] == "new" else "adm-ev-preview-edit")]
    for step in drafts.steps(data["lang"]):
        key, args = drafts.field_key(step)
        lines.append(t("adm-ev-line", mark="✏️" if step in edits else "▫️",
                       name=t(key, **args), value=_shown(t, step, info)))
    if not edits and data["mode"] == "edit":
        lines.append(t("adm-ev-unchanged"))
    waiting = await _waiting_off(console, data, info)
    if waiting:  # said before Save: the organiser may decline some in /pending first
        lines.append("\n" + t("adm-ev-approval-off-waiting", count=waiting))
    return "\n".join(lines), keyboards.draft_save(t)


async def _waiting_off(console: Console, data: dict[str, Any], info: EventSection) -> int:
    """Forms the edit would confirm at Save by turning approval off (0: none)."""
    if data["mode"] != "edit" or info.approval or data["of"] != console.event.id:
        return 0
    return await console.edits.waiting(console.event) if console.event.info.approval else 0


async def _begin(message: Message, state: FSMContext, t: Texts, console: Console,
                 mode: str) -> None:
    # The draft starts from the event as stored now (the room size in force, so Keep keeps
    # what /capacity set) and carries its version: a save after another change is refused.
    draft = await console.edits.begin(console.event)
    # A new event never inherits the current one's translations; an edit shows the
    # organiser what readers of their language see (services.events has the rule).
    info = (fresh_copy(draft.info, t.language) if mode == "new"
            else as_written_by(draft.info, t.language))
    await state.set_state(Draft.title)
    # Not "event": handlers.middleware.DeskMiddleware reads that key as a form's event.
    await state.set_data({"mode": mode, "of": console.event.id, "version": draft.version,
                          "base": drafts.dump(info), "info": drafts.dump(info),
                          "lang": t.language})
    text, markup = _prompt(t, "title", info)
    await message.answer(f"{t(f'adm-ev-begin-{mode}')}\n\n{text}", reply_markup=markup)


async def new_event(message: Message, state: FSMContext, t: Texts, console: Console) -> None:
    await _begin(message, state, t, console, "new")


def config_key(console: Console, event: Event) -> str:
    """Where the config file describes this event."""
    first = console.settings.event
    if first is not None and first.slug == event.slug:
        return "[event]" if first.id is None else f'[event] id = "{event.slug}"'
    return f'[[events]] id = "{event.slug}"'


async def edit_event(message: Message, state: FSMContext, t: Texts, console: Console) -> None:
    if console.event.from_config:
        await message.answer(t("adm-ev-in-config", where=config_key(console, console.event)))
        return
    await _begin(message, state, t, console, "edit")


async def _advance(t: Texts, state: FSMContext, console: Console, step: str,
                   data: dict[str, Any]) -> screens.Screen:
    """Move past `step`: the next step's question, or the preview after the last."""
    following = drafts.next_step(step, data["lang"])
    if following is None:
        await state.set_state(Draft.confirm)
        return await _preview(t, console, data)
    await state.set_state(_state(following))
    return _prompt(t, following, drafts.load(data["info"]))


async def _seated(console: Console, data: dict[str, Any]) -> int:
    """Seats already given in the edited event (a new event has none)."""
    if data["mode"] != "edit":
        return 0
    return (await console.organiser.counts()).seated


async def answer(message: Message, state: FSMContext, t: Texts, console: Console) -> None:
    step = _step(await state.get_state())
    if step is None:  # at the preview: only its buttons answer
        await message.answer(t("adm-ev-use-buttons"))
        return
    data = await state.get_data()
    info = drafts.load(data["info"])
    got = drafts.parse(step, message.text or "", info, console.now(),
                       await _seated(console, data))
    if isinstance(got, drafts.Bad):
        text, markup = _prompt(t, step, info)
        await message.answer(f"{t(f'adm-ev-bad-{got.key}', **got.args)}\n\n{text}",
                             reply_markup=markup)
        return
    data["info"] = drafts.dump(drafts.apply(info, got))
    await state.update_data(info=data["info"])
    text, markup = await _advance(t, state, console, step, data)
    await message.answer(text, reply_markup=markup)


async def not_text(message: Message, state: FSMContext, t: Texts) -> None:
    step = _step(await state.get_state())
    if step is None:
        await message.answer(t("adm-ev-use-buttons"))
        return
    text, markup = _prompt(t, step, drafts.load((await state.get_data())["info"]))
    why = t("adm-ev-bad-approval" if step == "approval" else "adm-ev-bad-text")
    await message.answer(f"{why}\n\n{text}", reply_markup=markup)


async def keep(cb: CallbackQuery, callback_data: DraftCb, bot: Bot, state: FSMContext,
               t: Texts, callback_answer: CallbackAnswer, console: Console) -> None:
    step = _step(await state.get_state())
    if step is None or step != callback_data.step:
        callback_answer.text, callback_answer.show_alert = t("adm-ev-stale"), True
        return
    data = await state.get_data()
    info = drafts.load(data["info"])
    refused = drafts.keep(step, info, console.now(), creating=data["mode"] == "new")
    if refused is not None:
        callback_answer.text, callback_answer.show_alert = t(f"adm-ev-bad-{refused.key}"), True
        return
    await screens.show(cb, bot, await _advance(t, state, console, step, data))


async def set_approval(cb: CallbackQuery, callback_data: DraftCb, bot: Bot, state: FSMContext,
                       t: Texts, callback_answer: CallbackAnswer, console: Console) -> None:
    """The approval step's buttons: each registration waits for approval, or not."""
    step = _step(await state.get_state())
    if step != "approval" or callback_data.step != step:  # an older prompt's, or forged
        callback_answer.text, callback_answer.show_alert = t("adm-ev-stale"), True
        return
    data = await state.get_data()
    data["info"] = drafts.dump(drafts.apply(drafts.load(data["info"]),
                                            {"approval": callback_data.on}))
    await state.update_data(info=data["info"])
    await screens.show(cb, bot, await _advance(t, state, console, step, data))


async def stop(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await screens.show(cb, bot, (t("adm-ev-stopped"), None))


async def stale(cb: CallbackQuery, t: Texts, callback_answer: CallbackAnswer) -> None:
    callback_answer.text, callback_answer.show_alert = t("adm-ev-stale"), True


async def save(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
               callback_answer: CallbackAnswer, console: Console) -> None:
    data = await state.get_data()
    await state.clear()  # first: a second press finds no draft and cannot save twice
    if data["mode"] == "new":
        await _create(cb, bot, state, t, console, data)
    else:
        await _update(cb, bot, state, t, callback_answer, console, data)


async def _back_to(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts, step: str,
                   data: dict[str, Any], why: str) -> None:
    """Refused at Save (time passed or seats taken meanwhile): that step again."""
    await state.set_state(_state(step))
    await state.set_data(data)
    text, markup = _prompt(t, step, drafts.load(data["info"]))
    await screens.show(cb, bot, (f"{why}\n\n{text}", markup))


async def _links(console: Console, event: Event) -> dict[str, str]:
    return {name: await console.registrations.event_link(event, suffix)
            for name, suffix in (("link", ""), ("offline", "_offline"), ("online", "_online"))}


async def _create(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts, console: Console,
                  data: dict[str, Any]) -> None:
    info = drafts.load(data["info"])
    if info.starts_utc <= console.now():
        await _back_to(cb, bot, state, t, "when", data, t("adm-ev-bad-past"))
        return
    event = await console.events.create(info)
    await console.campaigns.plan_event(event)
    await console.events.choose(console.admin_id, event)
    await console.record("newevent", details=event.slug)
    log.info("admin %s created event %s", console.admin_id, event.slug)
    await screens.show(cb, bot, (t("adm-ev-created", pin=views.pin(t, event),
                                   **await _links(console, event)), None))


async def _update(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
                  callback_answer: CallbackAnswer, console: Console,
                  data: dict[str, Any]) -> None:
    old = console.event
    if data["of"] != old.id or old.from_config:  # /events chose another one meanwhile
        callback_answer.text, callback_answer.show_alert = t("adm-ev-other"), True
        await screens.show(cb, bot, (t("adm-ev-stopped"), None))
        return
    info = drafts.load(data["info"])
    base = drafts.load(data["base"])
    edits = drafts.changed(base, info)
    # A draft from before drafts carried a version (-1) counts as out of date.
    result = await console.edits.save(console.admin_id, old, int(data.get("version", -1)),
                                      info, edits)
    if isinstance(result, Taken):
        why = t("adm-ev-bad-taken", seated=result.seated, capacity=info.offline_capacity)
        await _back_to(cb, bot, state, t, "capacity", data, why)
        return
    if isinstance(result, Changed):
        fields = [t(f"adm-ev-field-{step}") for step in drafts.changed(base, result.info)]
        text = t("adm-ev-changed", fields=", ".join(fields) or t("adm-ev-field-intake"))
        await screens.show(cb, bot, (text, keyboards.draft_again(t)))
        return
    text = t("adm-ev-saved", pin=views.pin(t, result.event))
    if result.promoted:
        text += "\n" + t("adm-done-promoted", names=views.names(result.promoted))
    if result.told:  # the outbox tells them, paced, from the notices saved with the edit
        text += "\n" + t("adm-ev-telling", count=result.told)
    if result.admitted:
        text += "\n" + t("adm-ev-admitted", count=len(result.admitted))
    await screens.show(cb, bot, (text, None))


async def again(cb: CallbackQuery, state: FSMContext, t: Texts, console: Console) -> None:
    """After a refused save: a new draft from the event as it is now."""
    await state.clear()
    if isinstance(cb.message, Message) and not console.event.from_config:
        await _begin(cb.message, state, t, console, "edit")


def router() -> Router:
    r = Router(name="admin-events")
    r.message.register(list_events, Command("events"))
    r.callback_query.register(choose, EventCb.filter())
    r.message.register(new_event, Command("newevent"), flags=NAMES_EVENT)
    r.message.register(edit_event, Command("editevent"), flags=NAMES_EVENT)
    r.message.register(answer, StateFilter(Draft), Inline(F.text),
                       Inline(~F.text.startswith("/")))
    r.message.register(not_text, StateFilter(Draft), Inline(~F.text))
    r.callback_query.register(keep, StateFilter(Draft), DraftCb.filter(F.act == "keep"))
    r.callback_query.register(set_approval, StateFilter(Draft), DraftCb.filter(F.act == "set"))
    r.callback_query.register(save, StateFilter(Draft.confirm), DraftCb.filter(F.act == "save"))
    r.callback_query.register(stop, StateFilter(Draft), DraftCb.filter(F.act == "stop"))
    r.callback_query.register(again, DraftCb.filter(F.act == "again"))
    r.callback_query.register(stale, DraftCb.filter())
    return r
