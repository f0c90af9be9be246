"""A room of two: the full room puts people online and in a FIFO queue; a freed seat goes to
the first in line, who is told at once with their entry code."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from loopback import BotMessage, FakeTelegram, FakeUser
from tests.harness import has, has_button, register, settings_for, start

PROMOTED = "A seat has freed up at “Round table” and it is yours."


async def my_screen(user: FakeUser) -> BotMessage:
    await user.send("/my")
    return await user.reply(has_button("Cancel registration"))


def code_of(message: BotMessage) -> str:
    code = message.plain_text.split("Entry code: ")[1][:6]
    assert code.isalnum(), message.plain_text
    return code


async def test_waitlist_promotion_on_cancel_switch_and_leave(fake: FakeTelegram,
                                                             tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=2))
    ledger = (await running.desk()).ledger
    try:
        users = [fake.user(i, first_name=f"U{i}", language_code="en") for i in range(1, 7)]
        u1, u2, u3, u4, u5, u6 = users
        for user in (u1, u2):
            assert "You have a seat in the room" in (await register(user)).plain_text
        for user, place in ((u3, 1), (u4, 2)):
            done = await register(user, name=f"User {user.id}")
            assert "registered online" in done.plain_text, done.plain_text
            assert f"number {place} in the waitlist" in done.plain_text
            assert await ledger.waitlist_position(user.id) == place
        # The summary told them before they confirmed.
        # (The summary was edited into the outcome since: its text is in the request log.)
        assert any("the room is full, so online now + waitlist" in str(c.params.get("text"))
                   for c in fake.calls("editMessageText") + fake.calls("sendMessage")
                   if str(c.params.get("chat_id")) == str(u3.id))

        # A seated user cancels: the first in line gets the seat and is told.
        await my_screen(u1)
        await u1.press("Cancel registration")
        await u1.reply(has_button("Yes, cancel it"))
        await u1.press("Yes, cancel it")
        await u1.reply(has("Your registration is cancelled"))
        news = await u3.wait_for(has(PROMOTED))
        reg3 = await ledger.get(3)
        assert reg3 is not None and reg3.format == "offline" and reg3.entry_code
        assert code_of(news) == reg3.entry_code
        assert await ledger.waitlist_position(4) == 1
        assert "number 1 in the waitlist" in (await my_screen(u4)).plain_text

        # A seated user switches to online: the next in line is promoted likewise.
        await my_screen(u2)
        await u2.press("Switch to online")
        switched = await u2.reply(has("Done"))
        assert "You take part online" in switched.plain_text
        # The seat went on at once: the old code is said to be void, not silently dropped.
        assert "Your seat went to the next person in line" in switched.plain_text
        assert "no longer works" in switched.plain_text
        news = await u4.wait_for(has(PROMOTED))
        reg4 = await ledger.get(4)
        assert reg4 is not None and reg4.entry_code
        assert code_of(news) == reg4.entry_code
        u2_reg = await ledger.get(2)
        assert u2_reg is not None and u2_reg.format == "online" and not u2_reg.entry_code

        # Two more queue; the first leaves the queue (stays online); FIFO skips her.
        for user, place in ((u5, 1), (u6, 2)):
            assert f"number {place} in the waitlist" in (await register(user)).plain_text
        await my_screen(u5)
        await u5.press("Leave the waitlist")
        left = await u5.reply(has("Done."))
        assert "You take part online" in left.plain_text
        assert await ledger.waitlist_position(5) is None
        assert await ledger.waitlist_position(6) == 1
        reg5 = await ledger.get(5)
        assert reg5 is not None and reg5.active and reg5.format == "online"

        await my_screen(u3)
        await u3.press("Cancel registration")
        await u3.reply(has_button("Yes, cancel it"))
        await u3.press("Yes, cancel it")
        await u6.wait_for(has(PROMOTED))
        await u3.reply(has("Your registration is cancelled"))
        assert not any(PROMOTED in m.plain_text for m in u5.messages)
        counts = await ledger.counts()
        assert (counts.seated, counts.waitlisted) == (2, 0)
        seated = {u for u in range(1, 7)
                  if (r := await ledger.get(u)) and r.active and r.format == "offline"}
        assert seated == {4, 6}
    finally:
        await running.stop()


async def test_online_user_joins_the_queue_at_the_end(fake: FakeTelegram,
                                                      tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=1))
    ledger = (await running.desk()).ledger
    try:
        a, b, c = (fake.user(i, language_code="en") for i in (1, 2, 3))
        await register(a)
        await register(b, fmt="Online")
        await register(c)  # queued first
        running.clock.travel(timedelta(minutes=1))  # the queue is ordered by time of joining
        await my_screen(b)
        await b.press("Join the waitlist")
        joined = await b.reply(has("Done."))
        assert "number 2 in the waitlist" in joined.plain_text
        await my_screen(a)
        await a.press("Switch to online")
        await c.wait_for(has(PROMOTED))
        assert await ledger.waitlist_position(2) == 1
        assert not any(PROMOTED in m.plain_text for m in b.messages)
    finally:
        await running.stop()
