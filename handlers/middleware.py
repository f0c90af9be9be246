"""Per-update: pick the catalog for the person who sent the update."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.i18n import Catalog


class LanguageMiddleware(BaseMiddleware):
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        data["t"] = self.catalog.for_language(user.language_code if user else None)
        return await handler(event, data)
