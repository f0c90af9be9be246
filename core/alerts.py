"""A button's answer (the pop-up or alert of answerCallbackQuery) is plain text, while every
catalog text is HTML for messages: "Approved: Bob &amp; Co" would show its codes. Every
answer the bot gives goes through this request middleware, so no handler has to remember
it: tags are dropped, entities read back, and the text kept within Telegram's 200
characters."""

from __future__ import annotations

import html
import re
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response

from core.render import shorten

ALERT_MAX = 200  # Telegram's limit for a callback answer's text
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """HTML as a person reads it: '<b>Bob</b> &amp; Co' -> 'Bob & Co'."""
    return html.unescape(_TAG.sub("", text))


class PlainAlerts(BaseRequestMiddleware):
    async def __call__(self, make_request: Any, bot: Bot,
                       method: TelegramMethod[Any]) -> Response[Any]:
        if isinstance(method, AnswerCallbackQuery) and method.text:
            method.text = plain(method.text)
            if len(method.text) > ALERT_MAX:
                method.text = shorten(method.text, ALERT_MAX)
        response: Response[Any] = await make_request(bot, method)
        return response
