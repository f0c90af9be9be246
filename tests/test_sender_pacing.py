"""The Sender's limits, on a virtual clock (no waiting): one message per chat per
`per_chat_interval`, while other chats are not held back by it."""

from __future__ import annotations

import itertools

from aiogram import Bot

from bot.sender import Result, Sender
from bot.throttle import RetryAfterGate
from loopback import FakeTelegram


class VirtualTime:
    """A monotonic clock that moves only when someone sleeps on it."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)



async def test_one_message_per_chat_per_interval_other_chats_unhindered(
        fake: FakeTelegram, bot: Bot) -> None:
    fake.user(1)
    fake.user(2)
    time = VirtualTime()
    gate = RetryAfterGate(monotonic=time.monotonic, sleep=time.sleep)
    sender = Sender(bot, gate, rate=1000, per_chat_interval=1.0, sleep=time.sleep)
    moments: list[tuple[int, float]] = []
    for chat in (1, 1, 2, 1):
        sent = await sender.send(chat, f"hello {chat}")
        assert sent.result is Result.SENT
        moments.append((chat, time.now))
    first = [at for chat, at in moments if chat == 1]
    gaps = [later - earlier for earlier, later in itertools.pairwise(first)]
    assert gaps and all(gap >= 1.0 for gap in gaps), moments
    # Chat 2 went out at once, not a second after chat 1's last message.
    assert moments[2][1] - moments[1][1] < 0.1, moments
    assert [m.plain_text for m in fake.sent(1)] == ["hello 1"] * 3
