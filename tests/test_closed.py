"""After `registration_closes_at`: new registrations are refused clearly; existing ones
can still be seen."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from loopback import FakeTelegram
from tests.harness import has, has_button, register, settings_for, start
from tests.steps import reach

CLOSED = "Registration is closed."


async def test_after_closing_time(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path, registration_closes_at="2030-11-10T12:00:00")
    running = await start(fake, settings)
    ledger = (await running.desk()).ledger
    try:
        alice, bob, carol = (fake.user(i, language_code="en") for i in (1, 2, 3))
        await register(alice)
        await reach(carol, "confirm")  # Carol is at the summary when the time passes
        running.clock.now = datetime(2030, 11, 10, 7, 0, tzinfo=UTC)  # 12:00 in Almaty

        await bob.send("/start")
        card = await bob.reply()
        assert "Round table" in card.plain_text and CLOSED in card.plain_text
        assert card.buttons == []  # nothing to press that would only say "closed"
        await bob.press_data("s:reg:1")  # an old card's Register button
        answered = await bob.answer_to_press()
        assert CLOSED in answered["text"]

        await carol.press("Confirm")
        await carol.reply(has(CLOSED))
        assert await ledger.get(3) is None

        await alice.send("/my")
        mine = await alice.reply(has("Entry code"))
        assert "Alice Smith" in mine.plain_text
        assert mine.buttons and not any("offline" in b.lower() for b in mine.buttons)
        await alice.press("Cancel registration")
        await alice.reply(has_button("Yes, cancel it"))
        await alice.press("Yes, cancel it")
        gone = await alice.reply(has("Your registration is cancelled"))
        assert gone.buttons == []  # no Register button after closing time

        assert await ledger.get(2) is None
        row = await running.app.db.fetchone("SELECT COUNT(*) FROM fsm")
        assert row is not None and row[0] == 0
    finally:
        await running.stop()
