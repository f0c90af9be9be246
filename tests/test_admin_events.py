"""The organisers' events console end to end: /events, /newevent, /editevent and the
broadcast that invites another event's registrants, over the loopback Bot API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.config import EventSection
from core.render import shorten
from handlers.admin import drafts
from handlers.admin.callbacks import DraftCb
from loopback import BotMessage, FakeTelegram, FakeUser
from services.events import Event
from storage.models import Applicant, Format
from tests.admin import admin, ask, audit_rows, enrol
from tests.harness import ADMIN, Running, has, has_button, start
from tests.reminders import with_reminders

LINK = "https://t.me/regbot_test?start="


async def chat_event(running: Running, title: str, starts_at: str, capacity: int = 10,
                     **more: object) -> Event:
    """An event as /newevent makes it (a copy of the config's with these changes)."""
    events = running.app.registrations.events
    base = (await running.event()).info
    info = base.model_copy(update={"title": title, "offline_capacity": capacity, "id": None,
                                   "starts_at": datetime.fromisoformat(starts_at), **more})
    event = await events.create(info)
    await running.app.campaigns.plan_event(event)
    return event


async def enrol_in(running: Running, fake: FakeTelegram, event: Event, user_id: int,
                   fmt: Format = Format.OFFLINE, language: str = "en") -> None:
    fake.user(user_id, first_name=f"P{user_id}", language_code=language)
    running.clock.travel(timedelta(seconds=1))
    who = Applicant(user_id=user_id, chat_id=user_id, language=language,
                    full_name=f"Person {user_id}", organisation="NGO Help", role="ngo",
                    phone=None)
    await running.app.registrations.of(event).register(who, fmt)


async def step(olga: FakeUser, text: str, *expected: str) -> None:
    """Answer a draft step with text; wait for the bot's next question."""
    await ask(olga, text, *expected)


async def keep(olga: FakeUser, *expected: str) -> BotMessage:
    """Press the step's Keep; its prompt becomes the next step's question."""
    await olga.press("Keep")
    return await olga.reply(has(*expected))


async def test_events_lists_and_switches(fake: FakeTelegram, small: Running) -> None:
    spring = await chat_event(small, "Spring forum", "2031-03-20T18:00:00", capacity=20)
    autumn = await chat_event(small, "Autumn school", "2030-10-01T10:00:00")  # already past
    await enrol(small, fake, 1)
    await enrol(small, fake, 2)
    await enrol_in(small, fake, spring, 3)
    await enrol_in(small, fake, spring, 4, Format.ONLINE)
    await enrol_in(small, fake, autumn, 5)
    olga = admin(fake)

    listed = await ask(olga, "/events", "Events")
    text = listed.plain_text
    assert text.index("Coming") < text.index("Round table") < text.index("Spring forum")
    assert text.index("Spring forum") < text.index("Past") < text.index("Autumn school")
    assert ("📌 Round table · 12 November 2030, 17:00 (Asia/Almaty) · 🪑 2/3 · ⏳ 0 · 💻 0"
            in text)
    assert "▫️ Spring forum · 20 March 2031, 18:00 (Asia/Almaty) · 🪑 1/20 · ⏳ 0 · 💻 1" in text
    assert listed.buttons == ["📌 Round table · 12.11.2030", "Spring forum · 20.03.2031",
                              "Autumn school · 01.10.2030"]

    # Every console answer is headed by the event it is about: its first line, not a
    # message of its own (issue 19, finding 5).
    count = len(olga.messages)
    stats = await ask(olga, "/stats", "Seats taken: 2 of 3")
    assert stats.plain_text.startswith("📌 Round table · 12 November 2030, 17:00\n\n")
    assert len(olga.messages) == count + 1

    await olga.press("Spring forum")
    chosen = await olga.reply(has("now works on this event"))
    assert chosen.message_id == listed.message_id
    assert "📌 Spring forum · 20 March 2031, 18:00" in chosen.plain_text
    assert chosen.buttons[1] == "📌 Spring forum · 20.03.2031"

    await olga.send("/stats")
    stats = await olga.reply(has("Seats taken"))
    assert stats.plain_text.startswith("📌 Spring forum · 20 March 2031, 18:00\n\n")
    assert "Spring forum" in stats.plain_text
    assert "Seats taken: 1 of 20" in stats.plain_text and "Online: 1" in stats.plain_text
    # ... and stays chosen: another admin command works on it too.
    await ask(olga, "/door", "Door: 0 of 1 arrived · room of 20")
    await ask(olga, "/capacity", "Room: 20 seats")


async def test_event_buttons_cut_long_titles_between_words(fake: FakeTelegram,
                                                          small: Running) -> None:
    await chat_event(small, "Labour migration and the role of non-governmental organisations"
                            " in Central Asia", "2031-03-20T18:00:00")
    listed = await ask(admin(fake), "/events", "Events")
    assert "Labour migration and the role of… · 20.03.2031" in listed.buttons, listed.buttons


async def test_an_event_without_agenda_or_organisers_shows_no_empty_heading(
        fake: FakeTelegram, small: Running) -> None:
    spring = await chat_event(small, "Spring forum", "2031-03-20T18:00:00", agenda=[],
                              organisers="")
    reader = fake.user(7, language_code="ru")
    await reader.send(f"/start {spring.slug}")
    card = (await reader.reply(has("Spring forum"))).plain_text
    assert "В программе" not in card and "Организаторы" not in card, card  # noqa: RUF001
    assert "\n\n\n" not in card and card.endswith("+7 777 397 11 27"), card


def test_shorten_keeps_words_whole() -> None:
    assert shorten("Round  table", 40) == "Round table"
    assert shorten("Круглый стол про трудовую миграцию", 20) == "Круглый стол про…"
    assert shorten("Дипломатическая-академия", 10) == "Дипломати…"  # one long word


async def test_newevent_full_flow(fake: FakeTelegram, small: Running) -> None:
    olga = admin(fake)
    await ask(olga, "/newevent", "New event", "Title? Now: Round table")
    await step(olga, "x" * 201, "Too long: 201 characters, at most 200", "Title?")
    await step(olga, "Spring forum", "Date and time", "Now: 2030-11-12 17:00")
    await step(olga, "next Friday", "could not read that date", "Date and time")
    await step(olga, "2020-01-01 10:00", "already passed", "Date and time")
    await step(olga, "2031-03-20 18:00", "Seats in the room", "Now: 3")
    await step(olga, "lots", "whole number of seats", "Seats in the room")
    await step(olga, "40", "Does each registration wait",
               "Now: registrations are confirmed at once")
    await keep(olga, "Venue? Now: DKU, Almaty")
    await keep(olga, "Street address")
    await keep(olga, "Organisers? Now: DKU & FES")
    # A new event does not take the other one's agenda (its questions are its own).
    await keep(olga, "Agenda", "Now:\n(none)")
    await keep(olga, "Zoom conference ID? Now: 846 8448 4087")
    await keep(olga, "Zoom passcode")
    await keep(olga, "Zoom link? Now: (none)")
    await step(olga, "ftp://zoom", "starting with https://", "Zoom link?")
    await step(olga, "https://zoom.us/j/123", "Stream link? Now: https://facebook.com/dku")
    await olga.send_sticker()
    await olga.reply(has("Please send text", "Stream link?"))
    await ask(olga, "-", "Texts in Қазақша", "falls back to your text")
    await keep(olga, "Texts in Русский")
    preview = await keep(olga, "The new event")
    for line in ("✏️ Title: Spring forum", "✏️ Date and time: 2031-03-20 18:00",
                 "✏️ Seats: 40", "▫️ Venue: DKU, Almaty", "▫️ Zoom ID: 846 8448 4087",
                 "✏️ Zoom link: https://zoom.us/j/123", "✏️ Stream link: (none)"):
        assert line in preview.plain_text, line
    assert preview.buttons == ["✅ Save", "✖️ Cancel"]
    assert await small.app.registrations.events.by_slug("spring-forum-2031-03-20") is None

    await olga.press("Save")
    created = await olga.reply(has("Event created"))
    slug = "spring-forum-2031-03-20"
    for suffix in ("", "_offline", "_online"):
        assert f"{LINK}{slug}{suffix}\n" in created.plain_text + "\n"
    event = await small.event(slug)
    assert event.source == "chat" and event.info.title == "Spring forum"
    assert event.starts_utc == datetime(2031, 3, 20, 13, 0, tzinfo=UTC)
    assert event.info.offline_capacity == 40 and event.info.venue == "DKU, Almaty"
    assert (event.info.zoom_url, event.info.stream_url) == ("https://zoom.us/j/123", None)
    assert (await small.app.registrations.events.current_for(ADMIN)).id == event.id
    assert [row[1:] for row in await audit_rows(small)] == [("newevent", None, slug)]
    await ask(olga, "/stats", "Spring forum", "Seats taken: 0 of 40")

    # The link opens the new event's card for anyone.
    alice = fake.user(1, language_code="en")
    await alice.send(f"/start {slug}")
    card = await alice.reply(has("Spring forum"))
    assert "20 March 2031" in card.plain_text and "40" in card.plain_text


async def test_newevent_can_be_cancelled(fake: FakeTelegram, small: Running) -> None:
    olga = admin(fake)
    await ask(olga, "/newevent", "Title?")
    await olga.press("Cancel")
    await olga.reply(has("Draft dropped"))
    assert len(await small.app.registrations.events.all()) == 1
    # The old prompt's Keep is out of date now.
    await olga.press_data(DraftCb(act="keep", step="title").pack())
    assert "draft is finished" in (await olga.answer_to_press())["text"]


async def test_editevent_moves_the_event(fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, with_reminders(fake, tmp_path, [{"before": "P1D"}]))
    try:
        spring = await chat_event(running, "Spring forum", "2030-12-01T17:00:00", capacity=5)
        await running.app.registrations.events.choose(ADMIN, spring)
        await enrol_in(running, fake, spring, 1)
        await enrol_in(running, fake, spring, 2, language="ru")
        await enrol_in(running, fake, spring, 3, Format.ONLINE)
        prefix = f"reminder:{spring.id}:"
        before = {j.id: j.next_run_time for j in running.app.scheduler.get_jobs()
                  if j.id.startswith(prefix)}
        assert list(before) == [f"{prefix}86400s-all"]

        olga = admin(fake)
        await ask(olga, "/editevent", "Editing the current event", "Now: Spring forum")
        assert any(m.plain_text.startswith("📌 Spring forum") for m in olga.messages[-2:])
        await keep(olga, "Date and time")
        await step(olga, "2030-12-02 19:00", "Seats in the room", "Now: 5")
        await step(olga, "1", "Refused: 2 seats are already taken", "Seats in the room")
        await keep(olga, "Does each registration wait")
        await keep(olga, "Venue?")
        await step(olga, "Hall B", "Street address")
        for asked in ("Organisers", "Agenda", "Zoom conference ID", "Zoom passcode",
                      "Zoom link", "Stream link", "Texts in Қазақша", "Texts in Русский"):
            await keep(olga, asked)
        preview = await keep(olga, "The event with your changes")
        assert "✏️ Date and time: 2030-12-02 19:00" in preview.plain_text
        assert "✏️ Venue: Hall B" in preview.plain_text and "▫️ Seats: 5" in preview.plain_text
        await olga.press("Save")
        saved = await olga.reply(has("Saved"))
        assert "Telling 3 registrants" in saved.plain_text
        assert "📌 Spring forum · 2 December 2030, 19:00" in saved.plain_text

        told = await fake.user(1).wait_for(has("has changed"))
        assert "Time: 1 December 2030, 17:00 → 2 December 2030, 19:00" in told.plain_text
        assert "Venue: DKU, Almaty → Hall B" in told.plain_text
        russian = await fake.user(2).wait_for(has("изменения"))
        assert "2 декабря 2030, 19:00" in russian.plain_text and "Hall B" in russian.plain_text
        await fake.user(3).wait_for(has("has changed"))

        moved = await running.event(spring.slug)
        assert moved.starts_utc == datetime(2030, 12, 2, 14, 0, tzinfo=UTC)
        assert moved.info.venue == "Hall B" and moved.sequence == 1
        after = {j.id: j.next_run_time for j in running.app.scheduler.get_jobs()
                 if j.id.startswith(prefix)}
        assert list(after) == [f"{prefix}86400s-all@1"]
        shift = after[f"{prefix}86400s-all@1"] - before[f"{prefix}86400s-all"]
        assert abs(shift - timedelta(hours=26)) < timedelta(seconds=30)
        rows = await audit_rows(running)
        assert rows[-1][1:] == ("editevent", None, "when, venue")
    finally:
        await running.stop()


async def test_editevent_refuses_a_config_event(fake: FakeTelegram, small: Running) -> None:
    olga = admin(fake)
    refused = await ask(olga, "/editevent", "comes from the config file")
    assert "[event]" in refused.plain_text and refused.buttons == []
    assert (await small.event()).info.title == "Round table"
    assert await audit_rows(small) == []


async def test_broadcast_invites_another_events_people(fake: FakeTelegram,
                                                       small: Running) -> None:
    autumn = await chat_event(small, "Autumn school", "2030-10-01T10:00:00")
    await enrol_in(small, fake, autumn, 1)
    await enrol_in(small, fake, autumn, 2, Format.ONLINE)
    await enrol_in(small, fake, autumn, 3)
    await small.app.registrations.of(autumn).cancel(3)
    await enrol(small, fake, 5)
    olga = admin(fake)
    await ask(olga, "/broadcast", "Send me the message")
    choose = await ask(olga, "Come to the round table!", "Who should get it?")
    assert "📨 Registered for another event" in choose.buttons
    await olga.press("Registered for another event")
    others = await olga.reply(has("Whose registrants"))
    assert others.buttons == ["Autumn school · 01.10.2030 (2)", "✖️ Cancel"]
    await olga.press("Autumn school")
    confirm = await olga.reply(has("Send the message below to 2"))
    assert "registered for “Autumn school”, with a button opening “Round table”" in (
        confirm.plain_text)
    preview = await olga.reply(has_button("Send"))
    assert preview.plain_text == "Come to the round table!"
    assert preview.inline_buttons[0].get("url") == f"{LINK}event"
    await olga.press("Send")
    await olga.reply(has("Sending to 2 registered for “Autumn school”"))
    # What the organiser keeps is what the invited see: the text and its one button.
    assert [b.get("url") for b in preview.inline_buttons] == [f"{LINK}event"]
    for user_id in (1, 2):
        got = await fake.user(user_id).wait_for(has("Come to the round table!"))
        assert [(b["text"], b.get("url")) for b in got.inline_buttons] == [
            ("Open: Round table", f"{LINK}event")]
    await olga.wait_for(has("Broadcast finished: 2 sent"))
    for user_id in (3, 5):
        assert not any("round table!" in m.plain_text for m in fake.user(user_id).messages)
    rows = await audit_rows(small)
    assert rows[-1][3].endswith(f"to {autumn.slug} (2), inviting to event")


async def test_the_other_events_choice_needs_other_people(fake: FakeTelegram,
                                                          small: Running) -> None:
    await chat_event(small, "Autumn school", "2030-10-01T10:00:00")  # nobody registered
    await enrol(small, fake, 1)
    olga = admin(fake)
    await ask(olga, "/broadcast", "Send me the message")
    choose = await ask(olga, "Hello", "Who should get it?")
    assert not any("another event" in b for b in choose.buttons)
    assert has_button("everyone (1)")(choose)


def test_draft_steps_read_answers() -> None:
    info = EventSection(title="T", starts_at=datetime(2030, 11, 12, 17, 0), offline_capacity=3,
                        venue="V", contact_phone="+7", zoom_conference_id="1",
                        registration_closes_at=datetime(2030, 11, 11, 12, 0))
    now = datetime(2030, 11, 1, tzinfo=UTC)
    moved = drafts.parse("when", "20.03.2031 18:00", info, now)
    assert moved == {"starts_at": "2031-03-20T18:00:00",
                     "registration_closes_at": "2031-03-19T13:00:00"}  # as long before
    assert drafts.parse("when", "2030-10-31 10:00", info, now) == drafts.Bad("past")
    assert drafts.parse("capacity", "2", info, now, seated=3) == drafts.Bad(
        "taken", {"seated": 3, "capacity": 2})
    assert drafts.parse("stream_url", "-", info, now) == {"stream_url": None}
    assert drafts.parse("venue", "  ", info, now) == drafts.Bad("empty")
    assert drafts.keep("when", info, datetime(2031, 1, 1, tzinfo=UTC), creating=True) == (
        drafts.Bad("past-kept"))
    assert drafts.keep("when", info, datetime(2031, 1, 1, tzinfo=UTC), creating=False) is None
