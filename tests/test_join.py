"""Who came online: the last reminder's "Join now" answers with the link and records the
press, so the "attended" follow-up reaches online participants too."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bench.seed import seed
from loopback import FakeTelegram, TravelClock
from services.after import JoinCb
from tests.admin import admin, open_details
from tests.harness import has, has_button, start
from tests.reminders import EVENT_UTC, with_reminders
from tests.travel import travel

CAME = "Thank you for joining"


async def test_join_now_records_and_answers_with_the_link(fake: FakeTelegram,
                                                          tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": "P1D"}, {"before": "PT15M"}])
    data = settings.model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    data["event"]["followups"] = [{"after": "PT1H", "audience": "attended", "text": CAME}]
    settings = type(settings).model_validate(data)
    await seed(settings.storage.path, 10, offline=range(1, 2), online=range(2, 4))
    _seated, joining, silent = (fake.user(u, language_code="en") for u in (1, 2, 3))
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=2)))

    travel(running, timedelta(hours=1, minutes=45))  # 15 minutes before: the last one
    reminder = await joining.wait_for(has_button("Join now"))
    assert "Reminder" in reminder.plain_text
    await silent.wait_for(has_button("Join now"))
    assert not [m for m in fake.sent(1) if m.buttons]  # a seat: checked in at the door
    await silent.press_data(JoinCb(reg=2).pack())  # someone else's button: nothing
    assert "not yours" in (await silent.answer_to_press()).get("text", "")
    await joining.press("Join now")
    await joining.reply(has("Join here: https://facebook.com/dku"))

    travel(running, timedelta(minutes=15) + timedelta(hours=3))  # end + 1 h
    await joining.wait_for(has(CAME))
    await fake.wait_until(lambda: not [j for j in running.app.scheduler.get_jobs()
                                       if j.id.startswith("followup")], timeout=10)
    await running.stop()
    assert [m for m in fake.sent(3) if CAME in m.plain_text] == []
    assert [m for m in fake.sent(1) if CAME in m.plain_text] == []
    day_before = next(m for m in fake.sent(2) if "Reminder" in m.plain_text)
    assert not day_before.buttons  # a day ahead is not "now"


async def test_organisers_mark_present_and_absent_after_the_start(fake: FakeTelegram,
                                                                  tmp_path: Path) -> None:
    """In a registration's details, once the event has started: an online participant
    who never pressed "Join now" is marked present; a seat checked in by mistake, absent.
    The follow-ups go by the marks."""
    settings = with_reminders(fake, tmp_path, [])
    data = settings.model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    data["event"]["followups"] = [{"after": "PT1H", "audience": "attended", "text": CAME},
                                  {"after": "PT1H", "audience": "absent", "text": "Missed"}]
    settings = type(settings).model_validate(data)
    await seed(settings.storage.path, 10, offline=range(1, 2), online=range(2, 3))
    fake.user(1, language_code="en")
    online = fake.user(2, language_code="en")
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=1)))
    olga = admin(fake)
    before = await open_details(olga, "Online", "1. Person 2", "Person 2")
    assert "Mark present" not in " ".join(before.buttons)  # not before the start
    code = (await (await running.desk()).get(1))
    assert code is not None and code.entry_code
    await (await running.desk()).ledger.check_in(code.entry_code, running.clock())

    travel(running, timedelta(hours=1, minutes=5))  # on now
    await open_details(olga, "Online", "1. Person 2", "Person 2")
    await olga.press("Mark present")
    await olga.reply(has("Marked present."))
    await open_details(olga, "Offline", "1. Person 1", "Person 1")
    await olga.press("Mark absent")
    await olga.reply(has("Marked absent."))

    travel(running, timedelta(hours=3))  # the end + 1 h
    await online.wait_for(has(CAME))
    await fake.wait_until(lambda: any("Missed" in m.plain_text for m in fake.sent(1)))
    await fake.wait_until(lambda: not [j for j in running.app.scheduler.get_jobs()
                                       if j.id.startswith("followup")], timeout=10)
    await running.stop()
    assert not [m for m in fake.sent(1) if CAME in m.plain_text]
    assert not [m for m in fake.sent(2) if "Missed" in m.plain_text]
