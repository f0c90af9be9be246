"""Consent before any personal question; the calendar file and the QR entry pass from
"my registration", end to end."""

from __future__ import annotations

import io
from pathlib import Path

import icalendar
import zxingcpp
from PIL import Image

from loopback import FakeTelegram
from tests.admin import admin
from tests.dbfiles import raw_bytes
from tests.harness import Running, has, has_button, register

SECRET = "Zhanar Secretname"



async def test_decline_stores_nothing(fake: FakeTelegram, running: Running,
                                      tmp_path: Path) -> None:
    alice = fake.user(1, language_code="en")
    await alice.send("/start")
    await alice.wait_for(has_button("Register"))
    await alice.press("Register")
    notice = await alice.reply(has("Your personal data"))
    assert "organisers only" in notice.plain_text and "I agree" in " ".join(notice.buttons)
    await alice.send(SECRET)  # typed instead of answering the notice
    # One reply: use the buttons, and the notice again with them (the old one loses its own).
    await alice.reply(has_button("I do not agree"))
    await alice.press("I do not agree")
    await alice.reply(has("nothing about you was saved"))
    rows = await running.app.db.fetchall("SELECT * FROM registrations")
    forms = await running.app.db.fetchall("SELECT * FROM fsm")
    await running.app.db.checkpoint()
    files = raw_bytes(tmp_path)
    assert rows == [] and forms == []
    assert SECRET.encode() not in files


async def test_consent_is_kept_with_the_registration(fake: FakeTelegram,
                                                     running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await register(alice)
    reg = await (await running.desk()).get(1)
    assert reg is not None and reg.consent_at is not None
    assert reg.consent_version == running.app.settings.privacy.notice_version


async def test_calendar_file_and_entry_pass_from_my_registration(
        fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    mine = await register(alice)
    assert any("Google Calendar" in b for b in mine.buttons)
    await alice.press("Add to calendar")
    ics = await alice.wait_for(lambda m: m.document is not None and m.document[0].endswith(".ics"))
    assert ics.document is not None
    entry = next(iter(icalendar.Calendar.from_ical(ics.document[1]).walk("VEVENT")))
    reg = await (await running.desk()).get(1)
    assert reg is not None and reg.entry_code and reg.entry_code in str(entry["description"])
    await alice.press("Entry pass")
    shot = await alice.wait_for(lambda m: m.document is not None and m.document[0] == "pass.png")
    assert shot.document is not None
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot.document[1])))
    me = await running.app.bot.me()
    link = f"https://t.me/{me.username}?start=checkin_{reg.entry_code}"
    assert [f.text for f in found] == [link]
    olga = admin(fake)  # the organiser's camera opens the link: Telegram sends the /start
    await olga.send(f"/start checkin_{reg.entry_code}")
    await olga.reply(has("Alice Smith", "welcome"))
