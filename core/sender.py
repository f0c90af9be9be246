"""The one way bulk messages leave: classified, retried within bounds. Their pace is the
bot's Pacer (core/pacer.py), which every message-sending request goes through; bulk sends
are marked so that replies go first. Retries take a slot like first attempts.

- 429: the shared RetryAfterGate pauses the whole bot; the message is retried after it;
- 403 and "chat not found" mean the person cannot be reached: no retry;
- 5xx and timeouts are retried with exponential backoff, `max_attempts` in all.

A message whose content depends on what may change while it waits (a seat notice, a
reminder with the entry code) is sent with `send_decided`: its `decide` callback runs once
the Pacer has granted the slot, right before the request, and may say "not any more"
(None). The slot is taken here, not in the Pacer's middleware (GRANTED tells it so): a
decision made before the wait would be as old as the wait, which is seconds when the
person's own replies go first.
"""

from __future__ import annotations

import asyncio
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
from aiogram.types import InlineKeyboardMarkup, Message

from core.pacer import Pacer
from core.throttle import GRANTED, PACED, RetryAfterGate

MAX_429 = 10  # a message refused this often with 429 counts as failed

Content = tuple[str, InlineKeyboardMarkup | None]
# Awaited once the send slot is granted: the message as it must go now, or None if not.
Decide = Callable[[], Awaitable[Content | None]]
# Sends the decided content some other way than as a text message (a poll).
Via = Callable[[Content], Awaitable[Message]]


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
    poll_id: str | None = None  # a poll's, to match the answers to it


class Sender:
    def __init__(self, bot: Bot, gate: RetryAfterGate, rate: float, max_attempts: int = 5,
                 backoff: float = 0.5,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 pacer: Pacer | None = None) -> None:
        self.bot, self.gate = bot, gate
        # The bot's Pacer (the one in its session): without it, `decide` runs just before
        # the request and the slot is taken after it (a bot without pacing).
        self.pacer = pacer
        self.rate = rate  # the pace the bot's Pacer keeps; fan-outs size themselves by it
        self.max_attempts, self.backoff = max_attempts, backoff
        self._sleep = sleep

    async def send(self, chat_id: int, text: str,
                   reply_markup: InlineKeyboardMarkup | None = None) -> Sent:
        async def fixed() -> Content:
            return text, reply_markup

        sent = await self.send_decided(chat_id, fixed)
        assert sent is not None  # `fixed` always sends
        return sent

    async def send_decided(self, chat_id: int, decide: Decide,
                           via: Via | None = None) -> Sent | None:
        """Like send, with the content decided at each attempt once its slot is granted;
        None when `decide` says the message should not go (the slot is then spent).
        `via`: how it goes when not as a text message (e.g. a poll: Sent.poll_id)."""
        failures, refusals, error = 0, 0, ""
        while failures < self.max_attempts and refusals < MAX_429:
            attempt = failures + refusals + 1
            await self.gate.wait()
            if self.pacer is not None:
                await self.pacer.acquire(chat_id, bulk=True)  # replies go first
            content = await decide()
            if content is None:
                return None
            token = PACED.set(True)  # bulk: the Pacer lets replies go first
            granted = GRANTED.set(self.pacer is not None)
            try:
                if via is None:
                    message = await self.bot.send_message(chat_id, content[0],
                                                          reply_markup=content[1])
                else:
                    message = await via(content)
                return Sent(Result.SENT, message.message_id, attempts=attempt,
                            poll_id=message.poll.id if message.poll else None)
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
                GRANTED.reset(granted)
                PACED.reset(token)
        return Sent(Result.FAILED, error=error, attempts=failures + refusals)
