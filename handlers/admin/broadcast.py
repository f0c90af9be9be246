"""/broadcast: write the text, pick the audience, see the preview and the count, confirm.

Sending, recording and resuming belong to the scheduler (`console.campaigns`, typed by
bot.ports.CampaignsPort): this module only calls count() and broadcast()."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.events import Event, Tally
from bot.i18n import Texts
from handlers.admin import keyboards, screens, views
from handlers.admin.callbacks import CastCb, InviteCb
from handlers.admin.console import NAMES_EVENT, Console
from handlers.filters import Inline
from storage.models import Audience


class Cast(StatesGroup):
    text = State()
    audience = State()
    confirm = State()


async def _preview(bot: Bot, chat_id: int, t: Texts, html: str, confirm: str,
                   button: InlineKeyboardMarkup | None = None) -> bool:
    await bot.send_message(chat_id, t("adm-cast-preview"))
    try:
        await bot.send_message(chat_id, html, reply_markup=button)
    except TelegramBadRequest:
        await bot.send_message(chat_id, t("adm-cast-text-only"))
        return False
    await bot.send_message(chat_id, confirm, reply_markup=keyboards.send(t))
    return True


async def _others(console: Console) -> list[tuple[Event, Tally]]:
    """The other events that anyone is registered for, the latest first."""
    tallies = await console.events.tallies()
    return [(e, tallies[e.id]) for e in reversed(await console.events.all())
            if e.id != console.event.id and e.id in tallies and tallies[e.id].active]


async def begin(message: Message, state: FSMContext, t: Texts) -> None:
    await state.set_state(Cast.text)
    await state.set_data({})
    await message.answer(t("adm-cast-ask"), reply_markup=keyboards.stop(t))


async def text(message: Message, state: FSMContext, t: Texts, console: Console) -> None:
    """The draft; a new text at a later step replaces it."""
    await state.set_data({"html": message.html_text})
    await state.set_state(Cast.audience)
    counts = {a: await console.campaigns.count(a, console.event) for a in Audience}
    markup = keyboards.audiences(t, counts, others=bool(await _others(console)))
    await message.answer(t("adm-cast-audience"), reply_markup=markup)


async def not_text(message: Message, t: Texts) -> None:
    await message.answer(t("adm-cast-text-only"))


async def audience(cb: CallbackQuery, callback_data: CastCb, bot: Bot, state: FSMContext,
                   t: Texts, callback_answer: CallbackAnswer, console: Console) -> None:
    chosen = callback_data.aud
    if chosen is None:  # the filter lets only a chosen audience through
        return
    count = await console.campaigns.count(chosen, console.event)
    if not count:
        callback_answer.text, callback_answer.show_alert = t("adm-cast-nobody"), True
        return
    html = (await state.get_data())["html"]
    confirm = t("adm-cast-confirm", count=count, audience=t(f"adm-aud-{chosen.value}"))
    if await _preview(bot, cb.from_user.id, t, html, confirm):
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
    count = await console.campaigns.count(Audience.ALL, target)
    if not count:
        callback_answer.text, callback_answer.show_alert = t("adm-cast-nobody"), True
        return
    html = (await state.get_data())["html"]
    link = await console.registrations.event_link(console.event)
    confirm = t("adm-cast-confirm-invite", count=count, past=target.info.title,
                current=console.event.info.title)
    if await _preview(bot, cb.from_user.id, t, html, confirm,
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
    count = await console.campaigns.count(data["audience"], console.event)
    key = await console.campaigns.broadcast(data["html"], data["audience"], console.admin_id,
                                            console.event, t.language)
    await console.record("broadcast", details=f"{key} to {data['audience']} ({count})")
    started = t("adm-cast-started", count=count, audience=t(f"adm-aud-{data['audience']}"))
    await screens.show(cb, bot, (started, None))


async def _send_invite(cb: CallbackQuery, bot: Bot, t: Texts, console: Console,
                       data: dict[str, Any]) -> None:
    # Both events as they were at the preview, even if /events chose another meanwhile.
    target = await console.events.get(data["target"])
    current = await console.events.get(data["invite"])
    if target is None or current is None:
        await screens.show(cb, bot, (t("adm-cast-stale"), None))
        return
    count = await console.campaigns.count(data["audience"], target)
    key = await console.campaigns.broadcast(data["html"], data["audience"], console.admin_id,
                                            target, t.language, invite=current)
    await console.record("broadcast", details=f"{key} to {target.slug} ({count}),"
                                              f" inviting to {current.slug}")
    started = t("adm-cast-started-invite", count=count, past=target.info.title,
                current=current.info.title)
    await screens.show(cb, bot, (started, None))


async def stop(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await screens.show(cb, bot, (t("adm-cast-stopped"), None))


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
    r.callback_query.register(send, StateFilter(Cast.confirm), CastCb.filter(F.act == "send"))
    r.callback_query.register(stop, StateFilter(Cast), CastCb.filter(F.act == "stop"))
    r.callback_query.register(stale, CastCb.filter())
    r.callback_query.register(stale, InviteCb.filter())
    return r
