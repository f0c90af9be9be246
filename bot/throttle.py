"""One gate for every Bot API request of a process: a 429 pauses all of them.

Telegram's retry_after applies to the bot, not to one request, so the pause is shared:
replies to users and bulk sends alike wait it out, then the refused request is repeated
(a 429 means Telegram did nothing, so repeating cannot duplicate a message)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramRetryAfter

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response, TelegramMethod

log = logging.getLogger(__name__)


class RetryAfterGate(BaseRequestMiddleware):
    def __init__(self, max_retries: int = 5,
                 monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.max_retries = max_retries
        self.paused_until = 0.0
        self._monotonic = monotonic
        self._sleep = sleep

    async def wait(self) -> None:
        while (left := self.paused_until - self._monotonic()) > 0:
            await self._sleep(left)

    async def __call__(self, make_request: Any, bot: Bot,
                       method: TelegramMethod[Any]) -> Response[Any]:
        for attempt in range(self.max_retries + 1):
            await self.wait()
            try:
                response: Response[Any] = await make_request(bot, method)
                return response
            except TelegramRetryAfter as exc:
                if attempt == self.max_retries:
                    raise
                until = self._monotonic() + exc.retry_after
                self.paused_until = max(self.paused_until, until)
                log.warning("Telegram asks to wait %ss (%s); all requests pause",
                            exc.retry_after, type(method).__name__)
        raise AssertionError("unreachable")
