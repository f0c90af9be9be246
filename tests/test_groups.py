"""In a group the bot says once that it works in private chats, and does nothing else."""

from __future__ import annotations

from loopback import FakeTelegram
from tests.harness import Running, has


async def test_group_gets_one_private_only_reply(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, first_name="Alice", language_code="en")
    group = fake.group(-100123, "Migration NGOs")
    await group.send(alice, "hello bot")
    told = await group.reply()
    assert "private chat only" in told.plain_text and "@regbot_test" in told.plain_text

    await group.send(alice, "/start@regbot_test")
    await group.send(alice, "Alice Smith")
    # A press in the same chat by the same user is handled after those messages (one
    # user in one chat is served in order), so its answer means they were handled.
    await group.press_data(alice, "s:reg:1", told.message_id)
    answered = await group.answer_to_press()
    assert not answered.get("text")
    other = fake.group(-100456, "Another group")
    await other.send(alice, "hi")
    await other.reply(has("private chat only"))

    assert len(group.messages) == 1, group.transcript()
    assert len(other.messages) == 1
    ledger = (await running.desk()).ledger
    assert await ledger.get(1) is None
    for table in ("registrations", "fsm"):
        row = await running.app.db.fetchone(f"SELECT COUNT(*) FROM {table}")
        assert row is not None and row[0] == 0, table
    assert alice.messages == []  # nothing was sent to her private chat either
