"""A fan-out under Telegram's errors: 429s, blocked users, 5xx, timeouts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bench.seed import seed
from loopback import FakeTelegram, Fault, TravelClock, fault_on
from tests.harness import start
from tests.reminders import EVENT_UTC, people, reminders_to, with_reminders

RATE = 10


def busiest_second(moments: list[float]) -> int:
    """Most requests that arrived within any window of one second."""
    moments = sorted(moments)
    best, left = 0, 0
    for right, at in enumerate(moments):
        while at - moments[left] >= 1.0:
            left += 1
        best = max(best, right - left + 1)
    return best


async def test_every_reachable_attendee_gets_exactly_one_copy_within_the_rate(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = with_reminders(
        fake, tmp_path, [{"before": "PT1H", "audience": "all"}],
        sender={"rate_per_second": RATE, "per_chat_interval": 1.0, "retry_backoff": 0.05,
                "request_timeout": 1})
    users = range(1, 31)
    await seed(settings.storage.path, 10, online=users)
    people(fake, users)
    blocked = [3, 9, 15, 21, 27]
    for user_id in blocked:
        fake.block(user_id)
    # 20 % of the chats first get a 429 (1 to 3 s), some a 500, two a hang past the timeout.
    for user_id, wait in ((2, 1), (7, 2), (12, 1), (17, 3), (22, 1), (28, 1)):
        fake.add_fault(fault_on("sendMessage", Fault.too_many(wait), chat_id=user_id))
    for user_id in (4, 11, 19):
        fake.add_fault(fault_on("sendMessage", Fault.server_error(), chat_id=user_id, times=2))
    for user_id in (5, 25):
        fake.add_fault(fault_on("sendMessage", Fault.hang(3), chat_id=user_id))

    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(minutes=30)))
    reachable = [u for u in users if u not in blocked]
    await fake.wait_until(lambda: all(reminders_to(fake, u) for u in reachable), timeout=60)
    await fake.wait_until(lambda: not running.app.reminders.tasks, timeout=30)
    status = (await running.app.reminders.status(await running.event()))[0]
    unreachable = await running.app.db.fetchall(
        "SELECT user_id FROM registrations WHERE unreachable_at IS NOT NULL ORDER BY user_id")
    await running.stop()

    assert {u: len(reminders_to(fake, u)) for u in users} == {
        u: 0 if u in blocked else 1 for u in users}
    assert (status.report.sent, status.report.unreachable, status.report.failed) == (25, 5, 0)
    assert [row["user_id"] for row in unreachable] == blocked
    sends = [r.at for r in fake.calls("sendMessage")]
    assert len(sends) >= 30 + 6 + 6  # every refused attempt was repeated
    assert busiest_second(sends) <= RATE
