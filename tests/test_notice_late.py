"""A seat notice is decided when its send slot comes, not when it was queued (issue 24).

The bot is paced at 2 messages a second and one a second per chat: raising the room from 1
to 11 seats promotes ten people at once, and the notices go out one by one. The tenth
person starts acting the moment the ninth is told: their notice is next, and it waits for
their chat behind their own replies (which go first). Whatever they do meanwhile decides
it: deciding when the notice was queued, or just before it waited, is too early."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bench.seed import seed
from core.config import Settings
from loopback import FakeTelegram, FakeUser, TravelClock
from tests.admin import admin, ask
from tests.harness import Running, has, has_button, settings_for, start
from tests.reminders import EVENT_UTC, people, reminders_to, with_reminders
from tests.test_outbox import FREED, notices, outbox_settled
from tests.travel import travel

LAST = 11  # users 2..11 wait in this order; 11 is the tenth promoted


def paced(fake: FakeTelegram, folder: Path) -> Settings:
    settings = settings_for(fake, folder, offline_capacity=1)
    sender = settings.sender.model_copy(update={"rate_per_second": 2.0,
                                                "per_chat_interval": 1.0})
    return settings.model_copy(update={"sender": sender})


async def raised(fake: FakeTelegram, tmp_path: Path) -> tuple[Running, Settings, FakeUser]:
    """Room of 1 (user 1 seated), users 2..11 waiting; the organiser raises it to 11."""
    settings = paced(fake, tmp_path)
    await seed(settings.storage.path, 1, offline=range(1, LAST + 1))
    for user_id in range(1, LAST + 1):
        fake.user(user_id, language_code="en")
    running = await start(fake, settings)
    await ask(admin(fake), "/capacity 11", "now has 11 seats")
    await fake.user(LAST - 1).wait_for(has(FREED))  # the ninth is told: the tenth is next
    return running, settings, fake.user(LAST)


async def my_screen(user: FakeUser) -> None:
    await user.send("/my")
    await user.wait_for(has_button("Cancel registration"))


async def settle(running: Running, settings: Settings) -> list[tuple[int, str, str]]:
    await outbox_settled(running)
    await running.stop()
    return await notices(settings.storage.path)


def told_after(user: FakeUser, said: str) -> list[str]:
    """Seat notices the user received after the first message saying `said`."""
    texts = [m.plain_text for m in sorted(user.messages, key=lambda m: m.seq)]
    first = next((i for i, text in enumerate(texts) if said in text), len(texts))
    return [text for text in texts[first:] if FREED in text]


async def test_switching_online_while_the_notice_waits_voids_it(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running, settings, last = await raised(fake, tmp_path)
    await my_screen(last)
    await last.press("Switch to online")
    await last.wait_for(has("you take part online now"))
    rows = await settle(running, settings)
    assert not any(FREED in m.plain_text for m in last.messages), last.transcript()
    assert [kind_status for reg, *kind_status in rows if reg == LAST] == [["promoted", "void"]]
    # The nine others were told, once each.
    assert all(sum(FREED in m.plain_text for m in fake.sent(u)) == 1 for u in range(2, LAST))


async def test_cancelling_while_the_notice_waits_voids_it(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running, settings, last = await raised(fake, tmp_path)
    await my_screen(last)
    await last.press("Cancel registration")
    await last.wait_for(has_button("Yes, cancel it"))
    await last.press("Yes, cancel it")
    await last.wait_for(has("registration is cancelled"))
    rows = await settle(running, settings)
    assert told_after(last, "registration is cancelled") == [], last.transcript()
    assert not any(FREED in m.plain_text for m in last.messages), last.transcript()
    assert [kind_status for reg, *kind_status in rows if reg == LAST] == [["promoted", "void"]]


async def test_a_notice_for_an_older_version_is_void_even_if_seated_again(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Online and back to the room (a free seat, taken at once, a new code) while the notice
    waits: the person holds a seat again, but the notice was about the earlier one; they
    were told of the new seat by the answer to their press."""
    running, settings, last = await raised(fake, tmp_path)
    await my_screen(last)
    await last.press("Switch to online")
    await last.wait_for(has("you take part online now"))
    await my_screen(last)
    await last.press("Switch to offline")
    await last.wait_for(has("Entry code"))
    rows = await settle(running, settings)
    assert not any(FREED in m.plain_text for m in last.messages), last.transcript()
    assert [kind_status for reg, *kind_status in rows if reg == LAST] == [["promoted", "void"]]


async def test_a_reminder_with_the_entry_code_is_decided_when_it_goes_out(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The same for reminders: ten seated people get one with their entry code, two a
    second; the last one cancels while theirs waits: it is skipped, not sent."""
    settings = with_reminders(fake, tmp_path, [{"before": 3600, "audience": "offline"}],
                              sender={"rate_per_second": 2.0, "per_chat_interval": 1.0})
    await seed(settings.storage.path, 10, offline=range(1, 11))
    people(fake, range(1, 11))
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=2)))

    def reminded() -> set[int]:
        return {u for u in range(1, 11) if reminders_to(fake, u)}

    travel(running, timedelta(hours=1))  # the reminder is due
    await fake.wait_until(lambda: len(reminded()) >= 9, timeout=20)
    last = fake.user(next(u for u in range(1, 11) if u not in reminded()))
    await my_screen(last)
    await last.press("Cancel registration")
    await last.wait_for(has_button("Yes, cancel it"))
    await last.press("Yes, cancel it")
    await last.wait_for(has("registration is cancelled"))
    await fake.wait_until(lambda: not running.app.reminders.tasks, timeout=20)
    rows = await running.app.db.fetchall(
        "SELECT r.user_id, d.status FROM deliveries d"
        " JOIN registrations r ON r.id = d.registration_id")
    await running.stop()
    assert not reminders_to(fake, last.id), last.transcript()
    assert {int(r[0]): str(r[1]) for r in rows} == {
        u: "skipped" if u == last.id else "sent" for u in range(1, 11)}
