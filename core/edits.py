"""An edit that changes nothing is done, not an error: pressing the same button twice
(e.g. "Yes, erase" again) edits a message into what it already shows, and Telegram
answers "message is not modified". Every edit the bot makes goes through this request
middleware, so no handler has to remember it (and none fails with a traceback)."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    EditMessageCaption,
    EditMessageMedia,
    EditMessageReplyMarkup,
    EditMessageText,
    TelegramMethod,
)
from aiogram.methods.base import Response

EDITS = (EditMessageText, EditMessageReplyMarkup, EditMessageCaption, EditMessageMedia)


class NotModifiedIsDone(BaseRequestMiddleware):
    async def __call__(self, make_request: Any, bot: Bot,
                       method: TelegramMethod[Any]) -> Response[Any]:
        try:
            response: Response[Any] = await make_request(bot, method)
            return response
        except TelegramBadRequest as exc:
            if isinstance(method, EDITS) and "message is not modified" in exc.message:
                # True stands in for the edited message (Telegram's answer for inline
                # messages): the message already shows what was asked.
                done: Response[Any] = True  # type: ignore[assignment]
                return done
            raise
