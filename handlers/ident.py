"""/id answers anyone with their numeric Telegram id: the config's `admins` needs it, and
Telegram shows people only their username."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from core.i18n import Texts


async def ident(message: Message, t: Texts) -> None:
    if message.from_user is None:  # a channel post has no sender
        return
    # As text: Fluent would group a number's digits ("123,456"), which the config refuses.
    await message.answer(t("your-id", id=str(message.from_user.id)))


def router() -> Router:
    r = Router(name="ident")
    r.message.register(ident, Command("id"))
    return r
