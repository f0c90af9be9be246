"""One gate for every Bot API request of a process: a 429 pauses all of them.

Telegram's retry_after applies to the bot, not to one request, so the pause is shared:
replies to users and bulk sends alike wait it out. A reply refused with 429 is repeated
here (Telegram did nothing, so repeating cannot duplicate a message); a bulk send is
handed back to the Sender, which repeats it through its own pacing."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramRetryAfter

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response, TelegramMethod

log = logging.getLogger(__name__)

# Set by the Sender around its requests: it retries 429s itself, within its pacing.
PACED: ContextVar[bool] = ContextVar("paced", default=False)
# Set by the Sender when it took the Pacer's slot itself (to decide the content once the slot
# is granted): the Pacer does not take a second one for that request.
GRANTED: ContextVar[bool] = ContextVar("granted", default=False)


class RetryAfterGate(BaseRequestMiddleware):
    def __init__(self, max_retries: int = 5,
                 monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.max_retries = max_retries
        self.paused_until = 0.0
        self.monotonic = monotonic
        self._sleep = sleep

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self.monotonic() + seconds)
        log.warning("Telegram asks to wait %ss; all requests pause", seconds)

    @property
    def paused(self) -> bool:
        return self.paused_until > self.monotonic()

    async def wait(self) -> None:
        while (left := self.paused_until - self.monotonic()) > 0:
            await self._sleep(left)

    async def __call__(self, make_request: Any, bot: Bot,
                       method: TelegramMethod[Any]) -> Response[Any]:
        for attempt in range(self.max_retries + 1):
            await self.wait()
            try:
                response: Response[Any] = await make_request(bot, method)
                return response
            except TelegramRetryAfter as exc:
                self.pause(exc.retry_after)
                if PACED.get() or attempt == self.max_retries:
                    raise
        raise AssertionError("unreachable")
