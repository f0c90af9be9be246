"""The one way bulk messages leave: paced, classified, retried within bounds.

- at most `rate` messages in any sliding second, spread evenly, and one per chat per
  `per_chat_interval`;
- 429 is handled by the shared RetryAfterGate (the whole bot pauses);
- 403 and "chat not found" mean the person cannot be reached: no retry;
- 5xx and timeouts are retried with exponential backoff, `max_attempts` in all.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardMarkup

WINDOW = 1.0


class Result(StrEnum):
    SENT = "sent"
    UNREACHABLE = "unreachable"
    FAILED = "failed"


@dataclass(frozen=True)
class Sent:
    result: Result
    message_id: int | None = None
    error: str | None = None


class Sender:
    def __init__(self, bot: Bot, rate: float, per_chat_interval: float = 1.0,
                 max_attempts: int = 5, backoff: float = 0.5,
                 monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.bot = bot
        self.rate = rate
        self.per_chat_interval = per_chat_interval
        self.max_attempts = max_attempts
        self.backoff = backoff
        self._monotonic = monotonic
        self._sleep = sleep
        self._recent: deque[float] = deque()  # start times of the last `rate` sends
        self._next_slot = 0.0
        self._chat_next: dict[int, float] = {}
        self._lock = asyncio.Lock()

    async def send(self, chat_id: int, text: str,
                   reply_markup: InlineKeyboardMarkup | None = None) -> Sent:
        error = ""
        for attempt in range(1, self.max_attempts + 1):
            await self._take_slot(chat_id)
            try:
                message = await self.bot.send_message(chat_id, text, reply_markup=reply_markup)
                return Sent(Result.SENT, message.message_id)
            except TelegramForbiddenError as exc:
                return Sent(Result.UNREACHABLE, error=exc.message)
            except TelegramBadRequest as exc:
                unreachable = "chat not found" in exc.message.lower()
                return Sent(Result.UNREACHABLE if unreachable else Result.FAILED, error=exc.message)
            except (TelegramServerError, TelegramNetworkError, TelegramRetryAfter) as exc:
                error = exc.message
                if attempt < self.max_attempts:
                    await self._sleep(self.backoff * 2 ** (attempt - 1))
        return Sent(Result.FAILED, error=error)

    async def _take_slot(self, chat_id: int) -> None:
        """Reserve the earliest moment allowed by all three limits, then wait for it."""
        async with self._lock:
            now = self._monotonic()
            at = max(now, self._next_slot, self._chat_next.get(chat_id, 0.0))
            if len(self._recent) >= self.rate:
                at = max(at, self._recent[0] + WINDOW)
            self._recent.append(at)
            while len(self._recent) > self.rate:
                self._recent.popleft()
            self._next_slot = at + 1.0 / self.rate
            self._chat_next[chat_id] = at + self.per_chat_interval
            if len(self._chat_next) > 10_000:  # forget chats whose pause is over
                self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        if (delay := at - self._monotonic()) > 0:
            await self._sleep(delay)
