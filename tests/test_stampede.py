"""A stampede in miniature: everyone registers at once against the loopback API enforcing
flood control (a global rate and one message per chat per interval, 429 past either). The
Pacer keeps the bot under both, so Telegram refuses nothing and nobody is left waiting."""

from __future__ import annotations

import asyncio
from pathlib import Path

from core.pacer import Pacer
from core.throttle import RetryAfterGate
from loopback import FakeTelegram, FloodControl
from tests.harness import register, settings_for, start

PEOPLE = 8


async def test_everyone_registers_and_telegram_refuses_nothing(fake: FakeTelegram,
                                                               tmp_path: Path) -> None:
    flood = FloodControl(per_second=20, per_chat=0.2)
    fake.add_fault(flood)
    settings = settings_for(fake, tmp_path)
    settings.sender.rate_per_second = 19
    settings.sender.per_chat_interval = 0.2
    running = await start(fake, settings)
    try:
        users = [fake.user(100 + n, first_name=f"P{n}") for n in range(PEOPLE)]
        answers = await asyncio.gather(*(register(u, name=f"Person {n}")
                                         for n, u in enumerate(users)))
        counts = await (await running.desk()).ledger.counts()
    finally:
        await running.stop()
    assert all("registered" in a.plain_text for a in answers)
    assert flood.refused == 0 and flood.accepted >= PEOPLE * 6
    assert counts.seated + counts.waitlisted + counts.online == PEOPLE, counts


async def test_the_pace_holds_in_every_second() -> None:
    """400 grants at 200 a second: never more than 200 in any one-second window (how close
    to the rate it gets is B3's business, in bench/)."""
    pacer = Pacer(200, 0, RetryAfterGate())
    loop = asyncio.get_running_loop()
    times: list[float] = []

    async def take(chat: int) -> None:
        await pacer.acquire(chat, bulk=chat % 2 == 0)
        times.append(loop.time())

    await asyncio.gather(*(take(n) for n in range(400)))
    times.sort()
    busiest = max(sum(1 for t in times[i:] if t - start < 1.0)
                  for i, start in enumerate(times))
    assert busiest <= 200, busiest
