"""The one way bulk messages leave: paced, classified, retried within bounds.

- at most `rate` requests in any sliding second, spread evenly, and one per chat per
  `per_chat_interval`; retries take a slot like first attempts;
- 429: the shared RetryAfterGate pauses the whole bot; the message is retried after it;
- 403 and "chat not found" mean the person cannot be reached: no retry;
- 5xx and timeouts are retried with exponential backoff, `max_attempts` in all.
"""

from __future__ import annotations

import asyncio
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

from bot.throttle import PACED, RetryAfterGate

WINDOW = 1.0
# Telegram counts requests where they arrive; network jitter can bring two of them closer
# there than they left here. Pacing as if the window were this much longer keeps every
# second at the endpoint within the limit, for 2 % of the rate.
JITTER = 0.02
# A slot missed because every worker was busy may still be used this long after its
# moment, so a busy event loop does not lower the rate; the window rule still holds.
SLACK = 0.05
MAX_429 = 10  # a message refused this often with 429 counts as failed


class Result(StrEnum):
    SENT = "sent"
    UNREACHABLE = "unreachable"
    FAILED = "failed"


@dataclass(frozen=True)
class Sent:
    result: Result
    message_id: int | None = None
    error: str | None = None
    attempts: int = 1


class Sender:
    def __init__(self, bot: Bot, gate: RetryAfterGate, rate: float,
                 per_chat_interval: float = 1.0, max_attempts: int = 5, backoff: float = 0.5,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.bot, self.gate, self.rate = bot, gate, rate
        self.per_chat_interval = per_chat_interval
        self.max_attempts, self.backoff = max_attempts, backoff
        self._sleep = sleep
        self._recent: deque[float] = deque()  # moments of the last `rate` requests
        self._next_slot = 0.0
        self._chat_next: dict[int, float] = {}
        self._lock = asyncio.Lock()

    async def send(self, chat_id: int, text: str,
                   reply_markup: InlineKeyboardMarkup | None = None) -> Sent:
        failures, refusals, error = 0, 0, ""
        while failures < self.max_attempts and refusals < MAX_429:
            attempt = failures + refusals + 1
            await self._take_slot(chat_id)
            token = PACED.set(True)
            try:
                message = await self.bot.send_message(chat_id, text, reply_markup=reply_markup)
                return Sent(Result.SENT, message.message_id, attempts=attempt)
            except TelegramForbiddenError as exc:
                return Sent(Result.UNREACHABLE, error=exc.message, attempts=attempt)
            except TelegramBadRequest as exc:
                unreachable = "chat not found" in exc.message.lower()
                return Sent(Result.UNREACHABLE if unreachable else Result.FAILED,
                            error=exc.message, attempts=attempt)
            except TelegramRetryAfter as exc:
                refusals, error = refusals + 1, exc.message  # the gate holds everyone back
            except (TelegramServerError, TelegramNetworkError) as exc:
                failures, error = failures + 1, exc.message
                if failures < self.max_attempts:
                    await self._sleep(self.backoff * 2 ** (failures - 1))
            finally:
                PACED.reset(token)
        return Sent(Result.FAILED, error=error, attempts=failures + refusals)

    async def _take_slot(self, chat_id: int) -> None:
        """Reserve the earliest moment allowed by every limit and wait for it; if a 429
        pause began meanwhile, reserve again after it."""
        while True:
            await self.gate.wait()
            async with self._lock:
                now = self.gate.monotonic()
                at = max(now - SLACK, self._next_slot, self._chat_next.get(chat_id, 0.0))
                if len(self._recent) >= self.rate:
                    at = max(at, self._recent[0] + WINDOW + JITTER)
                self._recent.append(max(at, now))  # when it really leaves
                while len(self._recent) > self.rate:
                    self._recent.popleft()
                self._next_slot = at + (WINDOW + JITTER) / self.rate
                self._chat_next[chat_id] = at + self.per_chat_interval
                if len(self._chat_next) > 10_000:  # forget chats whose pause is over
                    self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
            if (delay := at - self.gate.monotonic()) > 0:
                await self._sleep(delay)
            if not self.gate.paused:
                return
