"""/broadcast: write the text, pick the audience, see the preview and the count, confirm.

A text is for everyone unless the organiser says it is one language's, and versions per
language can be added (each the next message): a reader gets their language's version,
else the one for everyone, else the default language's, else any (storage.deliveries.pick).
The draft keeps them as {EVERYONE or language: html} under "versions"; "last" is the slot
the latest text went to (a new text replaces it), "adding" the slot the next text fills.

Sending, recording and resuming belong to the scheduler (`console.campaigns`, typed by
services.ports.CampaignsPort): this module only calls count() and broadcast()."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import LANGUAGES, NAMES, Texts
from handlers.admin import keyboards, screens, views
from handlers.admin.callbacks import VERSIONS, CastCb, CastLang, InviteCb, VersionCb
from handlers.admin.console import NAMES_EVENT, Console
from handlers.filters import Inline
from services.events import Event, Tally
from services.team import Role
from storage.deliveries import EVERYONE
from storage.models import Audience

ORDER = (EVERYONE, *LANGUAGES)  # the order versions are previewed in


class Cast(StatesGroup):
    text = State()
    audience = State()
    confirm = State()


def _named(t: Texts, slot: str) -> str:
    return t("adm-cast-everyone") if slot == EVERYONE else NAMES.get(slot, slot)


def _slot(lang: CastLang | str) -> str:
    return EVERYONE if lang == "all" else lang


async def _preview(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
                   versions: Mapping[str, str], split: Mapping[str, Mapping[str, int]],
                   confirm: str, button: InlineKeyboardMarkup | None = None) -> bool:
    """The pressed question becomes the question to send (with, for several versions,
    who gets which: `split` is version -> reader language -> count); below it each version
    as its readers will see it, the last with Send and Cancel. A broadcast from draft to
    report costs four messages: the ask, the draft's question, the preview, the report."""
    slots = [s for s in ORDER if s in versions]
    lines = [confirm]
    if slots != [EVERYONE]:
        for slot in slots:
            readers = split.get(slot, {})
            named = ", ".join(f"{NAMES[code]} {readers[code]}" for code in LANGUAGES
                              if readers.get(code))
            lines.append(t("adm-cast-preview-version", version=_named(t, slot),
                           count=sum(readers.values()), readers=named or "—"))
    asked = await screens.show(cb, bot, ("\n".join(lines), None))
    shown = None
    for n, slot in enumerate(slots, start=1):
        markup = keyboards.send(t, button) if n == len(slots) else button
        try:
            shown = await bot.send_message(cb.from_user.id, versions[slot], reply_markup=markup)
        except TelegramBadRequest:
            await bot.send_message(cb.from_user.id, t("adm-cast-text-only"))
            return False
    await state.update_data(asked=asked, shown=shown.message_id if shown else None)
    return True


async def _sent(cb: CallbackQuery, bot: Bot, data: Mapping[str, Any], started: str,
                button: InlineKeyboardMarkup | None = None) -> None:
    """Sending: the preview keeps only what readers see; its question says it is going."""
    with suppress(TelegramBadRequest):
        if isinstance(data.get("shown"), int):
            await bot.edit_message_reply_markup(chat_id=cb.from_user.id,
                                                message_id=data["shown"], reply_markup=button)
    asked = data.get("asked")
    if isinstance(asked, int):
        with suppress(TelegramBadRequest):
            await bot.edit_message_text(started, chat_id=cb.from_user.id, message_id=asked)
            return
    await bot.send_message(cb.from_user.id, started)


def _draft(t: Texts, versions: Mapping[str, str], last: str) -> str:
    return t("adm-cast-draft", last=_named(t, last),
             versions=", ".join(_named(t, s) for s in ORDER if s in versions))


async def _versions(state: FSMContext) -> dict[str, str]:
    found = (await state.get_data()).get("versions")
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


async def _others(console: Console) -> list[tuple[Event, Tally]]:
    """The other events that anyone is registered for, the latest first."""
    tallies = await console.events.tallies()
    return [(e, tallies[e.id]) for e in reversed(await console.events.all())
            if e.id != console.event.id and e.id in tallies and tallies[e.id].active
            and console.may(e.id, Role.ORGANISER)]  # a member: the events they organise


async def begin(message: Message, state: FSMContext, t: Texts) -> None:
    await state.set_state(Cast.text)
    await state.set_data({})
    await message.answer(t("adm-cast-ask"), reply_markup=keyboards.stop(t))


async def text(message: Message, bot: Bot, state: FSMContext, t: Texts,
               console: Console) -> None:
    """A version asked for with "add", else a new text for the slot of the latest one
    (for everyone at first): a new text at a later step replaces it."""
    data = await state.get_data()
    versions = await _versions(state)
    slot = str(data.get("adding") or data.get("last") or EVERYONE)
    # Said, not silent: a long paste that Telegram split in two would lose its first part.
    replaced = slot in versions and versions[slot] != message.html_text
    versions[slot] = message.html_text
    await state.set_data({"versions": versions, "last": slot, "adding": None})
    last: CastLang = "all" if slot == EVERYONE else _cast_lang(slot)
    await state.set_state(Cast.audience)
    text_, markup = await _choice(t, versions, slot, last, console)
    if replaced:
        text_ = f"{t('adm-cast-replaced')}\n\n{text_}"
    await message.answer(text_, reply_markup=markup)


async def _choice(t: Texts, versions: Mapping[str, str], slot: str, last: CastLang,
                  console: Console) -> screens.Screen:
    """The draft's languages and "who should get it?", one message."""
    counts = {a: await console.campaigns.count(a, console.event) for a in offered(console)}
    text = f"{_draft(t, versions, slot)}\n\n{t('adm-cast-audience')}"
    return text, keyboards.cast_choice(t, last, counts, others=bool(await _others(console)))


def offered(console: Console) -> list[Audience]:
    """Who came, or did not, is known once the event began: a follow-up from the chat."""
    began = console.now() >= console.event.info.starts_utc
    return [a for a in Audience if began or a.came is None]


def _cast_lang(slot: str) -> CastLang:
    for code in VERSIONS:
        if slot == code:
            return code
    return "all"


async def for_language(cb: CallbackQuery, callback_data: VersionCb, bot: Bot,
                       state: FSMContext, t: Texts, callback_answer: CallbackAnswer,
                       console: Console) -> None:
    """The latest text is for one language only (or back to everyone); it replaces a
    version already in that slot. The audience is asked again: an earlier preview is old."""
    data = await state.get_data()
    versions = await _versions(state)
    last = str(data.get("last") or EVERYONE)
    slot = _slot(callback_data.lang)
    if last not in versions:
        await stale(cb, t, callback_answer)
        return
    if slot != last:
        versions[slot] = versions.pop(last)
    await state.update_data(versions=versions, last=slot, adding=None)
    await state.set_state(Cast.audience)
    await screens.show(cb, bot, await _choice(t, versions, slot, _cast_lang(slot), console))


async def add(cb: CallbackQuery, callback_data: VersionCb, bot: Bot, state: FSMContext,
              t: Texts) -> None:
    """The next text is the version in that language."""
    slot = _slot(callback_data.lang)
    await state.update_data(adding=slot)
    await screens.show(cb, bot, (t("adm-cast-add-ask", language=_named(t, slot)),
                                 keyboards.stop(t)))


async def not_text(message: Message, t: Texts) -> None:
    await message.answer(t("adm-cast-text-only"))


async def audience(cb: CallbackQuery, callback_data: CastCb, bot: Bot, state: FSMContext,
                   t: Texts, callback_answer: CallbackAnswer, console: Console) -> None:
    chosen = callback_data.aud
    if chosen is None:  # the filter lets only a chosen audience through
        return
    if chosen not in offered(console):  # forged: the buttons come only after the start
        callback_answer.text, callback_answer.show_alert = t("adm-cast-not-yet"), True
        return
    ready = await _recipients(state, t, callback_answer, console, chosen, console.event)
    if ready is None:
        return
    count, versions, split = ready
    confirm = t("adm-cast-confirm", count=count, audience=t(f"adm-aud-{chosen.value}"))
    if await _preview(cb, bot, state, t, versions, split, confirm):
        await state.update_data(audience=chosen.value, target=None, invite=None)
        await state.set_state(Cast.confirm)
    else:
        await state.set_state(Cast.text)


async def others(cb: CallbackQuery, bot: Bot, t: Texts, callback_answer: CallbackAnswer,
                 console: Console) -> None:
    found = await _others(console)
    if not found:
        callback_answer.text, callback_answer.show_alert = t("adm-cast-nobody"), True
        return
    text = t("adm-cast-others", current=views.pin(t, console.event))
    await screens.show(cb, bot, (text, keyboards.other_events(t, found)))


async def invite(cb: CallbackQuery, callback_data: InviteCb, bot: Bot, state: FSMContext,
                 t: Texts, callback_answer: CallbackAnswer, console: Console) -> None:
    """Everyone registered for that event gets the message with a button to this one."""
    target = await console.events.get(callback_data.ev)
    if target is None or target.id == console.event.id:
        callback_answer.text, callback_answer.show_alert = t("adm-cast-stale"), True
        return
    ready = await _recipients(state, t, callback_answer, console, Audience.ALL, target)
    if ready is None:
        return
    count, versions, split = ready
    link = await console.registrations.event_link(console.event)
    confirm = t("adm-cast-confirm-invite", count=count, past=target.texts(t.language).title,
                current=console.event.texts(t.language).title)
    if await _preview(cb, bot, state, t, versions, split, confirm,
                      keyboards.invite(t, console.event, link)):
        await state.update_data(audience=Audience.ALL.value, target=target.id,
                                invite=console.event.id)
        await state.set_state(Cast.confirm)
    else:
        await state.set_state(Cast.text)


async def send(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
               console: Console) -> None:
    data = await state.get_data()
    await state.clear()  # first: a second press finds no draft and cannot send twice
    if data.get("target") is not None:
        await _send_invite(cb, bot, t, console, data)
        return
    text_html, bodies = _split(data)
    count = await console.campaigns.count(data["audience"], console.event)
    key = await console.campaigns.broadcast(text_html, data["audience"], console.admin_id,
                                            console.event, t.language, bodies=bodies)
    await console.record("broadcast", details=f"{key} to {data['audience']} ({count})")
    started = t("adm-cast-started", count=count, audience=t(f"adm-aud-{data['audience']}"))
    await _sent(cb, bot, data, started)


def _split(data: Mapping[str, Any]) -> tuple[str | None, dict[str, str]]:
    """The text for everyone (if any) and the language versions."""
    versions: dict[str, str] = dict(data.get("versions") or {})
    return versions.pop(EVERYONE, None), versions


async def _send_invite(cb: CallbackQuery, bot: Bot, t: Texts, console: Console,
                       data: dict[str, Any]) -> None:
    # Both events as they were at the preview, even if /events chose another meanwhile.
    target = await console.events.get(data["target"])
    current = await console.events.get(data["invite"])
    if target is None or current is None:
        await screens.show(cb, bot, (t("adm-cast-stale"), None))
        return
    text_html, bodies = _split(data)
    count = await console.campaigns.count(data["audience"], target)
    key = await console.campaigns.broadcast(text_html, data["audience"], console.admin_id,
                                            target, t.language, invite=current, bodies=bodies)
    await console.record("broadcast", details=f"{key} to {target.slug} ({count}),"
                                              f" inviting to {current.slug}")
    started = t("adm-cast-started-invite", count=count, past=target.texts(t.language).title,
                current=current.texts(t.language).title)
    link = await console.registrations.event_link(current)
    await _sent(cb, bot, data, started, keyboards.invite(t, current, link))


async def stop(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await screens.show(cb, bot, (t("adm-cast-stopped"), None))


async def _recipients(state: FSMContext, t: Texts, callback_answer: CallbackAnswer,
                      console: Console, audience: Audience, event: Event,
                      ) -> tuple[int, dict[str, str], dict[str, dict[str, int]]] | None:
    """How many the draft reaches in `event`'s `audience`, its versions, and who gets which;
    None (the press answered) when nobody would get it or the draft is gone."""
    count = await console.campaigns.count(audience, event)
    if not count:
        callback_answer.text, callback_answer.show_alert = t("adm-cast-nobody"), True
        return None
    versions = await _versions(state)
    if not versions:
        callback_answer.text, callback_answer.show_alert = t("adm-cast-stale"), True
        return None
    return count, versions, await console.campaigns.versions(audience, event, versions)


async def stale(cb: CallbackQuery, t: Texts, callback_answer: CallbackAnswer) -> None:
    callback_answer.text, callback_answer.show_alert = t("adm-cast-stale"), True


def router() -> Router:
    r = Router(name="admin-broadcast")
    r.message.register(begin, Command("broadcast"), flags=NAMES_EVENT)
    r.message.register(text, StateFilter(Cast), Inline(F.text), Inline(~F.text.startswith("/")))
    r.message.register(not_text, StateFilter(Cast), Inline(~F.text))
    r.callback_query.register(audience, StateFilter(Cast.audience),
                              CastCb.filter((F.act == "aud") & F.aud))
    r.callback_query.register(others, StateFilter(Cast.audience),
                              CastCb.filter(F.act == "others"))
    r.callback_query.register(invite, StateFilter(Cast.audience), InviteCb.filter())
    r.callback_query.register(for_language, StateFilter(Cast.audience, Cast.confirm),
                              VersionCb.filter(F.act == "for"))
    r.callback_query.register(add, StateFilter(Cast.audience, Cast.confirm),
                              VersionCb.filter((F.act == "add") & (F.lang != "all")))
    r.callback_query.register(send, StateFilter(Cast.confirm), CastCb.filter(F.act == "send"))
    r.callback_query.register(stop, StateFilter(Cast), CastCb.filter(F.act == "stop"))
    r.callback_query.register(stale, CastCb.filter())
    r.callback_query.register(stale, InviteCb.filter())
    r.callback_query.register(stale, VersionCb.filter())
    return r
