"""Issue 20, finding 11: an edit that changes nothing ("message is not modified") is done,
not an error, wherever the bot edits a message."""

from __future__ import annotations

import logging

import pytest

from handlers.privacy import Erase, EraseCb
from loopback import FakeTelegram
from tests.harness import Running, has, register


async def test_finding11_pressing_yes_erase_twice_is_no_error(
        fake: FakeTelegram, running: Running, caplog: pytest.LogCaptureFixture) -> None:
    alice = fake.user(1, language_code="en")
    await register(alice)
    await alice.send("/forget_me")
    asked = await alice.reply(has("Erase all your personal data"))
    await alice.press("Yes, erase my data")
    await alice.wait_for(has("your personal data is erased"))
    caplog.clear()
    # A second press of the same button (a double tap, a slow network): the answer edits
    # the message into the text it already shows.
    await alice.press_data(EraseCb(answer=Erase.YES).pack(), asked.message_id)
    await alice.answer_to_press()
    await alice.send("/privacy")  # handled after the press: its log is complete
    await alice.reply(has("Your personal data"))
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert failures == [], [r.getMessage() for r in failures]
