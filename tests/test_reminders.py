"""Reminders end to end: real APScheduler, real SQLite, real Bot over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.seed import seed
from loopback import FakeTelegram, TravelClock
from tests.harness import start
from tests.reminders import EVENT_UTC, people, reminders_to, with_reminders
from tests.travel import travel


async def test_three_reminders_reach_each_active_person_once(fake: FakeTelegram,
                                                             tmp_path: Path) -> None:
    # Reminders at 3, 2 and 1 s before the start; the clock travels from one to the next.
    settings = with_reminders(fake, tmp_path, [
        {"before": 3, "audience": "all", "ask_attendance": True},
        {"before": 2, "audience": "all"},
        {"before": 1, "audience": "online"},
    ])
    await seed(settings.storage.path, 10, offline=range(1, 15), online=range(15, 27),
               cancelled=range(27, 31))
    people(fake, range(1, 31))
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=1)))

    def sent() -> int:
        return sum(len(reminders_to(fake, u)) for u in range(1, 31))

    travel(running, timedelta(hours=1) - timedelta(seconds=3))  # the first is due
    await fake.wait_until(lambda: sent() >= 26, timeout=20)
    travel(running, timedelta(seconds=1))  # the second
    await fake.wait_until(lambda: sent() >= 52, timeout=20)
    travel(running, timedelta(seconds=1))  # the third, online only
    await fake.wait_until(lambda: sent() >= 68, timeout=20)
    expected = {**{u: 2 for u in range(1, 11)},  # seated: the two "all" reminders
                **{u: 3 for u in range(11, 27)},  # waitlisted and online: all three
                **{u: 0 for u in range(27, 31)}}  # cancelled: none
    await fake.wait_until(lambda: not running.app.reminders.tasks, timeout=10)
    statuses = await running.app.reminders.status(await running.event())
    await running.stop()
    assert {u: len(reminders_to(fake, u)) for u in expected} == expected
    seated = reminders_to(fake, 1)
    assert "entry code" in seated[0] and "pre-registration" in seated[0]
    assert "Are you still coming?" in seated[0] and "still coming" not in seated[1]
    online = reminders_to(fake, 20)
    assert all("846 8448 4087" in text and "Almaty time" in text for text in online)
    assert "entry code" not in online[0]
    # Survivor 5 (core/render.py): waiting for a seat means online meanwhile: the Zoom
    # details, never the venue with an empty entry code.
    waiting = reminders_to(fake, 12)
    assert all("846 8448 4087" in text and "entry code" not in text for text in waiting)
    assert all("DKU" not in text for text in waiting)
    assert [s.state for s in statuses] == ["done", "done", "done"]
    assert [s.report.sent for s in statuses] == [26, 26, 16]


async def test_down_across_a_due_time_sends_one_catch_up(fake: FakeTelegram,
                                                         tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": "PT1H", "audience": "all"}])
    await seed(settings.storage.path, 10, offline=range(1, 3), online=range(3, 5))
    people(fake, range(1, 5))
    clock = TravelClock(EVENT_UTC - timedelta(minutes=30))  # the 16:00 reminder was missed
    first = await start(fake, settings, clock)
    await fake.wait_until(lambda: all(reminders_to(fake, u) for u in range(1, 5)), timeout=10)
    await fake.wait_until(lambda: not first.app.reminders.tasks, timeout=10)
    await first.stop()
    second = await start(fake, settings, clock)
    assert [j.id for j in second.app.scheduler.get_jobs()] == ["retention"]  # no reminder
    status = (await second.app.reminders.status(await second.event()))[0]
    await second.stop()
    assert [len(reminders_to(fake, u)) for u in range(1, 5)] == [1, 1, 1, 1]
    assert status.state == "done" and status.report.sent == 4


async def test_down_until_after_the_start_skips(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": "PT1H", "audience": "all"}])
    await seed(settings.storage.path, 10, online=range(1, 4))
    people(fake, range(1, 4))
    running = await start(fake, settings, TravelClock(EVENT_UTC + timedelta(minutes=1)))
    status = (await running.app.reminders.status(await running.event()))[0]
    await running.stop()
    assert status.state == "skipped" and status.report.skipped == 3
    assert not any(reminders_to(fake, u) for u in range(1, 4))


async def test_reminders_are_scheduled_for_their_due_time(fake: FakeTelegram,
                                                          tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": "P1D"}, {"before": "PT15M"}])
    clock = TravelClock(EVENT_UTC - timedelta(days=2))
    running = await start(fake, settings, clock)
    jobs = {job.id: job.next_run_time for job in running.app.scheduler.get_jobs()}
    await running.stop()
    now = datetime.now(UTC)
    day = jobs["reminder:1:86400s-all"] - now
    quarter = jobs["reminder:1:900s-all"] - now
    assert timedelta(hours=23, minutes=59) < day <= timedelta(days=1)
    assert timedelta(days=1, hours=23, minutes=44) < quarter <= timedelta(days=1, hours=23,
                                                                          minutes=45)
