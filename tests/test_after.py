# ruff: noqa: RUF001  (Kazakh texts: Cyrillic letters are meant)
"""After the event, end to end on the loopback with time travel: an event with two
follow-ups (attended / absent), the feedback poll and certificates. The person checked in
at the door gets the certificate offer, the poll and the attended follow-up; the absent
one only the absent follow-up. The certificate verifies; a made-up code does not."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader

from bench.seed import applicant
from bench.seed import event as seed_event
from core.config import Settings
from loopback import BotMessage, FakeTelegram, TravelClock
from services.after import CertAction, CertCb
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Format
from tests.harness import ADMIN, Running, eventually, has, has_button, settings_for, start
from tests.reminders import ALMATY, EVENT_UTC
from tests.travel import travel

TITLE_KK = "Көші-қон жағдайы: дөңгелек үстел"
NAME_KK = "Әсел Құрманғалиқызы Нұрбекова"
CAME, MISSED = "Thank you for coming", "We missed you"
FOLLOWUPS: list[dict[str, Any]] = [
    {"after": "PT1H", "audience": "attended", "text": CAME},
    {"after": "PT1H", "audience": "absent", "text": MISSED},
]


def after_settings(fake: FakeTelegram, folder: Path) -> Settings:
    local = EVENT_UTC.astimezone(ALMATY).replace(tzinfo=None).isoformat()
    return settings_for(fake, folder, starts_at=local, followups=FOLLOWUPS, certificates=True,
                        text={"kk": {"title": TITLE_KK}})


async def seed_two(path: Path) -> dict[int, str]:
    """1 (reads Kazakh) and 2 hold seats; their entry codes."""
    db = await Database.open(path)
    ledger = Ledger(db, await seed_event(db, 10, starts=EVENT_UTC))
    codes = {}
    for user_id, language in ((1, "kk"), (2, "en")):
        outcome = await ledger.register(applicant(user_id, language), Format.OFFLINE,
                                        EVENT_UTC - timedelta(days=3))
        codes[user_id] = outcome.registration.entry_code or ""
    await db.close()
    return codes


def texts(fake: FakeTelegram, chat_id: int, *parts: str) -> list[BotMessage]:
    return [m for m in fake.sent(chat_id) if any(p in m.plain_text for p in parts)]


def polls(fake: FakeTelegram, chat_id: int) -> list[BotMessage]:
    return [m for m in fake.sent(chat_id) if m.poll is not None]


async def poll_recorded(running: Running) -> bool:
    return await running.app.db.fetchone("SELECT 1 FROM feedback") is not None


def pdf_text(message: BotMessage) -> str:
    assert message.document is not None
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(message.document[1])).pages)


async def test_after_the_event_end_to_end(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = after_settings(fake, tmp_path)
    codes = await seed_two(settings.storage.path)
    asel = fake.user(1, first_name="Asel", language_code="kk")
    bob = fake.user(2, first_name="Bob", language_code="en")
    stranger = fake.user(77, first_name="Employer", language_code="en")
    olga = fake.user(ADMIN, first_name="Olga", language_code="en")
    clock = TravelClock(EVENT_UTC - timedelta(minutes=10))
    running = await start(fake, settings, clock)
    await olga.send(f"/checkin {codes[1]}")  # Asel at the door; Bob never comes
    await olga.wait_for(has("welcome"))

    travel(running, timedelta(hours=2, minutes=10))  # the end: the certificate offer
    offer = await asel.wait_for(has_button("Атымды түзету"))
    assert "Person 1" in offer.plain_text and TITLE_KK in offer.plain_text
    await asel.press("Атымды түзету")  # the spelling, corrected once
    await asel.wait_for(has("толық атыңызды"))
    await asel.send_sticker()  # not a name: asked again, the correction not used up
    await asel.reply(has("толық атыңызды"))
    await asel.send(NAME_KK)
    await asel.reply(has(NAME_KK))
    assert asel.last.buttons == ["✅ Сертификатты беру"]  # no second correction
    await asel.press("Сертификатты беру")
    certificate = await asel.wait_for(lambda m: m.document is not None)
    text = pdf_text(certificate)
    assert NAME_KK in text and TITLE_KK in text and "ҚАТЫСУ СЕРТИФИКАТЫ" in text
    assert "Person 1" not in text
    link = re.search(r"https://t\.me/\S+\?start=(verify_\w+)", certificate.plain_text)
    assert link is not None and link.group(0) in text.replace("\n", "")

    await stranger.send(f"/start {link.group(1)}")  # anyone, from the QR code
    valid = await stranger.reply(has("Valid certificate"))
    assert NAME_KK in valid.plain_text and "November 12, 2030" in valid.plain_text
    await stranger.send("/start verify_MADEUP2345")
    await stranger.reply(has("No such certificate"))

    travel(running, timedelta(minutes=30))  # the poll, to Asel only
    await fake.wait_until(lambda: bool(polls(fake, 1)), timeout=10)
    poll = polls(fake, 1)[0].poll
    assert poll is not None and not poll["is_anonymous"]
    assert poll["options"][0] == "1 — нашар" and TITLE_KK in poll["question"]
    # The poll's id is recorded once sendPoll returns; a person cannot vote faster than
    # that, a test can: wait for the row.
    await eventually(lambda: poll_recorded(running), what="poll id recorded")
    await asel.vote([4])  # 5
    await asel.wait_for(has("Нені өзгертуіміз керек"))
    await asel.send("Сұрақтарға көбірек уақыт")
    await asel.reply(has("Пікіріңізге рахмет"))

    travel(running, timedelta(minutes=30))  # the follow-ups
    await fake.wait_until(lambda: bool(texts(fake, 1, CAME) and texts(fake, 2, MISSED)),
                          timeout=10)
    await fake.wait_until(lambda: not [j for j in running.app.scheduler.get_jobs()
                                       if j.id != "retention"], timeout=10)
    # Bob did not come: a forged press for his own row, or for Asel's, gets nothing.
    for reg_id in (1, 2):
        await bob.press_data(CertCb(reg=reg_id, act=CertAction.ISSUE).pack())
        assert "did not attend" in (await bob.answer_to_press()).get("text", "")
    # The organiser's workbook and CSV carry the rating, the comment and the certificate.
    olga = fake.user(ADMIN, language_code="en")
    await olga.send("/export")
    book = await olga.reply(lambda m: m.document is not None
                            and m.document[0].endswith(".xlsx"))
    assert book.document is not None
    sheet = load_workbook(io.BytesIO(book.document[1])).active
    heads = [c.value for c in sheet[1]]
    mine = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == 1)
    assert [mine[heads.index(h)] for h in ("Rating", "Comment", "Certificate")] == [
        5, "Сұрақтарға көбірек уақыт", link.group(1).removeprefix("verify_")]
    await olga.send("/export csv")
    table = await olga.reply(lambda m: m.document is not None
                             and m.document[0].endswith(".csv"))
    assert table.document is not None and "Сұрақтарға көбірек уақыт" in table.document[
        1].decode("utf-8-sig")
    allowed = fake.calls("getUpdates")[-1].params.get("allowed_updates")
    db = running.app.db
    rows = await db.fetchall("SELECT rating, comment FROM feedback")
    await running.stop()

    assert "poll_answer" in (allowed or [])
    assert [(r["rating"], r["comment"]) for r in rows] == [(5, "Сұрақтарға көбірек уақыт")]
    assert [len(texts(fake, 1, CAME)), len(texts(fake, 1, MISSED))] == [1, 0]
    assert [len(texts(fake, 2, CAME)), len(texts(fake, 2, MISSED))] == [0, 1]
    assert not polls(fake, 2) and not [m for m in fake.sent(2) if m.buttons]
    assert not [m for m in fake.sent(2) if m.document is not None]
