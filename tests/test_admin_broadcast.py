"""/broadcast (the conversation; sending belongs to scheduler/campaigns.py) and /reminders."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from core.config import Reminder
from handlers.admin.callbacks import CastCb
from loopback import FakeTelegram
from storage.models import Audience, Format
from tests.admin import admin, ask, audit_rows, enrol
from tests.harness import ADMIN, Running, has, has_button, settings_for, start
from tests.travel import travel


@pytest.fixture
async def small(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Running]:
    admin(fake)
    settings = settings_for(fake, tmp_path, offline_capacity=2)
    settings.reminders = [Reminder(before=timedelta(days=1)),
                          Reminder.model_validate({"before": "PT15M", "audience": "online"})]
    app = await start(fake, settings)
    yield app
    await app.stop()


async def people(running: Running, fake: FakeTelegram) -> None:
    for user_id in (1, 2, 3):
        await enrol(running, fake, user_id)  # 1, 2 seated; 3 waits
    await enrol(running, fake, 4, Format.ONLINE)
    await enrol(running, fake, 5, Format.ONLINE)
    await (await running.desk()).cancel(5)


async def test_broadcast_to_the_room(fake: FakeTelegram, small: Running) -> None:
    await people(small, fake)
    olga = admin(fake)
    await ask(olga, "/broadcast", "Send me the message")
    await olga.send_sticker()
    await olga.reply(has("Only text can be broadcast"))
    # A message with a bold entity (the fake user API sends plain text only).
    await olga._send({"text": "Doors open at 16:30 <sharp>",
                      "entities": [{"type": "bold", "offset": 0, "length": 10}]}, "(bold)")
    choose = await olga.reply(has("Who should get it?"))
    assert choose.buttons[:4] == ["everyone (4)", "offline (2)", "online (2)", "waitlist (1)"]
    assert choose.buttons[-1] == "✖️ Cancel"
    await olga.press("offline (2)")
    await olga.reply(has("Send the message below to 2 (offline)?"))
    preview = await olga.reply(has("Doors open"))
    assert preview.text == "<b>Doors open</b> at 16:30 &lt;sharp&gt;"
    assert preview.buttons == ["📤 Send", "✖️ Cancel"]
    await olga.press("Send")
    await olga.reply(has("Sending to 2 (offline)"))
    # The report comes in the language the admin wrote the broadcast in.
    await olga.wait_for(lambda m: "Broadcast finished: 2 sent, 0 unreachable" in m.plain_text)
    for user_id in (1, 2):
        got = await fake.user(user_id).wait_for(has("Doors open at 16:30 <sharp>"))
        assert got.text == preview.text
    for user_id in (3, 4, 5):
        assert not any("Doors open" in m.plain_text for m in fake.user(user_id).messages)
    assert not preview.buttons  # sending: the preview keeps only what readers see
    await olga.press_data(CastCb(act="send").pack(), preview.message_id)  # a second tap
    assert "draft is finished" in (await olga.answer_to_press())["text"]  # no second send
    rows = await audit_rows(small)
    assert len(rows) == 1 and rows[0][:2] == (ADMIN, "broadcast")
    assert rows[0][3].endswith("to offline (2)")


async def test_after_the_start_a_broadcast_reaches_who_came_or_not(
        fake: FakeTelegram, small: Running) -> None:
    """A follow-up from the chat (the recording, the slides): "came" / "did not come" are
    offered once the event began, and reach only those."""
    await people(small, fake)
    olga = admin(fake)
    await ask(olga, "/broadcast", "Send me the message")
    before = await ask(olga, "Doors open at 16:30", "Who should get it?")
    assert not any("came" in b for b in before.buttons), before.buttons
    await olga.press_data(CastCb(act="aud", aud=Audience.ATTENDED).pack(), before.message_id)
    assert "once the event has begun" in (await olga.answer_to_press())["text"]  # forged
    await olga.press("Cancel")
    await olga.reply(has("Broadcast cancelled"))

    code = (await (await small.desk()).active(1)).entry_code  # type: ignore[union-attr]
    await ask(olga, f"/checkin {code}", "welcome")
    event = await small.event()
    travel(small, event.info.starts_utc - small.clock() + timedelta(hours=2))
    await ask(olga, "/broadcast", "Send me the message")
    choose = await ask(olga, "The recording: https://example.org/rec", "Who should get it?")
    assert choose.buttons[:6] == ["everyone (4)", "offline (2)", "online (2)", "waitlist (1)",
                                  "came (1)", "did not come (3)"], choose.buttons
    await olga.press("did not come (3)")
    await olga.reply(has("Send the message below to 3 (did not come)?"))
    await olga.reply(has("The recording"))
    await olga.press("Send")
    await olga.wait_for(lambda m: "Broadcast finished: 3 sent" in m.plain_text)
    for user_id in (2, 3, 4):
        await fake.user(user_id).wait_for(has("The recording"))
    for user_id in (1, 5):
        assert not any("The recording" in m.plain_text for m in fake.user(user_id).messages)


async def test_broadcast_can_be_cancelled_or_rewritten(fake: FakeTelegram,
                                                       small: Running) -> None:
    await people(small, fake)
    olga = admin(fake)
    await ask(olga, "/broadcast", "Send me the message")
    await olga.press("Cancel")
    await olga.reply(has("Broadcast cancelled; nothing was sent"))
    await ask(olga, "/broadcast", "Send me the message")
    first = await ask(olga, "First draft", "Who should get it?")
    assert "replaced" not in first.plain_text
    await olga.press("waitlist (1)")
    await olga.reply(has("Send the message below to 1 (waitlist)?"))
    # A new text replaces the draft, and says so (a split paste would lose its first part).
    await ask(olga, "Second draft", "Who should get it?",
              "Your latest message replaced the text before it")
    await olga.press("everyone (4)")
    await olga.reply(has("Send the message below to 4 (everyone)?"))
    assert (await olga.reply(has("Second draft"))).text == "Second draft"
    await olga.press("Cancel")
    await olga.reply(has("Broadcast cancelled"))
    assert await small.app.db.fetchall("SELECT * FROM campaigns WHERE kind = 'broadcast'") == []
    assert await audit_rows(small) == []


async def test_reminders_and_the_stats_line(fake: FakeTelegram, small: Running) -> None:
    await people(small, fake)
    olga = admin(fake)
    status = await ask(olga, "/reminders", "Reminders")
    lines = status.plain_text.partition("\n\n")[2].splitlines()  # after the event line
    assert lines[1].startswith("11.11 17:00 · 1 day before · everyone · scheduled: 0 sent")
    assert lines[2].startswith("12.11 16:45 · 15 minutes before · online · scheduled")
    stats = await ask(olga, "/stats", "Seats taken")
    assert ("Next reminder: 11.11 17:00 (1 day before, everyone); it will reach 4."
            in stats.plain_text)


async def test_finding_5_a_broadcast_costs_four_messages(fake: FakeTelegram,
                                                           small: Running) -> None:
    """Issue 19: the ask (headed by the event line), the draft's question, the preview
    with Send, the report: four bot messages from /broadcast to the report."""
    await people(small, fake)
    olga = admin(fake)
    await olga.send("/broadcast")
    asked = await olga.reply(has("Send me the message"))
    await olga.send("Doors open at 16:30")
    await olga.reply(has("Who should get it?"))
    await olga.press("everyone (4)")
    preview = await olga.reply(has_button("Send"))
    await olga.press("Send")
    await olga.wait_for(has("Broadcast finished: 4 sent"))
    assert asked.plain_text.startswith("📌 Round table · 12 November 2030, 17:00\n\n")
    assert len(olga.messages) == 4, olga.transcript()
    assert preview.plain_text == "Doors open at 16:30"
