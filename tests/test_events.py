"""A series of events, from the participant's side, end to end: one bot and one SQLite file
hold several events (each its own seats, waitlist, codes and reminders), a config edited to
the next event, an old config and an old database, deep links per event and format."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.config import Settings
from loopback import BotMessage, FakeTelegram, FakeUser, TravelClock
from storage.models import Placement
from tests.harness import ADMIN, Running, has, has_button, register, settings_for, start
from tests.reminders import EVENT_UTC, reminders_to, with_reminders
from tests.steps import NAME, ORG, PHONE_TYPED, QUESTION
from tests.test_migration_events import old_database
from tests.travel import travel

COMMON: dict[str, Any] = {
    "timezone": "Asia/Almaty", "venue": "DKU, Almaty", "contact_phone": "+7 777 397 11 27",
    "zoom_conference_id": "846 8448 4087", "stream_url": "https://facebook.com/dku",
    "organisers": "DKU & FES", "agenda": ["Migration today"],
}
# Two events a week apart (an `id` has 2 characters at least): A has one seat and the
# default plan (1 hour before); B has two seats, another venue and its own plan (1 day and
# 1 hour before).
A: dict[str, Any] = {"id": "alpha", "title": "Alpha talk", "starts_at": "2030-11-12T17:00:00",
                     "offline_capacity": 1}
B: dict[str, Any] = {"id": "beta", "title": "Beta forum", "starts_at": "2030-11-19T17:00:00",
                     "offline_capacity": 2, "venue": "Goethe-Institut, Almaty",
                     "reminders": [{"before": "P1D"}, {"before": "PT1H"}]}
A_UTC = datetime(2030, 11, 12, 12, tzinfo=UTC)  # 17:00 in Almaty
B_UTC = datetime(2030, 11, 19, 12, tzinfo=UTC)
HOUR = [{"before": "PT1H"}]


def config(fake: FakeTelegram, folder: Path, event: dict[str, Any] | None = None,
           events: Sequence[dict[str, Any]] = (),
           reminders: Sequence[dict[str, Any]] = ()) -> Settings:
    """A config as an organiser writes it: [event] and/or [[events]], one database file."""
    data: dict[str, Any] = {
        "telegram": {"token": fake.token, "api_base": fake.base_url, "admins": [ADMIN]},
        "storage": {"path": folder / "regbot.sqlite3"},
        "events": [COMMON | e for e in events],
        "reminders": list(reminders),
        "sender": {"rate_per_second": 200, "per_chat_interval": 0, "retry_backoff": 0.05},
    }
    if event is not None:
        data["event"] = COMMON | event
    return Settings.model_validate(data)


async def register_for(user: FakeUser, title: str, fmt: str = "Offline") -> BotMessage:
    """The whole form for the event `title`, chosen from the /start list."""
    await user.send("/start")
    await user.reply(has_button(title))
    await user.press(title)
    await user.reply(has_button("Register"))
    await user.press("Register")
    await user.reply(has_button("I agree"))
    await user.press("I agree")
    await user.reply(QUESTION["name"])
    await user.send(f"Person {user.id}")
    await user.reply(QUESTION["org"])
    await user.send(ORG)
    await user.reply(QUESTION["role"])
    await user.press("NGO")
    await user.reply(QUESTION["phone"])
    await user.send("Skip")
    await user.reply(QUESTION["format"])
    await user.press(fmt)
    await user.reply(QUESTION["confirm"])
    await user.press("Confirm")
    return await user.reply(has("You are registered"))


async def settle(fake: FakeTelegram, running: Running, expected: dict[int, int]) -> None:
    """Wait until each person has `expected` reminders and no fan-out is running."""
    await fake.wait_until(lambda: all(len(reminders_to(fake, u)) >= n
                                      for u, n in expected.items()), timeout=20)
    await fake.wait_until(lambda: not running.app.reminders.tasks, timeout=10)


def planned(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "scheduler.reminders"]


async def test_two_events_in_one_database(fake: FakeTelegram, tmp_path: Path,
                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="scheduler.reminders")
    clock = TravelClock(datetime(2030, 11, 10, 12, tzinfo=UTC))
    running = await start(fake, config(fake, tmp_path, events=[A, B], reminders=HOUR), clock)
    users = {i: fake.user(i, first_name=f"P{i}", language_code="en") for i in range(1, 5)}
    one = users[1]
    try:
        # The start-up log: every reminder of every event, in local time and UTC.
        a_id, b_id = (await running.event("alpha")).id, (await running.event("beta")).id
        assert (f"event alpha: reminder reminder:{a_id}:3600s-all planned for 2030-11-12 16:00 "
                "Asia/Almaty (2030-11-12 11:00 UTC)") in planned(caplog)
        assert (f"event beta: reminder reminder:{b_id}:86400s-all planned for 2030-11-18 17:00 "
                "Asia/Almaty (2030-11-18 12:00 UTC)") in planned(caplog)
        assert (f"event beta: reminder reminder:{b_id}:3600s-all planned for 2030-11-19 16:00 "
                "Asia/Almaty (2030-11-19 11:00 UTC)") in planned(caplog)

        # Two upcoming events: /start lists them; each button opens that event's card.
        await one.send("/start")
        listing = await one.reply(has("Upcoming events"))
        assert listing.buttons == ["Alpha talk", "Beta forum"]
        await one.press("Alpha talk")
        card_a = await one.reply(has_button("Register"))
        assert "Alpha talk" in card_a.plain_text and "1 of 1 seat left" in card_a.plain_text
        assert "Beta forum" not in card_a.plain_text
        await one.press("Beta forum")
        card_b = await one.reply(has_button("Register"))
        assert "Beta forum" in card_b.plain_text and "2 of 2 seats left" in card_b.plain_text
        assert "Goethe-Institut" in card_b.plain_text

        await register_for(one, "Alpha talk")  # A's only seat
        await register_for(users[2], "Alpha talk")  # A is full: waitlisted
        await register_for(one, "Beta forum")  # a seat in B too
        await register_for(users[3], "Beta forum")  # B's second seat
        await register_for(users[4], "Alpha talk", "Online")
        await register_for(users[4], "Beta forum")  # B is full: waitlisted

        desk_a, desk_b = await running.desk("alpha"), await running.desk("beta")
        counts_a, counts_b = await desk_a.counts(), await desk_b.counts()
        assert (counts_a.capacity, counts_a.seated, counts_a.waitlisted, counts_a.online) == (
            1, 1, 1, 1)
        assert (counts_b.capacity, counts_b.seated, counts_b.waitlisted, counts_b.online) == (
            2, 2, 1, 0)
        assert await desk_a.waitlist_position(2) == 1 and await desk_b.waitlist_position(4) == 1
        assert await desk_a.get(3) is None and await desk_b.get(2) is None
        one_a, one_b = await desk_a.get(1), await desk_b.get(1)
        assert one_a is not None and one_b is not None
        assert one_a.entry_code and one_b.entry_code and one_a.entry_code != one_b.entry_code

        # /my: one message per event, each with its own code.
        await one.send("/my")
        my_a, my_b = await one.reply(has("Alpha talk")), await one.reply(has("Beta forum"))
        assert one_a.entry_code in my_a.plain_text and one_b.entry_code not in my_a.plain_text
        assert one_b.entry_code in my_b.plain_text and "Goethe-Institut" in my_b.plain_text
        await users[4].send("/my")
        four_a = await users[4].reply(has("Alpha talk"))
        four_b = await users[4].reply(has("Beta forum"))
        assert "You take part online" in four_a.plain_text
        assert "number 1" in four_b.plain_text

        # Cancelling A (on A's message) leaves B as it was; A's seat goes to A's waitlist.
        cancel = next(data for label, data in my_a.buttons_data.items()
                      if "Cancel registration" in label)
        assert cancel is not None
        await one.press_data(cancel, my_a.message_id)
        await one.reply(has("Cancel your registration?"))
        await one.press("Yes, cancel it")
        await one.reply(has("Your registration is cancelled"))
        await users[2].wait_for(has("A seat has freed up"))
        left = await desk_a.get(1)
        assert left is not None and not left.active
        assert await desk_b.get(1) == one_b
        promoted = await desk_a.get(2)
        assert promoted is not None and promoted.placement is Placement.SEATED
        await one.send("/my")
        only_b = await one.reply(has("Beta forum"))
        assert one_b.entry_code in only_b.plain_text

        # A's reminder: A's people only, A's texts only.
        travel(running, A_UTC - timedelta(hours=1) - clock())
        await settle(fake, running, {2: 1, 4: 1})
        # B's two reminders: B's people only.
        travel(running, B_UTC - timedelta(days=1) - clock())
        await settle(fake, running, {1: 1, 3: 1, 4: 2})
        travel(running, B_UTC - timedelta(hours=1) - clock())
        await settle(fake, running, {1: 2, 3: 2, 4: 3})
        statuses_a = await running.app.reminders.status(await running.event("alpha"))
        statuses_b = await running.app.reminders.status(await running.event("beta"))
    finally:
        await running.stop()
    got = {u: reminders_to(fake, u) for u in users}
    assert {u: len(texts) for u, texts in got.items()} == {1: 2, 2: 1, 3: 2, 4: 3}
    assert all("Beta forum" in text and "Alpha" not in text for text in got[1] + got[3])
    assert all(one_b.entry_code in text for text in got[1])
    assert "Alpha talk" in got[2][0] and "entry code" in got[2][0]
    assert "Alpha talk" in got[4][0] and "846 8448 4087" in got[4][0]
    assert all("Beta forum" in text for text in got[4][1:])
    assert [(s.state, s.report.sent) for s in statuses_a] == [("done", 2)]
    assert [(s.state, s.report.sent) for s in statuses_b] == [("done", 3), ("done", 3)]


SERIES_PLAN = [{"before": "P1D"}, {"before": "PT1H"},
               {"before": "PT15M", "audience": "online"}]
FIRST: dict[str, Any] = {"id": "first", "title": "Migration round table",
                         "starts_at": "2030-11-12T17:00:00", "offline_capacity": 2}
SECOND: dict[str, Any] = {"id": "second", "title": "Labour round table",
                          "starts_at": "2030-12-10T15:00:00", "offline_capacity": 3}
SECOND_UTC = datetime(2030, 12, 10, 10, tzinfo=UTC)


async def test_the_config_edited_to_the_next_event(fake: FakeTelegram, tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    """The newcomer's path: the [event] is rewritten for the next round table, on the
    same database."""
    users = {i: fake.user(i, first_name=f"P{i}", language_code="en") for i in range(1, 5)}
    clock = TravelClock(datetime(2030, 11, 1, 6, tzinfo=UTC))
    first = await start(fake, config(fake, tmp_path, event=FIRST, reminders=SERIES_PLAN),
                        clock)
    try:
        await register(users[1])
        await register(users[2], fmt="Online")
    finally:
        await first.stop()

    clock.travel(datetime(2030, 11, 20, 6, tzinfo=UTC) - clock())  # the first has taken place
    caplog.set_level(logging.INFO, logger="scheduler.reminders")
    second = await start(fake, config(fake, tmp_path, event=SECOND, reminders=SERIES_PLAN),
                         clock)
    try:
        old, new = await second.event("first"), await second.event("second")
        log = planned(caplog)
        # The first event's reminders were missed: recorded as skipped, never sent.
        for key in ("86400s-all", "3600s-all", "900s-online"):
            assert any(line.startswith(f"event first: reminder reminder:{old.id}:{key} "
                                       "skipped") for line in log), log
        assert (f"event second: reminder reminder:{new.id}:86400s-all planned for "
                "2030-12-09 15:00 Asia/Almaty (2030-12-09 10:00 UTC)") in log
        assert (f"event second: reminder reminder:{new.id}:900s-online planned for "
                "2030-12-10 14:45 Asia/Almaty (2030-12-10 09:45 UTC)") in log

        # Only the new event is to come: /start is its card.
        await users[1].send("/start")
        card = await users[1].reply(has_button("Register"))
        assert "Labour round table" in card.plain_text and "3 of 3" in card.plain_text
        await register(users[3])
        await register(users[4], fmt="Online")

        travel(second, SECOND_UTC - timedelta(days=1) - clock())
        await settle(fake, second, {3: 1, 4: 1})
        travel(second, SECOND_UTC - timedelta(hours=1) - clock())
        await settle(fake, second, {3: 2, 4: 2})
        travel(second, SECOND_UTC - timedelta(minutes=15) - clock())
        await settle(fake, second, {4: 3})
        kept = await second.desk("first")
        seated, online = await kept.get(1), await kept.get(2)
        counts = await kept.counts()
        statuses = await second.app.reminders.status(new)
    finally:
        await second.stop()
    got = {u: reminders_to(fake, u) for u in users}
    assert {u: len(texts) for u, texts in got.items()} == {1: 0, 2: 0, 3: 2, 4: 3}
    assert all("Labour round table" in text for text in got[3] + got[4])
    # The first event's rows are kept, as they were.
    assert seated is not None and seated.active and seated.placement is Placement.SEATED
    assert seated.entry_code and online is not None and online.active
    assert (counts.seated, counts.online) == (1, 1)
    assert [(s.state, s.report.sent) for s in statuses] == [("done", 2), ("done", 2),
                                                            ("done", 1)]


async def test_an_old_config_adopts_an_old_database(fake: FakeTelegram, tmp_path: Path) -> None:
    """No `id` in [event] (slug "event") on a file made by the schema before events: the
    registrants keep their seats, codes and places; a reminder sent then is not repeated."""
    settings = with_reminders(fake, tmp_path, [{"before": "P1D"}, {"before": "PT1H"}])
    assert settings.event is not None and settings.event.id is None
    await old_database(settings.storage.path)
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(days=2)))
    try:
        event = await running.event("event")
        jobs = {job.id for job in running.app.scheduler.get_jobs() if job.id != "retention"}
        seated, waiting = fake.user(101, language_code="en"), fake.user(102, language_code="en")
        await seated.send("/my")
        mine = await seated.reply(has("Round table"))
        await waiting.send("/my")
        queued = await waiting.reply(has("Round table"))
        gone = fake.user(103, language_code="en")
        await gone.send("/my")  # cancelled before: the card, to register again
        card = await gone.reply(has_button("Register"))
    finally:
        await running.stop()
    assert event.id == 1 and event.slug == "event"
    assert "You have a seat" in mine.plain_text and "ABC234" in mine.plain_text
    assert "Айгерим" in mine.plain_text
    assert "number 1" in queued.plain_text
    assert "Round table" in card.plain_text
    # The 1-day reminder went out before the upgrade; only the 1-hour one is planned.
    assert jobs == {"reminder:1:3600s-all"}


PAST: dict[str, Any] = {"id": "old", "title": "Old times", "starts_at": "2030-10-20T17:00:00",
                        "offline_capacity": 5}


async def test_deep_links_per_event_and_format(fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, config(fake, tmp_path, events=[A, B, PAST], reminders=HOUR))
    user = fake.user(1, language_code="en")
    try:
        await user.send("/start alpha")
        card = await user.reply(has("Alpha talk"))
        assert card.buttons == ["📝 Register"] and "Beta forum" not in card.plain_text

        # B's offline link: B's form, without the format question.
        await user.send("/start beta_offline")
        await user.reply(has("Your personal data"))  # consent first, even by a link
        await user.press("I agree")
        await user.reply(QUESTION["name"])
        await user.send(NAME)
        await user.reply(QUESTION["org"])
        await user.send(ORG)
        await user.reply(QUESTION["role"])
        await user.press("NGO")
        await user.reply(QUESTION["phone"])
        await user.send(PHONE_TYPED)
        summary = await user.reply(QUESTION["confirm"])
        assert "Format: offline" in summary.plain_text
        assert not any("How will you take part?" in m.plain_text for m in user.messages)
        await user.press("Confirm")
        await user.reply(has("You are registered"))
        reg = await (await running.desk("beta")).get(1)
        assert reg is not None and reg.placement is Placement.SEATED
        assert await (await running.desk("alpha")).get(1) is None

        # Unknown links are an ordinary start: the list of upcoming events.
        for payload in ("nonsense", "alpha_bogus", "beta_", "_offline", "alpha_offline_x"):
            await user.send(f"/start {payload}")
            listing = await user.reply()
            assert "Upcoming events" in listing.plain_text, (payload, user.transcript())
            assert listing.buttons == ["Alpha talk", "✅ Beta forum"]

        # A past event's link (with or without a format): it has taken place, no button.
        for payload in ("old", "old_offline"):
            await user.send(f"/start {payload}")
            past = await user.reply()
            assert "Old times" in past.plain_text and "has taken place" in past.plain_text
            assert past.buttons == []
        assert await (await running.desk("old")).get(1) is None
    finally:
        await running.stop()


async def test_with_no_event_to_come_start_shows_the_latest_as_past(
        fake: FakeTelegram, tmp_path: Path) -> None:
    clock = TravelClock(datetime(2030, 11, 25, tzinfo=UTC))  # after A and B
    running = await start(fake, config(fake, tmp_path, events=[A, B]), clock)
    user = fake.user(1, language_code="en")
    try:
        await user.send("/start")
        past = await user.reply()
        await user.send("/my")  # nothing to come: the same screen
        again = await user.reply()
    finally:
        await running.stop()
    assert "Beta forum" in past.plain_text and "has taken place" in past.plain_text
    assert past.buttons == [] and "Register" not in past.plain_text
    assert again.plain_text == past.plain_text and again.buttons == []


async def test_a_single_old_style_event_after_its_start(fake: FakeTelegram,
                                                        tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path),
                          TravelClock(EVENT_UTC + timedelta(hours=2)))
    user = fake.user(1, language_code="en")
    try:
        await user.send("/start")
        past = await user.reply()
    finally:
        await running.stop()
    assert "Round table" in past.plain_text and "has taken place" in past.plain_text
    assert past.buttons == []


async def test_my_still_shows_the_code_of_the_event_on_now(fake: FakeTelegram,
                                                         tmp_path: Path) -> None:
    """At the door, after the start: /my keeps the latest started event's registration
    (with its entry code) next to those to come; an earlier one drops out."""
    clock = TravelClock(datetime(2030, 11, 10, tzinfo=UTC))
    running = await start(fake, config(fake, tmp_path, events=[A, B]), clock)
    user = fake.user(1, language_code="en")
    try:
        await register_for(user, "Alpha talk")
        await register_for(user, "Beta forum")
        reg_a = await (await running.desk("alpha")).get(1)
        reg_b = await (await running.desk("beta")).get(1)
        assert reg_a is not None and reg_b is not None
        code_a, code_b = reg_a.entry_code, reg_b.entry_code
        clock.travel(A_UTC + timedelta(minutes=10) - clock())  # A is on
        await user.send("/my")
        on_now, to_come = await user.reply(has("Alpha talk")), await user.reply(has("Beta"))
        clock.travel(B_UTC + timedelta(minutes=10) - clock())  # B is on, A is over
        await user.send("/my")
        await user.reply(has("Beta forum"))
        latest = [m for m in user.messages if m.seq > to_come.seq]
    finally:
        await running.stop()
    assert code_a and code_a in on_now.plain_text and code_b and code_b in to_come.plain_text
    assert len(latest) == 1 and code_b in latest[0].plain_text
