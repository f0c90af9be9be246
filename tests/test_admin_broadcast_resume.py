"""A broadcast to 100 under 429s and blocked users, with a restart in the middle."""

from __future__ import annotations

from pathlib import Path

from bench.seed import seed
from loopback import FakeTelegram, Fault, fault_on
from tests.admin import admin, ask
from tests.harness import has, has_button, settings_for, start

TEXT = "Doors open at 16:30"
USERS = range(1, 101)
BLOCKED = (10, 20, 30, 40, 50)


def got(fake: FakeTelegram, user_id: int) -> int:
    return sum(TEXT in m.plain_text for m in fake.sent(user_id))


async def test_restart_mid_broadcast_resumes_without_repeats(fake: FakeTelegram,
                                                             tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path)
    settings.sender.rate_per_second = 25
    await seed(settings.storage.path, 10, online=USERS)
    for user_id in USERS:
        fake.user(user_id)
    for user_id in BLOCKED:
        fake.block(user_id)
    for user_id in (3, 57, 81):
        fake.add_fault(fault_on("sendMessage", Fault.too_many(1), chat_id=user_id))
    olga = admin(fake)

    first = await start(fake, settings)
    await ask(olga, "/broadcast", "Send me the message")
    await olga.send(TEXT)
    await olga.reply(has("Who should get it?"))
    await olga.press("everyone (100)")
    await olga.reply(has("Send the message below to 100"))
    await olga.reply(has_button("Send"))  # the preview, with Send
    await olga.press("Send")
    await fake.wait_until(lambda: sum(got(fake, u) for u in USERS) >= 30, timeout=20)
    await first.stop()  # graceful: sends in flight finish and are recorded
    halfway = sum(got(fake, u) for u in USERS)
    assert halfway < 95, "the stop came too late to interrupt the broadcast"

    second = await start(fake, settings)
    report = await olga.wait_for(has("Broadcast finished"), timeout=30)
    rows = await second.app.db.fetchall(
        "SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
    await second.stop()

    assert {u: got(fake, u) for u in USERS} == {u: 0 if u in BLOCKED else 1 for u in USERS}
    assert {r["status"]: r["n"] for r in rows} == {"sent": 95, "unreachable": 5}
    assert "95 sent, 5 unreachable, 0 failed" in report.plain_text
