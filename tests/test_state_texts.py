"""Texts that follow the state: nothing a message says contradicts what is true now."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bench.seed import seed
from core.render import span
from loopback import FakeTelegram, TravelClock
from services.registration import Intake
from tests.harness import ADMIN, Running, has, register, settings_for, start
from tests.reminders import EVENT_UTC, people, reminders_to, with_reminders
from tests.steps import open_form
from tests.travel import travel

WAITLIST_INVITE = "register online and join the waitlist"


async def test_the_card_after_the_start_invites_nobody_to_a_waitlist(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=1))
    try:
        await register(fake.user(1, language_code="en"))  # the room is full now
        bob = fake.user(2, language_code="en")
        await bob.send("/start")
        assert WAITLIST_INVITE in (await bob.reply()).plain_text  # before: still true
        running.clock.now = EVENT_UTC + timedelta(minutes=5)
        await bob.send("/start")
        card = await bob.reply(has("Round table"))
        assert WAITLIST_INVITE not in card.plain_text
        assert "On now" in card.plain_text  # issue 19, finding 3: not "taken place"
        running.clock.now = EVENT_UTC - timedelta(hours=1)  # closed by the organisers
        await (await running.desk()).ledger.set_intake(Intake.CLOSED.value)
        await bob.send("/start")
        closed = await bob.reply(has("Registration is closed"))
        assert WAITLIST_INVITE not in closed.plain_text
    finally:
        await running.stop()


async def test_my_offers_no_format_switch_after_the_start(fake: FakeTelegram,
                                                          running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await register(alice)
    running.clock.now = EVENT_UTC + timedelta(minutes=5)
    await alice.send("/my")
    mine = await alice.reply(has("Entry code"))
    assert not any("online" in b.lower() or "offline" in b.lower() for b in mine.buttons)


async def test_closed_mid_form_is_said_at_the_next_step(fake: FakeTelegram,
                                                        running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await open_form(alice)
    await (await running.desk()).ledger.set_intake(Intake.CLOSED.value)
    await alice.send("Alice Smith")
    said = await alice.reply(has("Registration closed while you were filling in the form"))
    assert said.buttons == []
    assert await running.app.db.fetchone("SELECT 1 FROM fsm") is None


async def test_switching_online_says_the_old_code_is_void(fake: FakeTelegram,
                                                          running: Running) -> None:
    alice = fake.user(1, language_code="en")
    done = await register(alice)
    reg = await (await running.desk()).ledger.get(1)
    assert reg is not None and reg.entry_code and reg.entry_code in done.plain_text
    await alice.press("Switch to online")
    online = await alice.reply(has("Done"))
    assert reg.entry_code in online.plain_text and "no longer works" in online.plain_text
    await alice.press("Switch to offline")
    back = await alice.reply(has("Entry code"))
    assert "any earlier code no longer works" in back.plain_text


async def test_online_people_are_not_warned_about_a_seat(fake: FakeTelegram,
                                                         running: Running) -> None:
    bob = fake.user(2, language_code="en")
    await register(bob, fmt="Online")
    await bob.press("Cancel registration")
    ask = await bob.reply(has("Cancel your registration?"))
    assert "seat" not in ask.plain_text


async def test_an_admin_help_lists_the_console(fake: FakeTelegram, running: Running) -> None:
    admin = fake.user(ADMIN, language_code="en")
    await admin.send("/help")
    text = (await admin.reply(has("/start"))).plain_text
    assert "/stats" in text and "/broadcast" in text and "/log" in text
    alice = fake.user(1, language_code="en")
    await alice.send("/help")
    assert "/stats" not in (await alice.reply(has("/start"))).plain_text


async def test_the_card_shows_the_registration_deadline(fake: FakeTelegram,
                                                        tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path, registration_closes_at="2030-11-10T12:00:00")
    running = await start(fake, settings)
    try:
        alice = fake.user(1, language_code="en")
        await alice.send("/start")
        card = await alice.reply(has("Round table"))
        assert "Registration is open until 10 November 2030, 12:00" in card.plain_text
    finally:
        await running.stop()


async def test_reminders_say_how_long_until_the_start_and_link_zoom(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": "PT1H", "audience": "all"}])
    data = settings.model_dump(mode="python")
    data["event"]["zoom_url"] = "https://zoom.us/j/84684484087"
    settings = type(settings).model_validate(data)
    await seed(settings.storage.path, 10, offline=range(1, 2), online=range(2, 3))
    people(fake, range(1, 3))
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=2)))
    try:
        travel(running, timedelta(hours=1))
        await fake.wait_until(lambda: bool(reminders_to(fake, 1) and reminders_to(fake, 2)),
                              timeout=20)
        seated, online = reminders_to(fake, 1)[0], reminders_to(fake, 2)[0]
        assert "Starts in 1 hour" in seated and "Starts in 1 hour" in online
        sent = next(m for m in fake.sent(2) if "Reminder" in m.plain_text)
        assert '<a href="https://zoom.us/j/84684484087">' in sent.text
    finally:
        await running.stop()


def test_a_span_in_each_language() -> None:
    assert span(timedelta(hours=1), "en", ahead=True) == "in 1 hour"
    assert span(timedelta(hours=1), "ru", ahead=True) == "через 1 час"
    assert span(timedelta(days=1), "ru") == "1 день"


async def test_an_admin_cancelling_a_broadcast_draft_hears_about_the_draft(
        fake: FakeTelegram, running: Running) -> None:
    olga = fake.user(ADMIN, first_name="Olga", language_code="en")
    await olga.send("/broadcast")
    await olga.reply(has("Send me the message"))
    await olga.send("/cancel")
    said = await olga.reply()
    assert "Broadcast cancelled" in said.plain_text
    assert "Registration form" not in said.plain_text and "/start" not in said.plain_text


async def test_a_russian_console_reads_names_and_russian_words(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": "P1D", "audience": "all"}],
                              capacity=1)
    olga = fake.user(ADMIN, first_name="Ольга", language_code="ru")
    running = await start(fake, settings)
    try:
        await register(fake.user(1, language_code="en"))
        reg = await (await running.desk()).ledger.get(1)
        assert reg is not None and reg.entry_code
        await olga.send(f"/checkin {reg.entry_code}")
        await olga.reply()
        await olga.send("/log")
        log = await olga.reply(has("Последние действия"))
        row = log.plain_text.partition("\n\n")[2].splitlines()[1]  # after the event line
        assert "Ольга" in row and str(ADMIN) not in row
        assert "Alice Smith" in row and f"#{reg.id}" not in row
        assert "успешно" in row and ": ok" not in row
        await olga.send("/stats")
        stats = await olga.reply(has("Следующее напоминание"))
        assert "за 1 день" in stats.plain_text and "1d" not in stats.plain_text
    finally:
        await running.stop()


async def test_register_on_a_card_shown_before_closing_refreshes_the_card(
        fake: FakeTelegram, running: Running) -> None:
    bob = fake.user(2, language_code="en")
    await bob.send("/start")
    card = await bob.reply(has("Round table"))
    await (await running.desk()).ledger.set_intake(Intake.CLOSED.value)
    await bob.press("Register")
    assert "Registration is closed" in (await bob.answer_to_press())["text"]
    fresh = await bob.reply(has("Registration is closed"))
    assert fresh.message_id == card.message_id and fresh.buttons == []
