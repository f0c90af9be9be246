"""Participant buttons carry the registration's version: an old one never acts on a newer
state (after cancel and re-register, or after a promotion); it says so and shows now."""

from __future__ import annotations

from pathlib import Path

from loopback import BotMessage, FakeTelegram, FakeUser
from storage.models import Placement
from tests.harness import Running, has, register, settings_for, start

STALE = "out of date"


def data_of(message: BotMessage, label: str) -> str:
    return next(d for text, d in message.buttons_data.items() if label in text and d)


async def ask_cancel(user: FakeUser) -> BotMessage:
    await user.press("Cancel registration")
    return await user.reply(has("Cancel your registration?"))


async def test_an_old_yes_cancel_it_does_not_cancel_the_new_registration(
        fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await register(alice)
    question = await ask_cancel(alice)
    yes = data_of(question, "Yes, cancel it")
    await alice.press("Yes, cancel it")
    await alice.reply(has("Your registration is cancelled"))
    await register(alice)  # the same row again, a newer version
    await alice.press_data(yes, question.message_id)
    assert STALE in (await alice.answer_to_press())["text"]
    await alice.reply(has("Alice Smith"))  # the current registration is shown instead
    reg = await (await running.desk()).get(1)
    assert reg is not None and reg.active and reg.placement is Placement.SEATED


async def test_an_old_leave_the_waitlist_does_not_give_up_a_promoted_seat(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=1))
    try:
        alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
        await register(alice)
        waiting = await register(bob, name="Bob Brown")
        assert "Leave the waitlist" in " ".join(waiting.buttons)
        await ask_cancel(alice)
        await alice.press("Yes, cancel it")
        await bob.wait_for(has("A seat has freed up"))
        await bob.press_data(data_of(waiting, "Leave the waitlist"), waiting.message_id)
        assert STALE in (await bob.answer_to_press())["text"]
        reg = await (await running.desk()).get(2)
    finally:
        await running.stop()
    assert reg is not None and reg.placement is Placement.SEATED
