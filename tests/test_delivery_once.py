"""A campaign run sends only what is still pending: rows already delivered (or given up)
are never sent again, whether the run is repeated or resumed. Fast: no process kill."""

from __future__ import annotations

from pathlib import Path

from aiogram import Bot

from bench.seed import seed
from core.sender import Sender
from core.throttle import RetryAfterGate
from loopback import FakeTelegram, TravelClock
from scheduler.fanout import Content, FanOut
from storage.database import Database
from storage.deliveries import Deliveries, Delivery
from storage.models import Registration

KEY = "broadcast:1"



async def test_delivered_rows_are_not_sent_again(fake: FakeTelegram, bot: Bot,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    await seed(path, 10, offline=range(1, 7))
    for user_id in range(1, 7):
        fake.user(user_id)
    db = await Database.open(path)
    clock = TravelClock()
    deliveries = Deliveries(db)
    fanout = FanOut(deliveries, Sender(bot, RetryAfterGate(), rate=200),
                    clock)

    async def render(reg: Registration) -> Content:
        return f"news for {reg.user_id}", None

    try:
        await deliveries.open(KEY, "broadcast", "all", clock(), 1)
        rows = await deliveries.pending(KEY)
        # A previous run got this far before it was stopped: two sent, one unreachable.
        for (delivery_id, _), status in zip(rows, (Delivery.SENT, Delivery.SENT,
                                                   Delivery.UNREACHABLE), strict=False):
            await deliveries.record(delivery_id, status, clock())
        first = await fanout.run(KEY, render)
        again = await fanout.run(KEY, render)
    finally:
        await db.close()
    got = {u: [m.plain_text for m in fake.sent(u)] for u in range(1, 7)}
    assert got == {1: [], 2: [], 3: [], 4: ["news for 4"], 5: ["news for 5"],
                   6: ["news for 6"]}
    assert first is not None and (first.sent, first.unreachable, first.pending) == (5, 1, 0)
    assert again is not None and again.sent == 5
