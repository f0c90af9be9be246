"""The one gate of the admin console: a private chat with a configured admin.

Anyone else (and any group) falls through to the participant routers, where admin
commands and buttons get the same answer as any unknown command or stale button."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Chat, Message, User

from core.config import Settings


class AdminOnly(Filter):
    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        chat: Chat | None
        if isinstance(event, CallbackQuery):
            chat = event.message.chat if event.message else None
        else:
            chat = event.chat
        user: User | None = event.from_user
        return (chat is not None and user is not None and chat.type == "private"
                and chat.id == user.id and user.id in settings.telegram.admins)
