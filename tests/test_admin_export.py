"""/export: the CSV parsed back equals the ledger; formula injection is neutralised."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from core.i18n import Catalog
from core.timeutil import zone
from handlers.admin.csvfile import COLUMNS
from loopback import FakeTelegram
from storage.models import Format, Registration
from tests.admin import admin, audit_rows, enrol, reg
from tests.harness import ADMIN, Running, has, register

INJECTED = "=SUM(A1:A2) Eve"  # a formula; names may not carry links (issue 19)


def expected(r: Registration) -> list[str]:
    """Written independently of the exporter: local time text, '' for none, and a quote
    before anything a spreadsheet would evaluate."""
    out = []
    for column in COLUMNS:
        value = r.placement if column == "placement" else getattr(r, column)
        if column in ("format", "placement") and r.status != "active":
            value = None  # issue 19, finding 6: a cancelled registration has no format
        if isinstance(value, datetime):
            text = value.astimezone(zone("Asia/Almaty")).strftime("%Y-%m-%d %H:%M:%S")
        else:
            text = "" if value is None else str(value)
        out.append("'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text)
    return out


async def test_export_equals_the_ledger(fake: FakeTelegram, running: Running) -> None:
    await register(fake.user(1, language_code="en"), name=INJECTED, phone="+7 701 123 45 67")
    await enrol(running, fake, 2, name="Алия Нурланова", org="@home; \"quoted\", comma")
    await enrol(running, fake, 3, Format.ONLINE, org="-minus\nnew line")
    await enrol(running, fake, 4, Format.ONLINE, name="Tab\tname")
    await (await running.desk()).cancel(4)
    await (await running.desk()).ledger.check_in((await reg(running, 1)).entry_code or "",
                                                    running.clock())
    await admin(fake).send("/export csv")
    sent = await admin(fake).reply(lambda m: m.document is not None)
    assert "4 registrations · times in Asia/Almaty" in sent.plain_text
    assert sent.document is not None
    filename, data = sent.document
    assert filename.startswith("registrations-") and filename.endswith(".csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Cyrillic right
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "id" and rows[0][12] == "created_at (Asia/Almaty)"
    ledger = [await reg(running, user_id) for user_id in (1, 2, 3, 4)]
    assert rows[1:] == [expected(r) for r in ledger]
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    assert by_id["1"]["full_name"] == "'" + INJECTED
    assert by_id["1"]["phone"] == "'+77011234567"
    assert by_id["2"]["organisation"] == "'@home; \"quoted\", comma"
    assert by_id["3"]["organisation"] == "'-minus\nnew line"
    assert by_id["4"]["status"] == "cancelled" and by_id["4"]["cancelled_at"]
    assert by_id["1"]["checked_in_at"] == "2030-11-01 11:00:03"  # 06:00:03 UTC
    assert await audit_rows(running) == [(ADMIN, "export", None, "4 rows")]


async def test_export_of_nobody_is_just_the_header(fake: FakeTelegram, running: Running) -> None:
    await admin(fake).send("/export csv")
    sent = await admin(fake).reply(has("0 registrations"))
    assert sent.document is not None
    assert sent.document[1].decode("utf-8-sig").splitlines() == [
        ",".join(f"{c} (Asia/Almaty)" if c.endswith("_at") else c for c in COLUMNS)]


async def test_finding_6_the_export_opens_in_excel_in_the_organisers_language(
        fake: FakeTelegram, running: Running) -> None:
    """Issue 19: an .xlsx with readable roles and each registration's current state and
    format; CSV separated by ";" for a Russian-speaking organiser."""
    from openpyxl import load_workbook

    await enrol(running, fake, 1, name=INJECTED)  # seated
    await enrol(running, fake, 2, Format.ONLINE)
    await enrol(running, fake, 3)
    await (await running.desk()).cancel(3)  # the seat-holder cancels
    olga = fake.user(ADMIN, language_code="ru")
    await olga.send("/export")
    sent = await olga.reply(lambda m: m.document is not None)
    await olga.send("/export csv")
    csv_sent = await olga.reply(lambda m: m.document is not None and m.message_id > sent.message_id)
    assert sent.document is not None and csv_sent.document is not None
    filename, data = sent.document
    assert filename.endswith(".xlsx")
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[0][:8] == ("№", "Имя", "Организация", "Роль", "Телефон", "Состояние", "Формат",
                           "Код входа")
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id[1][1] == INJECTED  # text, never a formula
    assert by_id[1][3] == Catalog().for_language("ru")("role-ngo")
    assert by_id[1][5:7] == ("место в зале", "в зале")
    assert by_id[2][5:7] == ("онлайн", "онлайн")
    assert by_id[3][5:7] == ("отменена", None)  # not "online"
    text = csv_sent.document[1].decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id;user_id;chat_id;")
    assert ";cancelled;;" in text.splitlines()[3]
