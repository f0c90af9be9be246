"""/list: choose a list, page through it, open one registration's details."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.i18n import Texts
from handlers.admin import screens
from handlers.admin.callbacks import ListCb, RegCb
from handlers.admin.console import Console
from storage.reports import KINDS


def router() -> Router:
    r = Router(name="admin-lists")

    @r.message(Command("list"))
    async def choose(message: Message, t: Texts, console: Console) -> None:
        text, markup = await screens.kinds(t, console)
        await message.answer(text, reply_markup=markup)

    @r.callback_query(ListCb.filter(F.kind == ""))
    async def back_to_kinds(cb: CallbackQuery, bot: Bot, t: Texts, console: Console) -> None:
        await cb.answer()
        await screens.show(cb, bot, await screens.kinds(t, console))

    @r.callback_query(ListCb.filter(F.kind.in_(KINDS) & (F.page >= 0)))
    async def page(cb: CallbackQuery, callback_data: ListCb, bot: Bot, t: Texts,
                   console: Console) -> None:
        await cb.answer()
        screen = await screens.page(t, console, callback_data.kind, callback_data.page)
        await screens.show(cb, bot, screen)

    @r.callback_query(RegCb.filter((F.act == "show") & F.kind.in_(KINDS) & (F.page >= 0)))
    async def details(cb: CallbackQuery, callback_data: RegCb, bot: Bot, t: Texts,
                      console: Console) -> None:
        reg = await console.ledger.get_by_id(callback_data.reg)
        if reg is None:
            await cb.answer(t("adm-no-such"), show_alert=True)
            return
        await cb.answer()
        screen = await screens.details(t, console, reg, callback_data.kind, callback_data.page)
        await screens.show(cb, bot, screen)

    return r
