"""/list: choose a list, page through it, open one registration's details."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers.admin import screens
from handlers.admin.callbacks import ListCb, RegCb
from handlers.admin.console import NAMES_EVENT, Console


async def choose(message: Message, t: Texts, console: Console) -> None:
    text, markup = await screens.kinds(t, console)
    await message.answer(text, reply_markup=markup)


async def back_to_kinds(cb: CallbackQuery, bot: Bot, t: Texts, console: Console) -> None:
    await screens.show(cb, bot, await screens.kinds(t, console))


async def page(cb: CallbackQuery, callback_data: ListCb, bot: Bot, t: Texts,
               console: Console) -> None:
    kind = callback_data.kind
    if kind == "":  # back_to_kinds takes these first; this only narrows the type
        return
    await screens.show(cb, bot, await screens.page(t, console, kind, callback_data.page))


async def details(cb: CallbackQuery, callback_data: RegCb, bot: Bot, t: Texts,
                  callback_answer: CallbackAnswer, console: Console) -> None:
    reg = await console.organiser.registration(callback_data.reg)
    if reg is None:
        callback_answer.text, callback_answer.show_alert = t("adm-no-such"), True
        return
    screen = await screens.details(t, console, reg, callback_data.kind, callback_data.page)
    await screens.show(cb, bot, screen)


def router() -> Router:
    r = Router(name="admin-lists")
    r.message.register(choose, Command("list"), flags=NAMES_EVENT)
    r.callback_query.register(back_to_kinds, ListCb.filter(F.kind == ""))
    r.callback_query.register(page, ListCb.filter((F.kind != "") & (F.page >= 0)))
    r.callback_query.register(details, RegCb.filter((F.act == "show") & (F.page >= 0)))
    return r
