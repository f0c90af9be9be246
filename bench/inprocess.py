"""Driving a Dispatcher over the in-process transport: updates go in through
dp.feed_update, answers come back from MemorySession."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bench.common import percentile
from bench.memsession import MemorySession, Sent, callback_update, message_update
from bench.steps import Step
from bot.factory import App


class JourneyError(AssertionError):
    pass


@dataclass
class Run:
    """One burst: how many users and updates, how long, and each update's time in feed_update."""

    users: int
    wall: float = 0.0
    cpu: float = 0.0
    latencies: list[float] = field(default_factory=list)

    @property
    def updates(self) -> int:
        return len(self.latencies)

    @property
    def per_second(self) -> float:
        return self.updates / self.wall if self.wall else 0.0

    def p_ms(self, q: float) -> float:
        return percentile(self.latencies, q) * 1000


class Driver:
    def __init__(self, dp: Dispatcher, bot: Bot, session: MemorySession) -> None:
        self.dp, self.bot, self.session = dp, bot, session

    async def journey(self, user_id: int, steps: Iterable[Step], run: Run) -> None:
        message_id = 1
        for step in steps:
            if step.press:
                raw = callback_update(user_id, *self._button(user_id, step.what))
            else:
                raw = message_update(user_id, step.what, message_id)
                message_id += 2
            update = Update.model_validate(raw, context={"bot": self.bot})
            started = time.perf_counter()
            await self.dp.feed_update(self.bot, update)
            run.latencies.append(time.perf_counter() - started)
            self._check(user_id, step)

    async def burst(self, users: range, steps: tuple[Step, ...]) -> Run:
        """All users start at once; each sends its next update when the last one is handled."""
        run = Run(len(users))
        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(self.journey(u, steps, run) for u in users))
        run.wall, run.cpu = time.perf_counter() - wall, time.process_time() - cpu
        return run

    async def one_by_one(self, users: range, steps: tuple[Step, ...]) -> Run:
        """Users one after another: each update alone in the bot (no queueing)."""
        run = Run(len(users))
        wall, cpu = time.perf_counter(), time.process_time()
        for user in users:
            await self.journey(user, steps, run)
        run.wall, run.cpu = time.perf_counter() - wall, time.process_time() - cpu
        return run

    def _button(self, user_id: int, label: str) -> tuple[str, dict[str, object]]:
        recent = self.session.last(user_id)
        if label.startswith("echo:"):  # the echo bot has no buttons: press its last message
            if not recent:
                raise JourneyError(f"user {user_id}: nothing to press {label!r} on")
            return label, recent[0].json
        for exact in (True, False):
            for sent in recent:
                for text, data in sent.buttons.items():
                    if text == label if exact else label in text:
                        return data, sent.json
        raise JourneyError(f"user {user_id}: no button {label!r} in {_texts(recent)}")

    def _check(self, user_id: int, step: Step) -> None:
        recent = self.session.last(user_id)
        if step.button and not any(step.button in b for s in recent for b in s.buttons):
            raise JourneyError(f"user {user_id}: no button {step.button!r} after {step.what!r}:"
                               f" {_texts(recent)}")
        if step.text and not any(step.text in s.text for s in recent):
            raise JourneyError(f"user {user_id}: no {step.text!r} after {step.what!r}:"
                               f" {_texts(recent)}")


def _texts(recent: list[Sent]) -> list[str]:
    return [s.text[:60] for s in recent]


async def in_memory(app: App) -> MemorySession:
    """Move a built app onto the in-process transport (keeping its request middleware,
    the 429 gate) and start it as polling would: the startup hooks run."""
    session = MemorySession()
    old = app.bot.session
    session.middleware = old.middleware
    app.bot.session = session
    await old.close()
    await app.dp.emit_startup(bot=app.bot)
    return session


async def stop_in_memory(app: App) -> None:
    await app.dp.emit_shutdown(bot=app.bot)
    await app.db.close()
