"""/report: the funder's PDF and CSV. Parsed back, the figures are the ledger's; no phone
number is in either; names only when asked for."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader

from bench.seed import applicant
from bench.seed import event as seed_event
from loopback import BotMessage, FakeTelegram, TravelClock
from storage import after
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Format
from tests.harness import ADMIN, has, settings_for, start
from tests.reminders import ALMATY, EVENT_UTC

PHONE = "+77017654321"


async def seed_evening(path: Path) -> None:
    """3 seats: 1-3 seated (1, 2 checked in), 4-5 queued, 4 promoted when 3 cancels;
    6-7 online (6 joined); 8 cancelled; everyone with a phone. Feedback: 5 and 4."""
    db = await Database.open(path)
    ledger = Ledger(db, await seed_event(db, 3, starts=EVENT_UTC))
    day = EVENT_UTC - timedelta(days=5)
    for user_id, fmt, when in [(1, Format.OFFLINE, day), (2, Format.OFFLINE, day),
                               (3, Format.OFFLINE, day + timedelta(days=1)),
                               (4, Format.OFFLINE, day + timedelta(days=1)),
                               (5, Format.OFFLINE, day + timedelta(days=2)),
                               (6, Format.ONLINE, day + timedelta(days=2)),
                               (7, Format.ONLINE, day + timedelta(days=2)),
                               (8, Format.ONLINE, day + timedelta(days=2))]:
        person = replace(applicant(user_id), phone=PHONE, organisation=f"Org {user_id % 3}",
                         role="ngo" if user_id % 2 else "research")
        await ledger.register(person, fmt, when)
    await ledger.cancel(3, day + timedelta(days=3))
    await ledger.cancel(8, day + timedelta(days=3))
    for user_id in (1, 2):
        reg = await ledger.get(user_id)
        assert reg is not None and reg.entry_code
        await ledger.check_in(reg.entry_code, EVENT_UTC)
    six = await ledger.get(6)
    assert six is not None
    await after.mark_joined(db, six.id, 6, EVENT_UTC)
    for user_id, rating in ((1, 5), (2, 4)):
        reg = await ledger.get(user_id)
        assert reg is not None
        await after.poll_sent(db, reg.id, f"poll{user_id}")
        await after.rate(db, f"poll{user_id}", user_id, rating, EVENT_UTC)
    await after.comment(db, 1, "More time for questions", EVENT_UTC)
    await db.close()


async def ledger_figures(path: Path) -> dict[str, int]:
    db = await Database.open(path)
    one = await db.fetchone(
        "SELECT COUNT(*) AS registered, SUM(status = 'active') AS active,"
        " SUM(status = 'cancelled') AS cancelled,"
        " SUM(status = 'active' AND format = 'offline') AS seated,"
        " SUM(status = 'active' AND format = 'offline' AND checked_in_at IS NOT NULL) AS came,"
        " SUM(status = 'active' AND format = 'online') AS online,"
        " SUM(status = 'active' AND format = 'online' AND checked_in_at IS NOT NULL) AS joined"
        " FROM registrations")
    await db.close()
    assert one is not None
    return {k: int(one[k]) for k in one.keys()}  # noqa: SIM118 (a Row, not a dict)


def pdf_text(message: BotMessage) -> str:
    assert message.document is not None
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(message.document[1])).pages)


async def test_report_matches_the_ledger_and_has_no_phones(fake: FakeTelegram,
                                                           tmp_path: Path) -> None:
    local = EVENT_UTC.astimezone(ALMATY).replace(tzinfo=None).isoformat()
    settings = settings_for(fake, tmp_path, starts_at=local, offline_capacity=3)
    await seed_evening(settings.storage.path)
    expected = await ledger_figures(settings.storage.path)
    olga = fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings, TravelClock(EVENT_UTC + timedelta(hours=3)))
    await olga.send("/report")
    pdf = await olga.wait_for(lambda m: m.document is not None and m.document[0].endswith(".pdf"))
    sheet = await olga.wait_for(lambda m: m.document is not None
                                and m.document[0].endswith(".csv"))
    await olga.send("/stats")
    stats = await olga.reply(has("Came:"))
    await olga.send("/report names")
    await fake.wait_until(lambda: sum(1 for m in fake.sent(ADMIN) if m.document) == 4)
    named = [m for m in fake.sent(ADMIN) if m.document and m.document[0].endswith(".pdf")][-1]
    await olga.send("/export csv")  # the registrations, with the feedback next to each
    export = await olga.wait_for(lambda m: m.document is not None
                                 and m.document[0].startswith("registrations-"))
    await running.stop()
    assert export.document is not None
    lines = list(csv.DictReader(io.StringIO(export.document[1].decode("utf-8-sig"))))
    assert [(r["id"], r["rating"], r["comment"]) for r in lines if r["rating"]] == [
        ("1", "5", "More time for questions"), ("2", "4", "")]

    text = pdf_text(pdf)
    assert sheet.document is not None
    table = list(csv.reader(io.StringIO(sheet.document[1].decode("utf-8-sig"))))
    values = {(section, item): value for section, item, value in table[1:]}
    assert values[("Registrations", "registered (all)")] == str(expected["registered"]) == "8"
    assert values[("Registrations", "active")] == str(expected["active"])
    assert values[("Registrations", "cancelled")] == str(expected["cancelled"])
    assert values[("Attendance", "offline: checked in / seats")] == (
        f"{expected['came']} / {expected['seated']}")
    assert values[("Attendance", "online: joined / registered")] == (
        f"{expected['joined']} / {expected['online']}")
    assert values[("Waitlist", "seats given from the waitlist")] == "1"
    assert values[("Feedback (1-5)", "average")] == "4.5"
    assert values[("Registrations per day", "2030-11-07")] == "2"
    for (section, item), value in values.items():  # the PDF prints every figure
        assert f"{item}: {value}" in text, (section, item)
    assert "More time for questions" in text
    digits = re.sub(r"\D", "", text + sheet.document[1].decode("utf-8-sig"))
    assert "7017654321" not in digits  # no phone, in any spelling
    assert "Person 1" not in text and "Person 1" in pdf_text(named)
    assert "Checked in: 2 of 3" in stats.plain_text  # at the door: "Join now" is not counted
    assert "offline 2 of 3" in stats.plain_text and "online 1 of 3" in stats.plain_text
    assert "2 answers, average 4.5" in stats.plain_text
