"""What a newcomer trying the bot found: the event's zone named as a city in every
language, counts in the grammar of each language, erased people in the organiser's list,
organiser notices in the organiser's language, and registrations that end with the event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.seed import seed
from core.i18n import Catalog
from loopback import FakeTelegram, FakeUser, TravelClock
from tests.harness import ADMIN, Running, has, has_button, register, settings_for, start
from tests.steps import reach
from tests.test_privacy import two_events
from tests.test_storage_faults import write_lock
from tests.travel import travel


async def test_every_language_names_the_zone_by_its_city(fake: FakeTelegram,
                                                          running: Running) -> None:
    said = {}
    for user_id, language in ((1, "en"), (2, "ru"), (3, "kk")):
        user = fake.user(user_id, language_code=language)
        await user.send("/start")
        said[language] = (await user.reply(has("🗓"))).plain_text
    assert "(Almaty time)" in said["en"]
    assert "(по времени Алматы)" in said["ru"]
    assert "(Алматы уақыты бойынша)" in said["kk"]
    assert not any("Asia/Almaty" in text for text in said.values())


async def test_counts_are_said_in_each_languages_grammar(fake: FakeTelegram,
                                                          tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=2))
    try:
        alice = fake.user(1, language_code="en")
        await register(alice)  # one of the two seats is left
        formats = await reach(fake.user(2, language_code="en"), "format")
        olga = fake.user(ADMIN)
        await olga.send("/capacity 1")
        capacity = await olga.reply(has("The room now has"))
        await olga.send("/export csv")
        export = await olga.wait_for(lambda m: m.document is not None)
        # The same numbers for a Russian-speaking organiser.
        ru = Catalog().for_language("ru")
    finally:
        await running.stop()
    assert "Offline (1 seat left)" in formats.buttons[0]
    assert "The room now has 1 seat (1 taken)" in capacity.plain_text
    assert "1 registration · times in" in export.plain_text
    assert ru("adm-capacity-set", capacity=1, seated=1) == "🪑 Теперь в зале 1 место (занято 1)."
    assert "22 места" in ru("adm-capacity-set", capacity=22, seated=0)
    assert "5 мест" in ru("adm-capacity-set", capacity=5, seated=0)
    assert "21 регистрация" in ru("adm-export-caption", count=21, tz="Asia/Almaty")


async def test_erased_people_show_as_data_erased_to_the_organisers(
        fake: FakeTelegram, small: Running) -> None:
    alice = fake.user(1, language_code="en")
    await register(alice)
    await alice.send("/forget_me")
    await alice.reply(has("Erase all your personal data"))
    await alice.press("Yes, erase my data")
    await alice.wait_for(has("your personal data is erased"))
    olga = fake.user(ADMIN)
    await olga.send("/list")
    await olga.reply(has("Which list?"))
    await olga.press("📋 All")
    listed = await olga.wait_for(has("1. (data erased)"))
    row, buttons = listed.plain_text, listed.buttons  # the message is edited into the card
    await olga.press("1. (data erased)")
    card = await olga.wait_for(has("#1"))
    await olga.send("/export csv")
    export = await olga.wait_for(lambda m: m.document is not None)
    assert "1. (data erased) · ✖️ cancelled" in row
    assert ", ()" not in row and "not given" not in row
    assert "1. (data erased)" in buttons
    assert card.plain_text.startswith("(data erased) · #1")
    assert export.document is not None
    assert "(data erased)" in export.document[1].decode("utf-8-sig")


async def choose_english(user: FakeUser) -> None:
    await user.send("/language")
    await user.reply(has_button("English"))
    await user.press("English")
    await user.wait_for(has("I will write to you in English"))


async def test_the_retention_warning_is_in_the_organisers_own_language(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = two_events(fake, tmp_path)  # "old" is erased 30 days after 10 January
    await seed(settings.storage.path, 10, offline=range(1, 3), slug="old")
    olga = fake.user(ADMIN, language_code="ru")  # Telegram says Russian; she chose English
    running = await start(fake, settings, TravelClock(datetime(2030, 2, 1, tzinfo=UTC)))
    try:
        await choose_english(olga)
        travel(running, timedelta(days=8))  # within a day of the erasure
        warning = await olga.wait_for(has("Tomorrow the personal data"))
        await olga.press("Export now")
        document = await olga.wait_for(lambda m: m.document is not None)
    finally:
        await running.stop()
    assert "«Round table»" in warning.plain_text and "30 days" in warning.plain_text
    assert not any("Завтра" in m.plain_text for m in olga.messages)
    assert "registrations" in document.plain_text  # the caption


async def test_a_second_organiser_hears_in_the_telegram_language_seen(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """No choice made: the language Telegram gave with their last update; never seen:
    the default language."""
    settings = two_events(fake, tmp_path)
    settings.telegram.admins = [ADMIN, ADMIN + 1, ADMIN + 2]
    await seed(settings.storage.path, 10, offline=range(1, 3), slug="old")
    olga, kairat = fake.user(ADMIN, language_code="ru"), fake.user(ADMIN + 1, language_code="kk")
    nobody = fake.user(ADMIN + 2, language_code="en")  # never writes to the bot
    running = await start(fake, settings, TravelClock(datetime(2030, 2, 1, tzinfo=UTC)))
    try:
        await choose_english(olga)
        await kairat.send("/help")
        await kairat.reply(has("/start"))
        travel(running, timedelta(days=8))
        await olga.wait_for(has("Tomorrow the personal data"))
        await kairat.wait_for(has("Ертең"))
        await nobody.wait_for(has("Завтра персональные данные"))
    finally:
        await running.stop()


async def test_the_storage_alarm_is_in_the_organisers_own_language(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path)
    settings.storage.busy_timeout = timedelta(seconds=0.1)
    olga = fake.user(ADMIN, language_code="ru")
    running = await start(fake, settings)
    try:
        await choose_english(olga)
        alice = fake.user(1, language_code="en")
        await reach(alice, "confirm")
        with write_lock(settings.storage.path):
            await alice.press("Confirm")
            await alice.reply(has("temporary problem"))
            alarm = await olga.wait_for(has("⚠️"))
    finally:
        await running.stop()
    assert "The bot cannot write its database" in alarm.plain_text


async def test_a_registration_settles_at_the_start_and_ends_with_the_event(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The event starts 12 November 2030, 17:00 Almaty, and lasts two hours."""
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=1))
    try:
        alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
        await register(alice)  # the one seat
        await register(bob, name="Bob Brown")  # the waitlist
        await alice.send("/my")
        before = await alice.reply(has_button("Cancel registration"))
        stale = before.message_id
        data = before.buttons_data  # kept: pressing them edits the message
        cancel, entry_pass = data["✖️ Cancel registration"], data["🎫 Entry pass (QR)"]
        assert cancel is not None and entry_pass is not None
        desk = await running.desk()
        counts = await desk.counts()

        running.clock.travel(desk.event.starts_utc - running.clock() + timedelta(minutes=30))
        await alice.send("/my")
        during = await alice.reply(has("You have a seat"))
        during_buttons = during.buttons
        await alice.press_data(cancel, stale)
        refused_during = await alice.answer_to_press()
        await alice.press("Entry pass")
        await alice.wait_for(lambda m: m.document is not None and m.document[0] == "pass.png")

        running.clock.travel(timedelta(days=10))
        await alice.send("/my")
        after = await alice.reply()
        await alice.press_data(cancel, stale)
        refused_after = await alice.answer_to_press()
        await alice.press_data(entry_pass, stale)
        pass_after = await alice.answer_to_press()
        seat, queued = await desk.get(1), await desk.get(2)
        counts_after = await desk.counts()
    finally:
        await running.stop()
    assert any("Entry pass" in b for b in during_buttons)
    assert not any("Cancel" in b or "Switch" in b for b in during_buttons)
    assert "has started" in refused_during["text"] and refused_during["show_alert"]
    assert "This event has taken place" in after.plain_text
    assert "Show it at the door" not in after.plain_text and not after.buttons
    assert refused_after["text"] == ("This event has already taken place: nothing can be "
                                     "changed any more.")
    assert "already taken place" in pass_after["text"]
    assert seat is not None and seat.active and seat.entry_code  # nothing changed
    assert queued is not None and queued.waitlisted_at is not None
    assert counts_after == counts
    assert not any("freed up" in m.plain_text for m in bob.messages)
