"""/broadcast: write the text, pick the audience, see the preview and the count, confirm.

Sending, recording and resuming belong to the scheduler (`console.campaigns`, typed by
bot.ports.CampaignsPort): this module only calls count() and broadcast()."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Texts
from handlers.admin import keyboards, screens
from handlers.admin.callbacks import CastCb
from handlers.admin.console import Console
from handlers.filters import Inline
from storage.models import Audience


class Cast(StatesGroup):
    text = State()
    audience = State()
    confirm = State()


async def _preview(bot: Bot, chat_id: int, t: Texts, html: str, count: int,
                   audience: str) -> bool:
    await bot.send_message(chat_id, t("adm-cast-preview"))
    try:
        await bot.send_message(chat_id, html)
    except TelegramBadRequest:
        await bot.send_message(chat_id, t("adm-cast-text-only"))
        return False
    await bot.send_message(chat_id, t("adm-cast-confirm", count=count,
                                      audience=t(f"adm-aud-{audience}")),
                           reply_markup=keyboards.send(t))
    return True


async def begin(message: Message, state: FSMContext, t: Texts) -> None:
    await state.set_state(Cast.text)
    await state.set_data({})
    await message.answer(t("adm-cast-ask"), reply_markup=keyboards.stop(t))


async def text(message: Message, state: FSMContext, t: Texts, console: Console) -> None:
    """The draft; a new text at a later step replaces it."""
    await state.set_data({"html": message.html_text})
    await state.set_state(Cast.audience)
    counts = {a: await console.campaigns.count(a, console.event) for a in Audience}
    await message.answer(t("adm-cast-audience"), reply_markup=keyboards.audiences(t, counts))


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
    if await _preview(bot, cb.from_user.id, t, html, count, chosen):
        await state.update_data(audience=chosen.value)
        await state.set_state(Cast.confirm)
    else:
        await state.set_state(Cast.text)


async def send(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts,
               console: Console) -> None:
    data = await state.get_data()
    await state.clear()  # first: a second press finds no draft and cannot send twice
    count = await console.campaigns.count(data["audience"], console.event)
    key = await console.campaigns.broadcast(data["html"], data["audience"], console.admin_id,
                                            console.event, t.language)
    await console.record("broadcast", details=f"{key} to {data['audience']} ({count})")
    started = t("adm-cast-started", count=count, audience=t(f"adm-aud-{data['audience']}"))
    await screens.show(cb, bot, (started, None))


async def stop(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await screens.show(cb, bot, (t("adm-cast-stopped"), None))


async def stale(cb: CallbackQuery, t: Texts, callback_answer: CallbackAnswer) -> None:
    callback_answer.text, callback_answer.show_alert = t("adm-cast-stale"), True


def router() -> Router:
    r = Router(name="admin-broadcast")
    r.message.register(begin, Command("broadcast"))
    r.message.register(text, StateFilter(Cast), Inline(F.text), Inline(~F.text.startswith("/")))
    r.message.register(not_text, StateFilter(Cast), Inline(~F.text))
    r.callback_query.register(audience, StateFilter(Cast.audience),
                              CastCb.filter((F.act == "aud") & F.aud))
    r.callback_query.register(send, StateFilter(Cast.confirm), CastCb.filter(F.act == "send"))
    r.callback_query.register(stop, StateFilter(Cast), CastCb.filter(F.act == "stop"))
    r.callback_query.register(stale, CastCb.filter())
    return r
