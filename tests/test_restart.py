"""Form state lives in the SQLite file: a restart in the middle of the form loses nothing."""

from __future__ import annotations

from pathlib import Path

from loopback import FakeTelegram
from tests.harness import has, settings_for, start
from tests.steps import NAME, ORG, QUESTION, SUMMARY_LINES, finish, reach


async def test_form_survives_a_restart(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path)
    first = await start(fake, settings)
    alice = fake.user(1, language_code="en")
    try:
        await reach(alice, "org")  # the name is answered
    finally:
        await first.stop()
    await alice.send(ORG)  # answered while the bot is down: waits at Telegram

    second = await start(fake, settings)  # a new app on the same file, as after a restart
    try:
        await alice.wait_for(QUESTION["role"])  # the new app took the waiting answer
        await alice.send("/start")  # "where was I?": still in the form, at the role
        await alice.reply(has("You are in the middle of registering"))
        await alice.reply(QUESTION["role"])
        await alice.press("NGO")
        await alice.reply(QUESTION["phone"])
        summary = await finish(alice, "phone")
        for line in SUMMARY_LINES:
            assert line in summary.plain_text
        await alice.press("Confirm")
        await alice.reply(has("You are registered"))
        reg = await (await second.desk()).ledger.get(1)
        assert reg is not None and (reg.full_name, reg.organisation) == (NAME, ORG)
    finally:
        await second.stop()


async def test_buttons_sent_before_a_restart_still_work(fake: FakeTelegram,
                                                        tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path)
    first = await start(fake, settings)
    alice = fake.user(1, language_code="en")
    try:
        role = await reach(alice, "role")
    finally:
        await first.stop()
    second = await start(fake, settings)
    try:
        await alice.press("NGO")  # on the message the first app sent
        await alice.reply(QUESTION["phone"])
        assert role.message_id < alice.last.message_id
        summary = await finish(alice, "phone")
        assert all(line in summary.plain_text for line in SUMMARY_LINES)
    finally:
        await second.stop()
