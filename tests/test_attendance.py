""""Still coming?" on the day-before reminder: No frees the seat for the next in line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bench.seed import seed
from loopback import FakeTelegram, TravelClock
from tests.harness import has, start
from tests.reminders import EVENT_UTC, people, with_reminders
from tests.travel import travel


async def test_no_releases_the_seat_and_promotes_the_first_waiting(fake: FakeTelegram,
                                                                   tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [
        {"before": "P1D", "audience": "all", "ask_attendance": True}], capacity=1)
    await seed(settings.storage.path, 1, offline=range(1, 4))  # 1 seated, 2 and 3 waiting
    people(fake, range(1, 4))
    seated, first_waiting = fake.user(1), fake.user(2)
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=20)))
    question = await seated.wait_for(has("Are you still coming?"))
    assert question.buttons == ["✅ Yes, I am coming", "✖️ No, free my seat"]
    waiting_reminder = await first_waiting.wait_for(has("Reminder"))
    assert not waiting_reminder.buttons  # online for now: no seat to confirm

    # Someone else's copy of the button changes nothing.
    no_data = question.buttons_data["✖️ No, free my seat"]
    assert no_data is not None
    await first_waiting.press_data(no_data, message_id=waiting_reminder.message_id)
    assert "out of date" in (await first_waiting.answer_to_press())["text"]

    await seated.press("No, free my seat")
    await seated.wait_for(has("Your seat is released"))
    promoted = await first_waiting.wait_for(has("A seat has freed up"))
    ledger = (await running.desk()).ledger
    one, two, three = [await ledger.get(u) for u in (1, 2, 3)]
    await running.stop()
    assert one is not None and one.format == "online" and one.entry_code is None
    assert two is not None and two.entry_code and two.entry_code in promoted.plain_text
    assert three is not None and three.waitlisted_at is not None


async def test_yes_keeps_the_seat(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [
        {"before": "P1D", "audience": "all", "ask_attendance": True}], capacity=1)
    await seed(settings.storage.path, 1, offline=range(1, 3))
    people(fake, range(1, 3))
    seated = fake.user(1)
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=20)))
    await seated.wait_for(has("Are you still coming?"))
    await seated.press("Yes, I am coming")
    await seated.wait_for(has("see you there"))
    answer = await running.app.db.fetchone("SELECT answer FROM deliveries WHERE"
                                           " registration_id = 1")
    reg = await (await running.desk()).ledger.get(1)
    await running.stop()
    assert answer is not None and answer["answer"] == "yes"
    assert reg is not None and reg.format == "offline"


async def test_silence_releases_the_seat_at_the_deadline_when_switched_on(
        fake: FakeTelegram, tmp_path: Path) -> None:
    ask_at = EVENT_UTC - timedelta(hours=20)
    settings = with_reminders(
        fake, tmp_path, [{"before": "P1D", "audience": "all", "ask_attendance": True}],
        capacity=2, attendance={"release_silent": True,
                                "deadline": timedelta(hours=20) - timedelta(seconds=3)})
    await seed(settings.storage.path, 2, offline=range(1, 4))  # 1, 2 seated; 3 waiting
    people(fake, range(1, 4))
    silent, confirming, waiting = fake.user(1), fake.user(2), fake.user(3)
    clock = TravelClock(ask_at)
    running = await start(fake, settings, clock)
    await confirming.wait_for(has("Are you still coming?"))
    await confirming.press("Yes, I am coming")
    await confirming.wait_for(has("see you there"))
    await silent.wait_for(has("Are you still coming?"))
    travel(running, timedelta(seconds=3))  # the deadline
    await silent.wait_for(has("did not confirm"), timeout=15)
    await waiting.wait_for(has("A seat has freed up"))
    ledger = (await running.desk()).ledger
    one, two, three = [await ledger.get(u) for u in (1, 2, 3)]
    await running.stop()
    assert one is not None and one.format == "online"
    assert two is not None and two.format == "offline"
    assert three is not None and three.format == "offline"


async def test_silence_keeps_the_seat_by_default(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [
        {"before": "P1D", "audience": "all", "ask_attendance": True}], capacity=1)
    assert settings.attendance.release_silent is False
    await seed(settings.storage.path, 1, offline=range(1, 3))
    people(fake, range(1, 3))
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=20)))
    await fake.user(1).wait_for(has("Are you still coming?"))
    jobs = [job.id for job in running.app.scheduler.get_jobs()]
    await running.stop()
    assert "release-silent" not in jobs


async def test_a_no_after_the_start_hands_no_seat_on(fake: FakeTelegram,
                                                     tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [
        {"before": "P1D", "audience": "all", "ask_attendance": True}], capacity=1)
    await seed(settings.storage.path, 1, offline=range(1, 3))  # 1 seated, 2 waiting
    people(fake, range(1, 3))
    seated = fake.user(1)
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=20)))
    try:
        await seated.wait_for(has("Are you still coming?"))
        travel(running, timedelta(hours=20, minutes=30))  # the event has begun
        await seated.press("No, free my seat")
        refused = await seated.answer_to_press()
        reg = await (await running.desk()).ledger.get(1)
    finally:
        await running.stop()
    assert "has started" in refused["text"] and refused["show_alert"]
    assert reg is not None and reg.format == "offline" and reg.entry_code
    assert not any("freed up" in m.plain_text for m in fake.sent(2))
