# ruff: noqa: RUF001  (Kazakh and Russian texts: Cyrillic letters are meant)
"""Issue 19: every text of an event right in every language. The numbers are the issue's
findings: 1, an event made or edited in the chat never shows another event's texts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from core.config import EventSection
from loopback import FakeTelegram, FakeUser
from services.events import settle_texts
from storage.models import Applicant, Format
from tests.admin import admin, ask
from tests.harness import Running, has, start
from tests.reminders import with_reminders
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
            ("2030-12-01 17:00", "Seats"), (None, "Venue?"),
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
        await steps(olga, [(None, "Date and time"), (None, "Seats"), (None, "Venue?"),
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
