# ruff: noqa: RUF001  (Kazakh and Russian texts: Cyrillic letters are meant)
"""Issue 19: every text of an event right in every language. The numbers are the issue's
findings: 1, an event made or edited in the chat never shows another event's texts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.seed import seed
from core.config import EventSection
from loopback import FakeTelegram, FakeUser, TravelClock
from loopback.faults import Fault, fault_on
from services.events import fresh_copy, settle_texts
from services.team import Role, Team
from storage.models import Applicant, Format
from tests.admin import admin, ask
from tests.harness import ADMIN, Running, has, has_button, start
from tests.reminders import EVENT_UTC, people, with_reminders
from tests.steps import reach
from tests.travel import travel

# The config's event has its own Russian and English versions: none of it may reach a
# reader of an event made in the chat.
OLD_TEXTS: dict[Any, Any] = {
    "ru": {"title": "Миграционная ситуация в Казахстане", "venue": "КНУ, Алматы",
           "address": "ул. Пушкина, 111", "organisers": "КНУ и ФЭС"},
    "en": {"title": "Migration situation in Kazakhstan", "venue": "DKU, Almaty",
           "address": "111 Pushkin Street"},
}
OLD_WORDS = ("Миграционная", "Пушкина", "КНУ", "Migration situation", "Pushkin", "DKU, Almaty")


def texts_settings(fake: FakeTelegram, folder: Path) -> Any:
    settings = with_reminders(fake, folder, [{"before": "P1D"}])
    data = settings.model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    assert data["event"] is not None
    data["event"]["text"] = OLD_TEXTS
    return type(settings).model_validate(data)


async def enrol(running: Running, fake: FakeTelegram, slug: str, user_id: int,
                language: str) -> FakeUser:
    user = fake.user(user_id, language_code=language)
    who = Applicant(user_id=user_id, chat_id=user_id, language=language,
                    full_name=f"Person {user_id}", organisation="NGO", role="ngo", phone=None)
    await (await running.desk(slug)).register(who, Format.OFFLINE)
    return user


async def my(user: FakeUser) -> str:
    await user.send("/my")
    return (await user.reply(has("📍"))).plain_text


async def steps(olga: FakeUser, answers: list[tuple[str | None, str]]) -> None:
    """Each step's answer (None: press Keep), then the text its reply shows."""
    for answer, expected in answers:
        if answer is None:
            await olga.press("Keep")
            await olga.reply(has(expected))
        else:
            await ask(olga, answer, expected)


async def test_finding_1_a_chat_event_never_shows_another_events_texts(
        fake: FakeTelegram, tmp_path: Path) -> None:
    olga = admin(fake)
    running = await start(fake, texts_settings(fake, tmp_path))
    try:
        await ask(olga, "/newevent", "New event", "without its texts in other languages")
        await steps(olga, [
            ("Labour migration after the pandemic", "Date and time"),
            ("2030-12-01 17:00", "Seats"), (None, "Does each registration wait"), (None, "Venue?"),
            ("Room 204", "Street address"), ("DKU, 2 Abay avenue", "Organisers"),
            (None, "Agenda"), (None, "Zoom conference ID"), (None, "Zoom passcode"),
            (None, "Zoom link"), (None, "Stream link"),
            (None, "Texts in Қазақша"),
            (None, "Texts in Русский"),
            ("Трудовая миграция после пандемии\nАудитория 204", "The new event")])
        preview = olga.messages[-1].plain_text
        assert "▫️ Қазақша: (falls back to your text)" in preview
        assert "✏️ Русский: Трудовая миграция после пандемии\nАудитория 204" in preview
        await olga.press("Save")
        await olga.reply(has("Event created"))
        slug = "labour-migration-aft-2030-12-01"
        ru, en, kk = (await enrol(running, fake, slug, 1, "ru"),
                      await enrol(running, fake, slug, 2, "en"),
                      await enrol(running, fake, slug, 3, "kk"))
        before = {"ru": await my(ru), "en": await my(en), "kk": await my(kk)}

        await ask(olga, "/editevent", "Editing the current event")
        await steps(olga, [(None, "Date and time"), (None, "Seats"),
                           (None, "Does each registration wait"), (None, "Venue?"),
                           ("Room 305", "Street address")])
        for expected in ("Organisers", "Agenda", "Zoom conference ID", "Zoom passcode",
                         "Zoom link", "Stream link", "Texts in Қазақша", "Texts in Русский",
                         "The event with your changes"):
            await olga.press("Keep")
            await olga.reply(has(expected))
        await olga.press("Save")
        await olga.reply(has("Saved"))
        told = (await ru.wait_for(has("изменения"))).plain_text
        after = {"ru": await my(ru), "en": await my(en), "kk": await my(kk)}
        travel(running, (await running.event(slug)).starts_utc - running.clock()
               - timedelta(days=1) + timedelta(minutes=1))
        reminded = {lang: (await user.wait_for(has("⏰"))).plain_text
                    for lang, user in (("ru", ru), ("en", en), ("kk", kk))}
    finally:
        await running.stop()
    everything = [*before.values(), *after.values(), *reminded.values(), told]
    assert "«Трудовая миграция после пандемии»" in told and "Room 305" in told
    for text in everything:
        assert not any(word in text for word in OLD_WORDS), text
    assert "Трудовая миграция после пандемии" in before["ru"]
    assert "Аудитория 204, DKU, 2 Abay avenue" in before["ru"]
    assert "Labour migration after the pandemic" in before["en"] + before["kk"]
    # The venue changed: the Russian version of the old one falls back to the new text.
    for text in (after["ru"], reminded["ru"]):
        assert "Трудовая миграция после пандемии" in text and "Room 305" in text
        assert "Аудитория 204" not in text
    assert all("Room 305" in text for text in (*after.values(), *reminded.values()))


def test_finding_1_a_new_event_starts_from_the_organisers_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """/newevent by a Russian organiser: the draft's texts are the ones they read (not the
    other event's plain English), and neither its translations nor its agenda come along."""
    root = Path(__file__).resolve().parent.parent
    from core.config import load_settings

    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", "123456:" + "A" * 35)
    info = load_settings(root / "config.example.toml").event
    assert info is not None
    new = fresh_copy(info, "ru")
    assert new.venue == "Казахстанско-Немецкий университет (КНУ), Алматы"
    assert new.organisers.startswith("Казахстанско-Немецкий университет")
    assert new.title.startswith("Миграционная ситуация")
    assert new.agenda == [] and new.text == {} and new.id is None


def test_finding_1_an_edit_drops_the_translations_of_what_it_changed() -> None:
    """Events saved before the fix carry the copied translations: the first edit of a
    text lets every language fall back to the new text unless given anew."""
    old = EventSection(title="New title", starts_at=datetime(2030, 12, 1, 17), venue="Room 204",
                       offline_capacity=3, contact_phone="+7", zoom_conference_id="1",
                       text=OLD_TEXTS)
    moved = old.model_copy(update={"venue": "Room 305"})
    settled = settle_texts(old, moved)
    assert settled.in_language("ru").venue == "Room 305"
    assert settled.in_language("en").venue == "Room 305"
    assert settled.in_language("ru").title == "Миграционная ситуация в Казахстане"  # unchanged
    given = moved.model_copy(update={"text": {**old.text, "ru": old.text["ru"].model_copy(
        update={"venue": "Аудитория 305"})}})
    assert settle_texts(old, given).in_language("ru").venue == "Аудитория 305"


async def test_finding_3_an_event_is_on_from_its_start_to_its_end(
        fake: FakeTelegram, running: Running) -> None:
    """12 November 2030, 17:00 Almaty, two hours: six minutes in, a late participant is
    given the way in, in every language; after the end it has taken place."""
    event = await running.event()
    running.clock.travel(event.starts_utc - running.clock() + timedelta(minutes=6))
    seen = {}
    for user_id, language in ((11, "ru"), (12, "kk")):
        user = fake.user(user_id, language_code=language)
        await user.send("/start")
        seen[language] = (await user.reply(has("🔴"))).plain_text
    late = fake.user(1, language_code="en")
    await late.send("/start")
    card = await late.reply(has("On now"))
    assert "846 8448 4087" in card.plain_text and "facebook.com/dku" in card.plain_text
    assert "has taken place" not in card.plain_text
    await late.press("Register")
    await late.wait_for(has_button("I agree"))
    await late.press("I agree")
    await late.wait_for(has("full name"))
    await late.send("Late Larry")
    await late.wait_for(has("organisation"))
    await late.send("NGO Help")
    await late.wait_for(has_button("NGO"))
    await late.press("NGO")
    await late.wait_for(has("phone number"))
    await late.send("Skip")
    formats = await late.wait_for(has_button("Online"))
    assert not any("Offline" in b for b in formats.buttons)
    await late.press("Online")
    await late.wait_for(has_button("Confirm"))
    await late.press("Confirm")
    registered = await late.wait_for(has("registered"))
    await late.send("/my")
    mine = await late.reply(has("846 8448 4087"))
    running.clock.travel(timedelta(hours=2))
    await late.send("/start")
    after = await late.reply(has("🗓"))
    assert "On now" in registered.plain_text and "On now" in mine.plain_text
    assert "Идёт сейчас" in seen["ru"] and "состоялось" not in seen["ru"]
    assert "Қазір өтіп жатыр" in seen["kk"] and "өтіп кетті" not in seen["kk"]
    assert "This event has taken place" in after.plain_text and not after.buttons


async def test_finding_8_a_language_switch_mid_form_asks_again_in_the_new_language(
        fake: FakeTelegram, running: Running) -> None:
    user = fake.user(1, language_code="en")
    await reach(user, "role")
    await user.send("/language")
    await user.reply(has_button("Русский"))
    await user.press("Русский")
    again = await user.wait_for(has("Кто вы на этом круглом столе"))
    assert "НКО" in " ".join(again.buttons)
    old = [m for m in user.messages if "Who are you at this round table?" in m.plain_text]
    assert all(not m.buttons for m in old)  # the English question's buttons are gone
    await user.press("НКО")
    await user.wait_for(has("телефон"))  # the answer counted: the form went on


async def test_finding_9_a_name_has_two_letters_and_no_link(fake: FakeTelegram,
                                                             running: Running) -> None:
    user = fake.user(1, language_code="en")
    await reach(user, "name")
    said = []
    for name in ("J", "https://spam.example.com", "@spammer", "spam.example.com"):
        await user.send(name)
        said.append((await user.reply(has("What is your full name?"))).plain_text)
    await user.send("Jo Li")
    await user.reply(has("Which organisation"))
    assert "too short for a name" in said[0]
    assert all("cannot be a link or an @username" in text for text in said[1:]), said


async def test_an_organisation_is_written_in_letters(fake: FakeTelegram,
                                                     running: Running) -> None:
    user = fake.user(1, language_code="en")
    await reach(user, "org")
    for junk in ("1", "-", "42."):
        await user.send(junk)
        said = await user.reply(has("Which organisation do you represent?"))
        assert "name of your organisation in letters" in said.plain_text, said.plain_text
    await user.send("ИП")  # two letters are enough
    await user.reply(has("Who are you at this round table?"))  # taken: the form goes on


async def test_finding_9_the_freed_seat_names_the_event_and_gives_the_pass(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, with_reminders(fake, tmp_path, [{"before": "PT1H"}],
                                               capacity=1, event={"zoom_passcode": "7 7 7"}))
    try:
        desk = await running.desk()
        for user_id in (1, 2):
            fake.user(user_id, language_code="en")
            who = Applicant(user_id=user_id, chat_id=user_id, language="en",
                            full_name=f"Person {user_id}", organisation="NGO", role="ngo",
                            phone=None)
            await desk.register(who, Format.OFFLINE)  # 2 waits, online meanwhile
        bob = fake.user(2)
        await desk.cancel(1)
        freed = await bob.wait_for(has("A seat has freed up"))
        await bob.press("Entry pass")
        entry = await bob.wait_for(lambda m: m.document is not None)
        await desk.switch(2, Format.ONLINE)
        newcomer = fake.user(3, language_code="en")
        await newcomer.send("/start")
        card = await newcomer.reply(has("846 8448 4087"))
        await bob.send("/my")
        mine = await bob.reply(has("846 8448 4087"))
        event = await running.event()
        travel(running, event.starts_utc - running.clock() - timedelta(minutes=59))
        reminded = await bob.wait_for(has("⏰"))
    finally:
        await running.stop()
    assert "A seat has freed up at “Round table”" in freed.plain_text
    assert any("Entry pass" in b for b in freed.buttons)
    assert entry.document is not None and entry.document[0] == "pass.png"
    assert "7 7 7" in mine.plain_text and "7 7 7" in reminded.plain_text
    assert "7 7 7" not in card.plain_text  # the public card keeps the passcode back


async def test_finding_7_organisers_hear_of_cancellations_releases_and_erasures(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Three steps within a minute reach the organiser as one digest, and /log lists them."""
    settings = with_reminders(fake, tmp_path, [
        {"before": "P1D", "audience": "all", "ask_attendance": True}], capacity=5)
    await seed(settings.storage.path, 3, offline=range(1, 4))
    people(fake, range(1, 4))
    olga = admin(fake)
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=20)))
    oscar = fake.user(9301, first_name="Oscar", language_code="ru")  # the event's organiser
    door = fake.user(9302, first_name="Dina", language_code="en")  # door staff: not told
    try:
        team: Team = running.app.dp["team"]
        event = await running.event()
        await team.add(event, Role.ORGANISER, oscar.id, "Oscar", ADMIN)
        await team.add(event, Role.DOOR, door.id, "Dina", ADMIN)
        await olga.send("/help")  # seen in English this run
        await olga.reply(has("/start"))
        one, two, three = fake.user(1), fake.user(2), fake.user(3)
        await two.wait_for(has("Are you still coming?"))
        await two.press("No, free my seat")
        await two.wait_for(has("Your seat is released"))
        await one.send("/my")
        await one.reply(has_button("Cancel registration"))
        await one.press("Cancel registration")
        await one.reply(has_button("Yes, cancel it"))
        await one.press("Yes, cancel it")
        await one.reply(has("Your registration is cancelled"))
        await three.send("/forget_me")
        await three.reply(has_button("Yes, erase my data"))
        await three.press("Yes, erase my data")
        await three.wait_for(has("your personal data is erased"))
        before = [m for m in olga.messages if "📮" in m.plain_text]
        running.clock.travel(timedelta(minutes=1, seconds=1))
        running.app.registrations.outbox.kick()
        digest = await olga.wait_for(has("📮"))
        theirs = await oscar.wait_for(has("📮"))
        await olga.send("/log")
        logged = await olga.reply(has("Latest organiser actions"))
    finally:
        await running.stop()
    assert before == []  # held for a minute: one message for the three
    assert [m for m in olga.messages if "📮" in m.plain_text] == [digest]
    assert "Person 1" in theirs.plain_text  # the event's organiser too, in their language
    assert not any("📮" in m.plain_text for m in door.messages)
    lines = digest.plain_text.splitlines()
    assert lines[0] == "📮 Round table: what participants did"
    assert "Person 2 answered \"No, free my seat\"" in lines[1]
    assert "Person 1 cancelled their registration" in lines[2]
    assert "(data erased): a participant erased their data" in lines[3]
    for text in ("participant · \"No, free my seat\" Person 2",
                 "participant · cancelled (by the participant) Person 1",
                 "participant · erased their data (data erased)"):
        assert text in logged.plain_text, logged.plain_text


async def test_a_stop_in_the_middle_of_the_digest_neither_repeats_nor_loses_it(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The digest is a recorded letter per organiser: stopped while the second one hangs
    on the wire, the bot sends that one after the restart and not the first again."""
    settings = with_reminders(fake, tmp_path, [], capacity=5)
    settings.sender.request_timeout = 1.0  # the stop's grace: two of them
    await seed(settings.storage.path, 1, offline=range(1, 2))
    people(fake, range(1, 2))
    olga = admin(fake)
    oscar = fake.user(9301, first_name="Oscar", language_code="ru")
    fake.add_fault(fault_on("sendMessage", Fault.hang(60), chat_id=oscar.id, times=None,
                            when=lambda params: "📮" in str(params.get("text", ""))))
    clock = TravelClock(EVENT_UTC - timedelta(hours=20))
    running = await start(fake, settings, clock)
    try:
        team: Team = running.app.dp["team"]
        await team.add(await running.event(), Role.ORGANISER, oscar.id, "Oscar", ADMIN)
        one = fake.user(1)
        await one.send("/my")
        await one.reply(has_button("Cancel registration"))
        await one.press("Cancel registration")
        await one.reply(has_button("Yes, cancel it"))
        await one.press("Yes, cancel it")
        await one.reply(has("Your registration is cancelled"))
        clock.travel(timedelta(minutes=1, seconds=1))
        running.app.registrations.outbox.kick()
        await olga.wait_for(has("📮"))
        await fake.wait_until(lambda: any(
            c.params.get("chat_id") == oscar.id for c in fake.calls("sendMessage")), timeout=10)
    finally:
        await running.stop()  # Oscar's letter is still on the wire
    assert not any("📮" in m.plain_text for m in oscar.messages)
    fake.clear_faults()
    running = await start(fake, settings, clock)
    try:
        theirs = await oscar.wait_for(has("📮"))
    finally:
        await running.stop()
    assert "Person 1" in theirs.plain_text
    assert len([m for m in olga.messages if "📮" in m.plain_text]) == 1
    assert len([m for m in oscar.messages if "📮" in m.plain_text]) == 1


async def test_finding_9_the_pass_shows_the_name_the_event_and_the_date(
        fake: FakeTelegram, running: Running) -> None:
    """Under the code (still readable): three lines of text, so a volunteer at the door
    can tell whose pass it is."""
    import io

    import zxingcpp
    from PIL import Image

    from services.entry_pass import checkin_link, pass_png, qr_png

    user = fake.user(1, language_code="ru")
    who = Applicant(user_id=1, chat_id=1, language="ru", full_name="Айгерим Нурланова",
                    organisation="NGO", role="ngo", phone=None)
    reg = (await (await running.desk()).register(who, Format.OFFLINE)).registration
    await user.send("/my")
    await user.reply(has_button("Пропуск"))
    await user.press("Пропуск")
    shot = await user.wait_for(lambda m: m.document is not None)
    assert shot.document is not None
    image = Image.open(io.BytesIO(shot.document[1])).convert("L")
    link = checkin_link("regbot_test", reg.entry_code or "")
    bare = Image.open(io.BytesIO(qr_png(link)))
    assert [found.text for found in zxingcpp.read_barcodes(image)] == [link]
    assert image.height > bare.height + 60
    below = image.crop((0, bare.height, image.width, image.height))
    assert sum(below.histogram()[:100]) > 0  # dark pixels: the lines are drawn
    assert pass_png(link, ["A"]) != pass_png(link, ["B"])  # the text is in the image
