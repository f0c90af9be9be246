"""A tidy chat: presses edit the message they belong to, finished steps lose their
buttons, and one registration costs few new messages."""

from __future__ import annotations

from pathlib import Path

from loopback import FakeTelegram
from tests.harness import Running, has, start
from tests.own_form import FORM, open_own_form, own_settings, texts, walk
from tests.steps import QUESTION, answer, open_form

SENDS = ("sendMessage", "sendPhoto", "sendDocument", "sendSticker", "sendMediaGroup")


def sends_to(fake: FakeTelegram, chat_id: int) -> int:
    """Every new message the bot posted to this chat (edits are not counted)."""
    return sum(1 for method in SENDS for call in fake.calls(method)
               if str(call.params.get("chat_id")) == str(chat_id) and call.status == 200)


async def test_one_registration_costs_few_messages_and_leaves_few_live_buttons(
        fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await open_form(alice)  # /start, then Register on the card
    for step in ("name", "org", "role", "phone", "format"):
        await answer(alice, step)
    await alice.press("Confirm")
    done = await alice.reply(has("You are registered"))
    assert sends_to(fake, 1) <= 7, alice.transcript()
    live = [m for m in alice.messages if not m.deleted and m.inline_buttons]
    assert len(live) <= 2, alice.transcript()
    assert done in live  # the registration keeps its own buttons
    assert alice.keyboard == []  # the phone step's share keyboard is gone


async def test_a_press_edits_its_message(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await alice.send("/start")
    card = await alice.reply(has("Round table"))
    await alice.press("Register")
    notice = await alice.reply(has("Your personal data"))
    assert notice.message_id == card.message_id  # the card became the privacy notice
    await alice.press("I agree")
    question = await alice.reply(QUESTION["name"])
    assert question.message_id == card.message_id  # and then the first question
    for step in ("name", "org", "role", "phone"):
        await answer(alice, step)
    fmt = alice.last
    await alice.press("Online")
    summary = await alice.reply(QUESTION["confirm"])
    assert summary.message_id == fmt.message_id
    await alice.press("Edit")
    fields = await alice.reply(has("What would you like to change?"))
    assert fields.message_id == summary.message_id
    await alice.press("Back")
    again = await alice.reply(QUESTION["confirm"])
    assert again.message_id == summary.message_id
    await alice.press("Confirm")
    mine = await alice.reply(has("You are registered"))
    assert mine.message_id == summary.message_id

    # "My registration": cancel asks in place, and "keep" brings the screen back in place.
    await alice.press("Cancel registration")
    ask = await alice.reply(has("Cancel your registration?"))
    assert ask.message_id == mine.message_id
    await alice.press("No, keep it")
    kept = await alice.reply(has("stays as it was"))
    assert kept.message_id == mine.message_id
    await alice.press("Switch to offline")
    switched = await alice.reply(has("Done", "Entry code"))
    assert switched.message_id == mine.message_id


async def test_a_re_asked_question_takes_the_old_buttons_away(fake: FakeTelegram,
                                                              running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await open_form(alice)
    await answer(alice, "name")
    role = await answer(alice, "org")
    await alice.send("Media please")  # typed where a button is expected
    again = await alice.reply(QUESTION["role"])
    assert again.message_id != role.message_id
    assert role.buttons == [], alice.transcript()  # only the newest question can be pressed
    live = [m for m in alice.messages if m.inline_buttons]
    assert live == [again]


async def test_an_own_form_costs_at_most_one_message_per_question(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Issue 21: (questions + 3) new messages at most, and at most 2 live keyboards."""
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        alice = fake.user(1, language_code="en")
        t = texts("en")
        await open_own_form(alice, t)
        await walk(alice, "en", offline=True)
        await alice.press(t("btn-confirm"))
        done = await alice.reply(has("You are registered"))
        assert sends_to(fake, 1) <= len(FORM) + 3, alice.transcript()
        live = [m for m in alice.messages if not m.deleted and m.inline_buttons]
        assert len(live) <= 2 and done in live, alice.transcript()
        assert alice.keyboard == []
    finally:
        await running.stop()
