"""The one way bulk messages leave: classified, retried within bounds. Their pace is the
bot's Pacer (core/pacer.py), which every message-sending request goes through; bulk sends
are marked so that replies go first. Retries take a slot like first attempts.

- 429: the shared RetryAfterGate pauses the whole bot; the message is retried after it;
- 403 and "chat not found" mean the person cannot be reached: no retry;
- 5xx and timeouts are retried with exponential backoff, `max_attempts` in all.
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
from aiogram.types import InlineKeyboardMarkup, InputPollOption, Message

from core.throttle import PACED, RetryAfterGate

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
    poll_id: str | None = None  # a poll's, to match the answers to it


class Sender:
    def __init__(self, bot: Bot, gate: RetryAfterGate, rate: float, max_attempts: int = 5,
                 backoff: float = 0.5,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.bot, self.gate = bot, gate
        self.rate = rate  # the pace the bot's Pacer keeps; fan-outs size themselves by it
        self.max_attempts, self.backoff = max_attempts, backoff
        self._sleep = sleep

    async def send(self, chat_id: int, text: str,
                   reply_markup: InlineKeyboardMarkup | None = None) -> Sent:
        return await self.deliver(
            lambda: self.bot.send_message(chat_id, text, reply_markup=reply_markup))

    async def send_poll(self, chat_id: int, question: str, options: list[str]) -> Sent:
        """A native poll, not anonymous: Telegram then tells the bot who answered what
        (poll_answer), one answer per person. Sent.poll_id matches the answers."""
        return await self.deliver(lambda: self.bot.send_poll(
            chat_id, question, [InputPollOption(text=o) for o in options],
            is_anonymous=False))

    async def deliver(self, call: Callable[[], Awaitable[Message]]) -> Sent:
        """One bulk message, made by `call`, under the rules above."""
        failures, refusals, error = 0, 0, ""
        while failures < self.max_attempts and refusals < MAX_429:
            attempt = failures + refusals + 1
            await self.gate.wait()
            token = PACED.set(True)  # bulk: the Pacer lets replies go first
            try:
                message = await call()
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
                PACED.reset(token)
        return Sent(Result.FAILED, error=error, attempts=failures + refusals)
