"""Building and showing the list and details screens (one message, edited in place)."""

from __future__ import annotations

import contextlib
from math import ceil

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from core.i18n import Texts
from handlers.admin import keyboards, views
from handlers.admin.callbacks import Kind
from handlers.admin.console import Console
from storage.models import Registration

PAGE = 10
Screen = tuple[str, InlineKeyboardMarkup | None]


async def show(cb: CallbackQuery, bot: Bot, screen: Screen) -> int:
    """Replace the pressed message; send a new one if it cannot be edited any more.
    Returns the id of the message that shows it."""
    text, markup = screen
    if isinstance(cb.message, Message):
        # An edit into what is shown already is done (core/edits.py).
        with contextlib.suppress(TelegramBadRequest):  # too old, deleted: a new one
            await cb.message.edit_text(text, reply_markup=markup)
            return cb.message.message_id
    return (await bot.send_message(cb.from_user.id, text, reply_markup=markup)).message_id


async def kinds(t: Texts, console: Console) -> Screen:
    return t("adm-list-choose"), keyboards.kinds(t, await console.organiser.list_sizes())


async def page(t: Texts, console: Console, kind: Kind, number: int) -> Screen:
    total = (await console.organiser.list_sizes())[kind]
    pages = max(1, ceil(total / PAGE))
    number = min(number, pages - 1)
    regs = await console.organiser.page(kind, number * PAGE, PAGE)
    label = t(f"adm-kind-{kind}")
    if not regs:
        return t("adm-list-empty", kind=label), keyboards.page(t, kind, 0, 1, 1, [])
    lines = [t("adm-list-head", kind=label, total=total, page=number + 1, pages=pages)]
    positions = await console.organiser.queue_positions()
    for i, reg in enumerate(regs, start=number * PAGE + 1):
        lines.append(views.row(t, i, reg, console.tz, positions.get(reg.id)))
    return "\n\n".join(lines), keyboards.page(t, kind, number, pages, number * PAGE + 1, regs)


async def details(t: Texts, console: Console, reg: Registration, kind: Kind, number: int,
                  head: str = "") -> Screen:
    text = views.details(t, reg, console.tz, await console.organiser.waitlist_position(reg),
                         console.event.info)
    return (f"{head}\n\n{text}" if head else text), keyboards.details(
        t, reg, kind, number, console.desk.started())
