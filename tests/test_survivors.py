"""Behaviour a mutation check showed the suite did not pin down (issue 18, survivors 2-10;
5 is in test_reminders, 9 in test_ledger_rules). Each test names its survivor: the
one-line bug it turns red."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from bench.seed import seed
from handlers.admin.callbacks import RegCb
from loopback import FakeTelegram, TravelClock
from storage.models import Format, Placement
from tests.admin import admin, ask, enrol
from tests.harness import Running, has, register, settings_for, start
from tests.reminders import EVENT_UTC, people, with_reminders
from tests.steps import NAME, ORG, PHONE_TYPED, QUESTION, answer, reach
from tests.test_admin_events import chat_event, enrol_in


async def test_confirm_asks_consent_of_a_form_begun_without_it(fake: FakeTelegram,
                                                              tmp_path: Path) -> None:
    """Survivor 2 (handlers/confirm.py): a form stored before consent was asked (an older
    version of the bot) reaches Confirm after a restart: consent is asked, nothing stored."""
    settings = settings_for(fake, tmp_path)
    alice = fake.user(1, language_code="en")
    first = await start(fake, settings)
    try:
        await reach(alice, "format")
        await answer(alice, "format")  # the summary with Confirm
    finally:
        await first.stop()
    with sqlite3.connect(settings.storage.path) as conn:
        (data,) = conn.execute("SELECT data FROM fsm").fetchone()
        form = json.loads(data)
        assert form.pop("consent_at") and form.pop("consent_version", True)
        conn.execute("UPDATE fsm SET data = ?", (json.dumps(form),))
    second = await start(fake, settings)
    try:
        await alice.press("Confirm")
        await alice.wait_for(has("Do you agree"))
        assert await (await second.desk()).get(1) is None
        await alice.press("I agree")  # the form goes on from the consent
        await alice.wait_for(QUESTION["name"])
        assert await (await second.desk()).get(1) is None
    finally:
        await second.stop()


async def test_erasure_leaves_neither_role_nor_chat_id(fake: FakeTelegram,
                                                       running: Running) -> None:
    """Survivors 3 and 4 (storage/privacy.py): /forget_me blanks the role and the chat id
    (the person's Telegram id in a private chat) with the name and the phone."""
    alice = fake.user(4242, language_code="en")
    await register(alice, name="Alice Smith", phone="+7 701 123 45 67")
    before = await running.app.db.fetchone("SELECT * FROM registrations")
    assert before is not None and before["role"] == "ngo" and before["chat_id"] == 4242
    await alice.send("/forget_me")
    await alice.reply(has("Erase all your personal data"))
    await alice.press("Yes, erase my data")
    await alice.wait_for(has("your personal data is erased"))
    row = await running.app.db.fetchone("SELECT * FROM registrations WHERE id = ?",
                                        (before["id"],))
    assert row is not None
    assert row["role"] == ""
    assert row["chat_id"] != 4242 and row["user_id"] != 4242


async def test_an_old_details_button_of_another_event_acts_on_nothing(
        fake: FakeTelegram, small: Running) -> None:
    """Survivor 6 (handlers/admin/actions.py): a details button shown for a registration of
    event A, pressed after the console moved to event B, must not act on the same person's
    registration in B."""
    in_a = await enrol(small, fake, 1)
    spring = await chat_event(small, "Spring forum", "2030-12-01T17:00:00")
    await enrol_in(small, fake, spring, 1)
    olga = admin(fake)
    await ask(olga, "/list", "Which list?")
    await olga.press_data(RegCb(act="show", reg=in_a.id).pack())
    await olga.reply(has("Person 1"))
    await small.app.registrations.events.choose(olga.id, spring)  # /events chose B

    await olga.press_data(RegCb(act="cancel", reg=in_a.id, v=in_a.version, sure=True).pack())
    assert "no such registration" in (await olga.answer_to_press())["text"]
    in_b = await small.app.registrations.of(spring).get(1)
    assert in_b is not None and in_b.active and in_b.placement is Placement.SEATED
    still = await (await small.desk()).get(1)
    assert still is not None and still.active


async def test_the_online_link_opens_the_online_form(fake: FakeTelegram,
                                                     running: Running) -> None:
    """Survivor 7 (handlers/start.py): `<id>_online` preselects online, as `_offline`
    preselects offline; the format question is not asked."""
    user = fake.user(1, language_code="en")
    await user.send("/start event_online")
    await user.reply(has("Your personal data"))
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
    assert "Format: online" in summary.plain_text
    assert not any("How will you take part?" in m.plain_text for m in user.messages)
    await user.press("Confirm")
    await user.reply(has("You are registered"))
    reg = await (await running.desk()).get(1)
    assert reg is not None and reg.placement is Placement.ONLINE


async def test_an_old_no_does_not_release_a_seat_got_back_later(fake: FakeTelegram,
                                                                tmp_path: Path) -> None:
    """Survivor 8 (the ownership rule, services/ownership.py): "Still coming? No" pressed
    after the person gave the seat up and took one again acts on nothing."""
    settings = with_reminders(fake, tmp_path, [
        {"before": "P1D", "audience": "all", "ask_attendance": True}], capacity=1)
    await seed(settings.storage.path, 1, offline=range(1, 2))
    people(fake, range(1, 2))
    seated = fake.user(1)
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=20)))
    try:
        question = await seated.wait_for(has("Are you still coming?"))
        desk = await running.desk()
        await desk.switch(1, Format.ONLINE)  # "My registration": online, then back
        back = await desk.switch(1, Format.OFFLINE)
        assert back is not None and back.registration.placement is Placement.SEATED
        no = question.buttons_data["✖️ No, free my seat"]
        assert no is not None
        await seated.press_data(no, message_id=question.message_id)
        assert "out of date" in (await seated.answer_to_press())["text"]
        kept = await desk.ledger.get(1)
        assert kept is not None and kept.placement is Placement.SEATED
        assert kept.entry_code == back.registration.entry_code
    finally:
        await running.stop()


async def test_confirm_after_close_to_online_only_registers_online(
        fake: FakeTelegram, running: Running) -> None:
    """Survivor 10 (handlers/confirm.py): the summary said offline, but the organisers
    closed the room meanwhile: Confirm registers online, no seat is given."""
    alice = fake.user(1, language_code="en")
    await reach(alice, "format")
    await alice.press("Offline")
    summary = await alice.reply(QUESTION["confirm"])
    assert "Format: offline" in summary.plain_text
    olga = admin(fake)
    await ask(olga, "/close", "What should stop?")
    await olga.press("Offline only")
    await olga.reply(has("Registration is now online only"))
    await alice.press("Confirm")
    await alice.reply(has("registered"))
    reg = await (await running.desk()).get(1)
    assert reg is not None and reg.placement is Placement.ONLINE and reg.entry_code is None
    assert (await (await running.desk()).counts()).seated == 0
