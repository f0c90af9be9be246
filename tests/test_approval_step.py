"""Approval set in /newevent and /editevent (issue 21): a step of its own, answered with two
buttons (or yes / no typed), kept with Keep, shown in the preview and saved with the edit.
Turning it off while forms still wait confirms them in the same save, in order of
registration under the seat rule, and tells each person; the preview (and /form's toggle)
says so first. Turning it on leaves the registrations made as they are."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from handlers.admin.callbacks import DraftCb, FormEditCb
from loopback import BotMessage, FakeTelegram, FakeUser
from services.events import Event
from storage.models import Applicant, Format, Placement
from tests.admin import admin, ask
from tests.harness import ADMIN, Running, has, settings_for, start
from tests.test_approval import apply, fill, texts, told

ASKED = "Does each registration wait for an organiser's approval?"
WAITS, AT_ONCE = "⏳ Each registration waits for our approval", "✅ Confirm registrations at once"
SHOWN_ON = "each registration waits for approval"
SHOWN_OFF = "registrations are confirmed at once"
STALE = "draft is finished"
# After the approval step, up to the preview.
LATER = ("Venue?", "Street address", "Organisers", "Agenda", "Zoom conference ID",
         "Zoom passcode", "Zoom link", "Stream link", "Texts in Қазақша", "Texts in Русский")


@pytest.fixture
async def running(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Running]:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    app = await start(fake, settings_for(fake, tmp_path))
    yield app
    await app.stop()


async def closed_table(running: Running, approval: bool, capacity: int = 10) -> Event:
    """An event made in the chat (as /newevent makes it), chosen by the organiser."""
    base = (await running.event()).info
    info = base.model_copy(update={
        "title": "Closed table", "offline_capacity": capacity, "id": None,
        "approval": approval, "starts_at": datetime.fromisoformat("2030-12-01T17:00:00")})
    event = await running.app.registrations.events.create(info)
    await running.app.campaigns.plan_event(event)
    await running.app.registrations.events.choose(ADMIN, event)
    return event


async def to_approval(olga: FakeUser, command: str) -> BotMessage:
    """/editevent (or /newevent of a future date): Keep up to the approval question."""
    await ask(olga, command, "Title?")
    await olga.press("Keep")
    await olga.reply(has("Date and time"))
    await olga.press("Keep")
    await olga.reply(has("Seats in the room"))
    await olga.press("Keep")
    return await olga.reply(has(ASKED))


async def keep_to_preview(olga: FakeUser) -> BotMessage:
    for expected in (*LATER, "Save it?"):
        await olga.press("Keep")
        shown = await olga.reply(has(expected))
    return shown


async def test_newevent_with_approval_chosen_makes_confirms_wait(
        fake: FakeTelegram, running: Running) -> None:
    olga = admin(fake)
    await ask(olga, "/newevent", "New event", "Title?")
    await ask(olga, "Closed round table", "Date and time")
    await ask(olga, "2031-03-20 18:00", "Seats in the room")
    asked = await ask(olga, "2", ASKED, f"Now: {SHOWN_OFF}")
    assert asked.buttons == [WAITS, AT_ONCE, "✔️ Keep", "✖️ Cancel"]

    # Not text, or words that are no answer: one reply saying how, the same question, the
    # draft as it was.
    how = "Please press one of the buttons, or type yes or no"
    await olga.send_sticker()
    assert (await olga.reply(has(how, ASKED))).buttons == asked.buttons
    await olga.send("maybe later")
    assert (await olga.reply(has(how, ASKED))).buttons == asked.buttons
    # A forged press for another step changes nothing.
    await olga.press_data(DraftCb(act="set", step="venue", on=True).pack())
    assert STALE in (await olga.answer_to_press())["text"]

    await olga.press(WAITS)
    moved_on = await olga.reply(has("Venue?"))
    # The approval question's button once the draft has moved on: stale, nothing changes.
    await olga.press_data(DraftCb(act="set", step="approval", on=False).pack(),
                          moved_on.message_id)
    assert STALE in (await olga.answer_to_press())["text"]
    for expected in LATER[1:]:
        await olga.press("Keep")
        await olga.reply(has(expected))
    await olga.press("Keep")
    preview = await olga.reply(has("The new event"))
    assert f"✏️ Approval: {SHOWN_ON}" in preview.plain_text
    assert "✏️ Title: Closed round table" in preview.plain_text
    assert "✏️ Seats: 2" in preview.plain_text
    await olga.press("Save")
    await olga.reply(has("Event created"))

    slug = "closed-round-table-2031-03-20"
    event = await running.event(slug)
    assert event.info.approval
    alice = fake.user(1, language_code="en")
    await apply(alice, "en", "Alice Smith", offline=True, link=slug)
    await olga.wait_for(has("New registration", "Alice Smith"))
    desk = running.app.registrations.of(event)
    assert await desk.waiting_count() == 1 and await desk.active(1) is None


async def test_editevent_turns_approval_on_typed_and_keep_keeps_it(
        fake: FakeTelegram, running: Running) -> None:
    event = await closed_table(running, approval=False)
    desk = running.app.registrations.of(event)
    alice = fake.user(1, language_code="en")
    await apply_at_once(alice, event.slug)  # registered before approval: stays as it is

    olga = admin(fake)
    asked = await to_approval(olga, "/editevent")
    assert f"Now: {SHOWN_OFF}" in asked.plain_text
    await olga.send("Да")  # the organisers' yes in Russian
    await olga.reply(has("Venue?"))
    for expected in (*LATER[1:], "The event with your changes"):
        await olga.press("Keep")
        preview = await olga.reply(has(expected))
    assert f"✏️ Approval: {SHOWN_ON}" in preview.plain_text
    await olga.press("Save")
    await olga.reply(has("Saved"))
    assert (await running.event(event.slug)).info.approval
    # Whoever still waits at the start is told it is closed: that job is planned now.
    assert running.app.scheduler.get_job(f"pending:{event.id}") is not None
    reg = await desk.active(1)
    assert reg is not None and reg.placement is Placement.SEATED

    bob = fake.user(2, language_code="ru")
    await apply(bob, "ru", "Борис Петров", offline=True, link=event.slug)
    assert await desk.waiting_count() == 1 and await desk.active(2) is None

    # Keep keeps it on: unchanged in the preview, still on after Save.
    asked = await to_approval(olga, "/editevent")
    assert f"Now: {SHOWN_ON}" in asked.plain_text
    preview = await keep_to_preview(olga)
    assert f"▫️ Approval: {SHOWN_ON}" in preview.plain_text
    assert "still wait" not in preview.plain_text
    await olga.press("Save")
    await olga.reply(has("Saved"))
    assert (await running.event(event.slug)).info.approval
    assert await desk.waiting_count() == 1


async def apply_at_once(user: FakeUser, slug: str) -> None:
    """The form of an event without approval: Confirm registers at once."""
    await fill(user, "en", "Anna Early", offline=True, link=slug)
    await user.wait_for(has("Entry code"))


async def four_waiting(fake: FakeTelegram, slug: str) -> dict[str, FakeUser]:
    """Alice (ru), Bob (kk), Carol (en) want a seat, Dave (en) online; in this order."""
    people = {"alice": fake.user(1, language_code="ru"), "bob": fake.user(2, language_code="kk"),
              "carol": fake.user(3, language_code="en"), "dave": fake.user(4, language_code="en")}
    await apply(people["alice"], "ru", "Алиса Смирнова", offline=True, link=slug)
    await apply(people["bob"], "kk", "Бақыт Ахметов", offline=True, link=slug)
    await apply(people["carol"], "en", "Carol Jones", offline=True, link=slug)
    await apply(people["dave"], "en", "Dave Brown", offline=False, link=slug)
    return people


async def confirmed_in_order(fake: FakeTelegram, running: Running, event: Event) -> None:
    """Two seats: Alice and Bob seated, Carol first in the waitlist, Dave online; each told
    once, in their language, and nobody waits any more."""
    def head(language: str) -> str:  # the news's bold first line, up to its colon
        said = texts(language)("admitted-head", title="Closed table")
        return said.split("<b>")[1].split(":")[0]

    heads = {1: head("ru"), 2: head("kk"), 3: head("en"), 4: head("en")}
    shown = {user_id: await fake.user(user_id).wait_for(has(said))
             for user_id, said in heads.items()}
    await running.app.registrations.outbox.settled()
    desk = running.app.registrations.of(event)
    places = {}
    for user_id in heads:
        reg = await desk.active(user_id)
        assert reg is not None
        places[user_id] = reg.placement
    assert places == {1: Placement.SEATED, 2: Placement.SEATED, 3: Placement.WAITLISTED,
                      4: Placement.ONLINE}
    alice = await desk.active(1)
    assert alice is not None and alice.entry_code is not None
    assert alice.entry_code in shown[1].plain_text
    assert texts("ru")("btn-pass") in shown[1].buttons  # a seat, with its entry pass
    assert "number 1 in the waitlist" in shown[3].plain_text
    assert "You take part online" in shown[4].plain_text
    # The same message as an approval's (/my's screen): with its buttons, not only text.
    for user_id in (3, 4):
        assert texts("en")("btn-cancel-reg") in shown[user_id].buttons, shown[user_id].buttons
    assert all(told(fake, user_id, said) == 1 for user_id, said in heads.items())
    assert await desk.waiting_count() == 0


async def test_editevent_turning_approval_off_confirms_the_waiting_in_order(
        fake: FakeTelegram, running: Running) -> None:
    event = await closed_table(running, approval=True, capacity=2)
    await four_waiting(fake, event.slug)

    olga = admin(fake)
    asked = await to_approval(olga, "/editevent")
    assert f"Now: {SHOWN_ON}" in asked.plain_text
    await olga.press(AT_ONCE)
    await olga.reply(has("Venue?"))
    for expected in (*LATER[1:], "The event with your changes"):
        await olga.press("Keep")
        preview = await olga.reply(has(expected))
    assert f"✏️ Approval: {SHOWN_OFF}" in preview.plain_text
    assert "⚠️ 4 forms still wait for approval" in preview.plain_text  # said before Save
    assert "/pending" in preview.plain_text
    await olga.press("Save")
    saved = await olga.reply(has("Saved"))
    assert "4 waiting forms confirmed" in saved.plain_text
    assert not (await running.event(event.slug)).info.approval
    await confirmed_in_order(fake, running, event)
    await ask(olga, "/pending", "Nobody is waiting for approval")


async def test_form_toggle_off_with_forms_waiting_asks_then_confirms_them(
        fake: FakeTelegram, running: Running) -> None:
    event = await closed_table(running, approval=True, capacity=2)
    await four_waiting(fake, event.slug)

    olga = admin(fake)
    await ask(olga, "/form", "The form of «Closed table»")
    await olga.press("Turn approval off")
    warned = await olga.reply(has("4 forms still wait for approval"))
    assert warned.buttons == ["✅ Turn off and confirm them", "↩️ Back"]
    await olga.press("↩️ Back")
    await olga.reply(lambda m: "Turn approval off" in m.buttons)
    assert (await running.event(event.slug)).info.approval  # nothing changed
    assert await running.app.registrations.of(event).waiting_count() == 4

    await olga.press("Turn approval off")
    await olga.reply(has("4 forms still wait for approval"))
    await olga.press("✅ Turn off and confirm them")
    assert (await olga.answer_to_press()).get("text", "").startswith("✅ 4 waiting forms")
    await olga.reply(lambda m: "Turn approval on" in m.buttons)
    await confirmed_in_order(fake, running, event)
    # A "Turn approval off" left on an older screen sets, it does not flip: still off.
    await olga.press_data(FormEditCb(act="approval", ev=event.id, q="off").pack())
    await olga.answer_to_press()
    assert not (await running.event(event.slug)).info.approval


async def test_a_form_held_by_a_desk_read_before_approval_went_off_is_not_left_waiting(
        fake: FakeTelegram, running: Running) -> None:
    """A Confirm that read the event before an edit turned approval off, and holds after
    it: nothing is left waiting for a decision that no longer comes."""
    event = await closed_table(running, approval=True)
    before = running.app.registrations.of(event)  # the desk as that Confirm read it
    olga = admin(fake)
    await ask(olga, "/form", "The form of «Closed table»")
    await olga.press("Turn approval off")  # nobody waits: no question, saved at once
    await olga.reply(lambda m: "Turn approval on" in m.buttons)
    running.clock.travel(timedelta(seconds=1))
    who = Applicant(user_id=5, chat_id=5, language="en", full_name="Late Larry",
                    organisation="NGO Help", role="ngo", phone=None)
    assert await before.hold(who, Format.OFFLINE) is None
    assert await before.waiting_count() == 0


async def test_config_turning_approval_off_confirms_the_waiting_at_the_restart(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The config's events change at a restart: forms left waiting by an `approval = true`
    now removed are confirmed then, as an edit would, not kept waiting for nobody."""
    first = await start(fake, settings_for(fake, tmp_path, approval=True,
                                           offline_capacity=1))
    alice, bob = fake.user(1, language_code="ru"), fake.user(2, language_code="en")
    try:
        await apply(alice, "ru", "Алиса Смирнова", offline=True)
        await apply(bob, "en", "Bob Lee", offline=True)
    finally:
        await first.stop()

    second = await start(fake, settings_for(fake, tmp_path, offline_capacity=1))
    try:
        head = texts("ru")("admitted-head", title="Round table").split("<b>")[1].split(":")[0]
        await alice.wait_for(has(head))
        queued = await bob.wait_for(has("no longer waits for approval"))
        assert "number 1 in the waitlist" in queued.plain_text
        desk = await second.desk()
        seated, left = await desk.active(1), await desk.waiting_count()
    finally:
        await second.stop()
    assert seated is not None and seated.placement is Placement.SEATED and left == 0
