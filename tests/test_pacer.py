"""The Pacer: one pace for every message, replies ahead of bulk sends, one message per chat
per interval. Asserted through the order and spacing of what reached the loopback API."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from core.pacer import Pacer
from core.sender import Result, Sender
from core.throttle import RetryAfterGate
from loopback import FakeTelegram


@pytest.fixture
async def paced(fake: FakeTelegram) -> AsyncIterator[tuple[Bot, RetryAfterGate]]:
    """A bot whose session paces like the app's: 50 messages/s, 0.3 s per chat."""
    gate = RetryAfterGate()
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url))
    session.middleware(gate)
    session.middleware(Pacer(50, 0.3, gate))
    client = Bot(fake.token, session=session)
    yield client, gate
    await client.session.close()


def sends(fake: FakeTelegram) -> list[tuple[int, str, float]]:
    return [(int(r.params["chat_id"]), str(r.params["text"]), r.at)
            for r in fake.calls("sendMessage")]


async def test_one_message_per_chat_per_interval_other_chats_unhindered(
        fake: FakeTelegram, paced: tuple[Bot, RetryAfterGate]) -> None:
    bot, _ = paced
    for chat in (1, 2):
        fake.user(chat)
    await asyncio.gather(*(bot.send_message(chat, f"m{n}")
                           for n, chat in enumerate((1, 1, 1, 2))))
    log = sends(fake)
    ones = [at for chat, _, at in log if chat == 1]
    assert all(b - a >= 0.29 for a, b in itertools.pairwise(ones)), log
    # Chat 2 did not wait behind chat 1's spacing: it went out second.
    assert [chat for chat, _, _ in log][:2] == [1, 2], log


async def test_replies_go_ahead_of_a_broadcast(fake: FakeTelegram,
                                               paced: tuple[Bot, RetryAfterGate]) -> None:
    bot, gate = paced
    for chat in range(1, 61):
        fake.user(chat)
    sender = Sender(bot, gate, rate=50)
    bulk = [asyncio.create_task(sender.send(chat, "news")) for chat in range(1, 51)]
    await fake.wait_until(lambda: len(fake.calls("sendMessage")) >= 5)
    await asyncio.gather(*(bot.send_message(chat, "reply") for chat in range(51, 61)))
    done = await asyncio.gather(*bulk)
    order = [text for _, text, _ in sends(fake)]
    assert all(d.result is Result.SENT for d in done)
    # All ten replies went out before the broadcast's last 30 messages.
    assert order.index("reply") < 20 and max(
        i for i, text in enumerate(order) if text == "reply") < len(order) - 30, order


async def test_a_caller_that_gives_up_does_not_hold_the_others() -> None:
    pacer = Pacer(20, 0, RetryAfterGate())
    order: list[str] = []

    async def take(name: str, chat: int) -> None:
        await pacer.acquire(chat, bulk=False)
        order.append(name)

    first = asyncio.create_task(take("first", 1))
    gone = asyncio.create_task(take("gone", 2))
    last = asyncio.create_task(take("last", 3))
    await first
    gone.cancel()
    await asyncio.wait_for(last, timeout=5)
    assert order == ["first", "last"]
    assert pacer.waiting == 0


async def test_a_reply_overtakes_bulk_sends_to_the_same_chat() -> None:
    pacer = Pacer(50, 0.2, RetryAfterGate())
    order: list[str] = []

    async def take(name: str, bulk: bool) -> None:
        await pacer.acquire(7, bulk=bulk)
        order.append(name)

    tasks = [asyncio.create_task(take(f"bulk{n}", True)) for n in range(3)]
    await asyncio.sleep(0)  # the three bulk tickets are queued first
    tasks.append(asyncio.create_task(take("reply", False)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    assert order[:2] == ["bulk0", "reply"], order
