"""Bad input at every form step: a clear reply, the same question again, progress kept,
nothing half-written. Through the user's eyes: what the bot sent and what the ledger holds."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from loopback import BotMessage, FakeTelegram, FakeUser
from tests.harness import Running, has, has_button, register
from tests.steps import (
    NAME,
    ORG,
    PHONE,
    QUESTION,
    STEPS,
    SUMMARY_LINES,
    answer,
    expect,
    finish,
    open_form,
    reach,
)

NOT_TEXT = "Please answer with a text message."
EMPTY = "This cannot be empty"
BAD_PHONE = "That does not look like a phone number"
USE_BUTTONS = "Please choose with the buttons below."
MID_FORM = "You are in the middle of registering"
HELP = "I register you for the round table"
STALE = "This button is out of date."
NOT_YOURS = "This button is out of date or not yours."
FINISHED = "This form is already finished."

Send = Callable[[FakeUser], Awaitable[int]]
MEDIA: dict[str, Send] = {
    "sticker": lambda u: u.send_sticker(),
    "photo": lambda u: u.send_photo(caption="Alice Smith"),
    "voice": lambda u: u.send_voice(),
    "document": lambda u: u.send_document(),
    "location": lambda u: u.send_location(43.238, 76.945),
}
TEXTS = {
    "whitespace": " \t \n ",
    "invisible": "\u200b\u200d\u2060",
    "control": "\x00\x07\x1b\x7f",
    "long": "A" * 500,
}
COMMANDS = ("/start", "/my", "/foo", "/help")


def error_for(step: str, kind: str) -> str:
    """What the bot should say about input `kind` at `step`."""
    if kind in COMMANDS:
        return HELP if kind == "/help" else MID_FORM
    if step in ("role", "format", "confirm"):
        return USE_BUTTONS
    if step == "phone":
        return BAD_PHONE
    if kind in MEDIA:
        return NOT_TEXT
    if kind == "long":
        return "at most 100 characters" if step == "name" else "at most 150 characters"
    return EMPTY


def data_of(message: BotMessage, label: str) -> str:
    data = next(d for text, d in message.buttons_data.items() if label in text)
    assert data
    return data


async def rows(running: Running, table: str) -> int:
    row = await running.app.db.fetchone(f"SELECT COUNT(*) FROM {table}")
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize("step", STEPS)
async def test_bad_input_at_each_step_is_refused_and_progress_kept(
        fake: FakeTelegram, running: Running, step: str) -> None:
    alice = fake.user(1, first_name="Alice", language_code="en")
    await reach(alice, step)
    for kind, send in MEDIA.items():
        await send(alice)
        await expect(alice, has(error_for(step, kind)), step)
    for kind, text in TEXTS.items():
        await alice.send(text)
        await expect(alice, has(error_for(step, kind)), step)
    for command in COMMANDS:
        await alice.send(command)
        await expect(alice, has(error_for(step, command)), step)
    assert await rows(running, "registrations") == 0

    summary = await finish(alice, step)
    for line in SUMMARY_LINES:
        assert line in summary.plain_text, summary.plain_text
    await alice.press("Confirm")
    await alice.reply(has("You are registered"))
    reg = await (await running.desk()).ledger.get(1)
    assert reg is not None
    assert (reg.full_name, reg.organisation, reg.role, reg.phone, reg.format) == (
        NAME, ORG, "ngo", PHONE, "online")
    assert await rows(running, "fsm") == 0


async def test_typing_where_buttons_are_expected(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await reach(alice, "role")
    await alice.send("an NGO, I think")  # (a button's exact text counts as its press)
    await expect(alice, has(USE_BUTTONS), "role")
    await answer(alice, "role")
    await answer(alice, "phone")
    await alice.send("Online")
    await expect(alice, has(USE_BUTTONS), "format")
    await answer(alice, "format")
    await alice.send("yes")
    await expect(alice, has(USE_BUTTONS), "confirm")
    assert await rows(running, "registrations") == 0


async def test_contacts_and_typed_phones(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await reach(alice, "phone")
    await alice.send_contact("+77019998877", user_id=2, first_name="Bob")
    await expect(alice, has("someone else's contact"), "phone")
    for typed in ("12345", "call me maybe", "+7 701 123 45 67 89 00 11", "+7-701\x00-123"):
        await alice.send(typed)
        await expect(alice, has(BAD_PHONE), "phone")
    await alice.send_contact("77011234567")  # Telegram sends own numbers without '+'
    await alice.reply(has(f"Phone saved: {PHONE}"))
    await alice.reply(QUESTION["format"])
    assert alice.keyboard == []  # the share/skip keyboard is gone
    summary = await finish(alice, "format")
    assert f"Phone: {PHONE}" in summary.plain_text
    await alice.press("Confirm")
    await alice.reply(has("You are registered"))
    reg = await (await running.desk()).ledger.get(1)
    assert reg is not None and reg.phone == PHONE


async def test_skip_phone_and_trunk_prefix(fake: FakeTelegram, running: Running) -> None:
    alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
    await register(alice, fmt="Online")  # types "Skip"
    await register(bob, fmt="Online", phone="8 (777) 397-11-27")
    a, b = [await (await running.desk()).ledger.get(i) for i in (1, 2)]
    assert a is not None and a.phone is None
    assert b is not None and b.phone == "+77773971127"


async def test_stale_buttons(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    role = await reach(alice, "role")
    await answer(alice, "role")
    card = alice.messages[0]  # the event card, now the name question
    # The finished steps' buttons are gone; a client that still shows them (pressed before
    # the edit arrived) gets no change, the current question again.
    assert role.buttons == [] and card.buttons == []
    await alice.press_data("f:role:media", role.message_id)
    await alice.reply(QUESTION["phone"])
    assert STALE in (await alice.answer_to_press())["text"]
    # Register on the old event card, mid-form.
    await alice.press_data("s:reg:1", card.message_id)
    await alice.reply(QUESTION["phone"])
    assert MID_FORM in (await alice.answer_to_press())["text"]
    summary = await finish(alice, "phone")
    assert "Role: NGO" in summary.plain_text
    old = {label: data_of(summary, label) for label in ("Confirm", "Edit")}
    await alice.press("Confirm")
    await alice.reply(has("You are registered"))
    # Confirm and Edit on the old summary (now the registration), after registering:
    # nothing changes.
    for label in ("Confirm", "Edit"):
        await alice.press_data(old[label], summary.message_id)
        assert FINISHED in (await alice.answer_to_press())["text"]
    # Register on the old event card, when registered: the registration is shown.
    await alice.press_data("s:reg:1", alice.messages[0].message_id)
    await alice.reply(has(NAME, "online"))
    assert "already registered" in (await alice.answer_to_press())["text"]
    assert sum("You are registered" in m.plain_text for m in alice.messages) == 1
    assert await rows(running, "registrations") == 1
    assert await rows(running, "fsm") == 0
    reg = await (await running.desk()).ledger.get(1)
    assert reg is not None and reg.role == "ngo" and reg.active


async def test_forged_callback_data(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await open_form(alice)
    for data in ("garbage", "f:fmt:offline", "f:ok", "s:zzz", "m:yes:abc"):
        await alice.press_data(data)
        answered = await alice.answer_to_press()
        assert answered.get("show_alert") and answered.get("text"), (data, answered)
    await alice.press_data("m:yes:999:0")
    assert NOT_YOURS in (await alice.answer_to_press())["text"]
    await answer(alice, "name")
    await answer(alice, "org")
    await alice.press_data("f:role:hacker")
    await alice.reply(QUESTION["role"])
    assert STALE in (await alice.answer_to_press())["text"]
    summary = await finish(alice, "role")
    assert "Role: NGO" in summary.plain_text and "hacker" not in summary.plain_text
    assert await rows(running, "registrations") == 0


async def test_buttons_aimed_at_another_users_registration(fake: FakeTelegram,
                                                          running: Running) -> None:
    alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
    await register(bob)
    await bob.send("/my")
    mine = await bob.reply(has_button("Cancel registration"))
    before = await (await running.desk()).ledger.get(2)
    assert before is not None
    bobs = [d for d in mine.buttons_data.values() if d]
    bobs += [f"m:{act}:{before.id}:{before.version}" for act in ("yes", "online", "keep")]
    await alice.send("/start")
    await alice.reply()
    for data in bobs:  # Alice, not registered
        await alice.press_data(data)
        assert NOT_YOURS in (await alice.answer_to_press())["text"]
    await register(alice, name="Alice Smith")
    for data in bobs:  # Alice, registered herself
        await alice.press_data(data)
        assert NOT_YOURS in (await alice.answer_to_press())["text"]
    assert await (await running.desk()).ledger.get(2) == before
    assert not any("cancelled" in m.plain_text for m in bob.messages)


async def test_double_tap_on_confirm(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await reach(alice, "format")
    await alice.press("Offline")
    await alice.reply(QUESTION["confirm"])
    await alice.press("Confirm")
    await alice.press("Confirm")
    await alice.reply(has("You are registered"))
    await alice.answer_to_press()  # the second press is answered too
    await alice.send("/my")  # served after both presses: one user's updates go in order
    mine = await alice.reply(has("Entry code"))
    outcomes = [m for m in alice.messages
                if m.seq < mine.seq and "registered" in m.plain_text.lower()]
    assert len(outcomes) == 1, alice.transcript()
    assert await rows(running, "registrations") == 1
    counts = await (await running.desk()).ledger.counts()
    assert counts.seated == 1


async def test_cancel_at_each_step_keeps_nothing(fake: FakeTelegram, running: Running) -> None:
    ways = [(step, "/cancel") for step in STEPS] + [("confirm", "button"), ("confirm", "edit")]
    for number, (step, how) in enumerate(ways, start=1):
        user = fake.user(number, language_code="en")
        summary = await reach(user, step)
        cancel = data_of(summary, "✖️ Cancel") if step == "confirm" else ""
        if how == "edit":  # back at the phone question (keyboard shown), Cancel on the summary
            await user.press("Edit")
            await user.reply(has_button("Phone"))
            await user.press("Phone")
            await user.reply(QUESTION["phone"])
            # The summary's buttons are gone; a client still showing them may press Cancel.
            assert summary.buttons == []
            await user.press_data(cancel, summary.message_id)
        elif how == "button":
            await user.press("✖️ Cancel")
        else:
            await user.send("/cancel")
        await user.reply(has("Registration form cancelled; nothing was saved."))
        assert user.keyboard == [], step  # no share-phone keyboard left over
        assert await rows(running, "registrations") == 0
        assert await rows(running, "fsm") == 0, step
        # Nothing is left behind: /cancel again has nothing to cancel, a new form starts afresh.
        await user.send("/cancel")
        await user.reply(has("There is nothing to cancel"))
        await open_form(user)
        await user.send("/cancel")
        await user.reply(has("Registration form cancelled"))
