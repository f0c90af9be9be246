"""Answers that are not the person's own typing: a phone number as a name, a forwarded
message, an edit of an earlier answer. Each gets one reply and the question again; the
answers so far stay."""

from __future__ import annotations

from loopback import FakeTelegram
from tests.admin import admin
from tests.harness import Running, has
from tests.steps import NAME, answer, expect, finish, open_form


async def test_a_phone_number_is_not_a_name(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await open_form(alice)
    for typed in ("+7 777 ABC 11 27", "Alice 87773971127", "Bob +77013456789"):
        await alice.send(typed)
        await expect(alice, has("looks like a phone number"), "name")
    await alice.send("Anna-Maria O'Neil II")
    await alice.reply(has("Which organisation"))


async def test_a_forwarded_message_is_not_an_answer(fake: FakeTelegram,
                                                    running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await open_form(alice)
    await answer(alice, "name")
    await alice.forward("Ministry of Labour", from_name="Bob")
    await expect(alice, has("forwarded message cannot be your answer"), "org")
    summary = await finish(alice, "org")
    assert "Ministry of Labour" not in summary.plain_text and NAME in summary.plain_text


async def test_an_edited_answer_gets_one_reply_and_changes_nothing(
        fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await open_form(alice)
    sent = await alice.send("Alise Smith")
    await alice.reply(has("Which organisation"))
    await alice.edit(sent, "Alice Smith")
    await expect(alice, has("Edits to earlier messages are not read"), "org")
    summary = await finish(alice, "org")
    assert "Alise Smith" in summary.plain_text


async def test_forged_ids_beyond_sqlites_range_are_out_of_date_buttons(
        fake: FakeTelegram, running: Running) -> None:
    olga = admin(fake)
    alice = fake.user(1, language_code="en")
    huge = "9" * 23
    for user, data in ((olga, f"ar:show:{huge}::0:all:0"), (olga, f"ae:{huge}"),
                       (alice, f"m:yes:{huge}:0"), (alice, f"a:{huge}:y:0"),
                       (alice, f"s:open:{huge}")):
        await user.send("/start")
        await user.reply()
        await user.press_data(data)
        answered = await user.answer_to_press()
        assert "out of date" in answered["text"], (data, answered)
        assert not any("went wrong" in m.plain_text for m in user.messages), data
