"""The Pacer learns Telegram's real pace: the loopback API's flood control is tightened
mid-run, the Pacer follows it down, and back up once it is loosened again; nothing sent is
lost on the way. What is asserted is the direction of the pace, never a duration."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from core.pacer import Adapt, Pacer
from core.sender import Result, Sender, Sent
from core.throttle import RetryAfterGate
from loopback import FakeTelegram, FloodControl

# The same adaptation as the app's, in fractions of a second instead of seconds.
FAST = Adapt(hold=0.5, period=0.25, step=0.05)
DEADLINE = 90.0  # seconds: a condition not met by then fails the test


@dataclass
class Traffic:
    """Bulk sends going on all the time, each chat one message after another."""
    sender: Sender
    chats: range
    sent: list[tuple[str, Sent]] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    _texts: itertools.count[int] = field(default_factory=itertools.count)

    async def _worker(self, chat: int) -> None:
        while not self.stop.is_set():
            text = f"m{next(self._texts)}"
            self.sent.append((text, await self.sender.send(chat, text)))

    async def during(self, steps: Callable[[], Awaitable[None]]) -> None:
        workers = [asyncio.create_task(self._worker(chat)) for chat in self.chats]
        try:
            await steps()
        finally:
            self.stop.set()
            await asyncio.gather(*workers)


def paced_bot(fake: FakeTelegram, pacer: Pacer) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url))
    session.middleware(pacer.gate)
    session.middleware(pacer)
    return Bot(fake.token, session=session)


@pytest.fixture
async def bots() -> AsyncIterator[list[Bot]]:
    made: list[Bot] = []
    yield made
    for bot in made:
        await bot.session.close()


def nothing_lost(fake: FakeTelegram, traffic: Traffic) -> None:
    assert traffic.sent and all(s.result is Result.SENT for _, s in traffic.sent)
    delivered = Counter(str(r.params["text"]) for r in fake.calls("sendMessage")
                        if r.status == 200 and r.params["text"] != "reply")
    assert delivered == Counter(text for text, _ in traffic.sent)  # each exactly once


async def test_the_pace_follows_telegrams_limit_down_and_back_up(
        fake: FakeTelegram, bots: list[Bot]) -> None:
    flood = FloodControl(per_second=50, per_chat=0.0)  # the bot's 40 leaves a margin
    fake.add_fault(flood)
    gate = RetryAfterGate()
    pacer = Pacer(40, 0.0, gate, adapt=FAST)
    bots.append(bot := paced_bot(fake, pacer))
    for chat in range(1, 26):
        fake.user(chat)
    traffic = Traffic(Sender(bot, gate, rate=40), range(1, 21))

    async def steps() -> None:
        await fake.wait_until(lambda: flood.accepted >= 40, timeout=DEADLINE)
        assert pacer.rate == 40 and flood.refused == 0  # the configured pace fits
        flood.per_second = 10  # Telegram tightens its limit for this bot
        await fake.wait_until(lambda: pacer.rate <= 11, timeout=DEADLINE)
        # Replies still go ahead of the bulk sends waiting (one per worker at most).
        before = len(fake.calls("sendMessage"))
        await asyncio.gather(*(bot.send_message(chat, "reply") for chat in range(21, 26)))
        after = [str(r.params["text"]) for r in fake.calls("sendMessage")[before:]
                 if r.status == 200]
        assert after[:10].count("reply") == 5, after
        flood.per_second = 50  # ... and loosens it again
        await fake.wait_until(lambda: pacer.rate == 40, timeout=DEADLINE)
        refused, accepted = flood.refused, flood.accepted
        await fake.wait_until(lambda: flood.accepted >= accepted + 80, timeout=DEADLINE)
        assert flood.refused == refused  # back at the configured pace, within the limit

    await traffic.during(steps)
    assert flood.refused  # it did find the lower limit by running into it
    nothing_lost(fake, traffic)


async def test_the_spacing_per_chat_follows_a_chats_limit_and_back(
        fake: FakeTelegram, bots: list[Bot]) -> None:
    flood = FloodControl(per_second=1000, per_chat=0.0)
    fake.add_fault(flood)
    gate = RetryAfterGate()
    pacer = Pacer(200, 0.1, gate, adapt=FAST)
    bots.append(bot := paced_bot(fake, pacer))
    for chat in (1, 2, 3):
        fake.user(chat)
    traffic = Traffic(Sender(bot, gate, rate=200), range(1, 4))

    async def steps() -> None:
        await fake.wait_until(lambda: flood.accepted >= 10, timeout=DEADLINE)
        flood.per_chat = 0.5  # one message per chat every half second
        await fake.wait_until(lambda: pacer.per_chat_interval >= 0.45, timeout=DEADLINE)
        flood.per_chat = 0.0
        await fake.wait_until(lambda: pacer.per_chat_interval == 0.1, timeout=DEADLINE)

    await traffic.during(steps)
    assert flood.refused
    assert pacer.rate == 200  # a chat's limit, not the bot's
    nothing_lost(fake, traffic)
