"""Seat notices go through the outbox: written with the seat change, sent after a crash,
and checked again at send time."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from bench.seed import T0, event, seed
from loopback import FakeTelegram
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Format, Placement
from tests.harness import Running, has, settings_for, start

FREED = "A seat has freed up"


async def notices(path: Path) -> list[tuple[int, str, str]]:
    db = await Database.open(path)
    try:
        rows = await db.fetchall("SELECT n.registration_id, n.kind, n.status FROM notices n"
                                 " ORDER BY n.id")
    finally:
        await db.close()
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


async def outbox_settled(running: Running) -> None:
    async with asyncio.timeout(10):
        await running.app.registrations.outbox.settled()


async def test_promotions_saved_before_a_crash_are_told_after_the_restart(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path, offline_capacity=10)
    path = settings.storage.path
    await seed(path, 10, offline=range(1, 41))  # 10 seated, 30 waiting
    users = {u: fake.user(u, language_code="en") for u in range(1, 41)}
    # The organiser's /capacity 10 -> 40 committed, then the process died before sending.
    db = await Database.open(path)
    promoted = await Ledger(db, await event(db, 10)).set_capacity(40, T0 + timedelta(days=2))
    await db.close()
    assert isinstance(promoted, tuple) and len(promoted) == 30
    running = await start(fake, settings)
    for user_id in range(11, 41):
        await users[user_id].wait_for(has(FREED))
    await outbox_settled(running)
    await running.stop()
    told = {u: sum(FREED in m.plain_text for m in fake.sent(u)) for u in range(1, 41)}
    assert told == {u: int(u > 10) for u in range(1, 41)}
    assert {status for _, _, status in await notices(path)} == {"sent"}


async def test_a_notice_no_longer_true_is_not_sent(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path, offline_capacity=1)
    path = settings.storage.path
    await seed(path, 1, offline=range(1, 3))  # 1 seated, 2 waiting
    waiting = fake.user(2, language_code="en")
    fake.user(1, language_code="en")
    db = await Database.open(path)
    ledger = Ledger(db, await event(db, 1))
    outcome = await ledger.cancel(1, T0 + timedelta(days=2))  # 2 is promoted...
    assert outcome is not None and [r.user_id for r in outcome.promoted] == [2]
    # ...and leaves the seat ("Leave the waitlist (stay online)") before the notice went out.
    await ledger.switch(2, Format.ONLINE, T0 + timedelta(days=2, seconds=1))
    reg = await ledger.get(2)
    await db.close()
    assert reg is not None and reg.placement is Placement.ONLINE
    running = await start(fake, settings)
    await outbox_settled(running)
    await waiting.send("/my")
    await waiting.wait_for(has("online"))
    await running.stop()
    assert not any(FREED in m.plain_text for m in fake.sent(2))
    assert await notices(path) == [(2, "promoted", "void")]
