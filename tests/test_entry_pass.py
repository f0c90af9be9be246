"""The entry pass's link: scanned by an organiser it checks the person in (their current
event only); opened by anyone else it is an ordinary start that reveals nothing."""

from __future__ import annotations

from loopback import FakeTelegram
from tests.admin import admin
from tests.harness import Running, has, register


async def test_the_pass_link_checks_in_for_an_admin_and_is_a_plain_start_for_others(
        fake: FakeTelegram, running: Running) -> None:
    alice, mallory = fake.user(1, language_code="en"), fake.user(2, language_code="en")
    await register(alice)
    reg = await (await running.desk()).get(1)
    assert reg is not None and reg.entry_code
    link = f"/start checkin_{reg.entry_code}"
    await mallory.send(link)
    card = await mallory.reply()
    assert reg.entry_code not in card.plain_text and "Alice" not in card.plain_text
    assert "Register" in " ".join(card.buttons)
    olga = admin(fake)
    await olga.send(link)
    await olga.reply(has("Alice Smith", "1 of 1"))
    await olga.send(link)
    await olga.reply(has("already"))
    checked = await (await running.desk()).get(1)
    assert checked is not None and checked.checked_in_at is not None
