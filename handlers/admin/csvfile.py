"""The registrations export: CSV in UTF-8 with a BOM (Excel then reads Cyrillic), local
times, and every cell that a spreadsheet could run as a formula neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import datetime

from core.questions import Question, plain
from core.spreadsheet import neutralise
from core.timeutil import zone
from storage.models import Registration
from storage.pending import Waiting
from storage.privacy import erased

COLUMNS = (
    "id", "user_id", "chat_id", "language", "full_name", "organisation", "role", "phone",
    "format", "status", "placement", "entry_code", "created_at", "updated_at",
    "waitlisted_at", "cancelled_at", "checked_in_at", "unreachable_at",
    "consent_at", "consent_version",
)  # fmt: skip
TIMES = frozenset(c for c in COLUMNS if c.endswith("_at"))  # local time in the export
# After the event (services.after): added once anyone answered the poll or got a certificate.
AFTER_COLUMNS = ("rating", "comment", "certificate_code")


def local(moment: datetime | None, tz: str) -> str:
    return "" if moment is None else moment.astimezone(zone(tz)).strftime("%Y-%m-%d %H:%M:%S")


def cells(reg: Registration, tz: str, erased_label: str = "") -> list[str]:
    out = []
    for column in COLUMNS:
        value = reg.placement if column == "placement" else getattr(reg, column)
        if column in ("format", "placement") and not reg.active:
            value = None  # a cancelled registration has no format any more (status says so)
        if column == "full_name" and erased(reg) and erased_label:
            value = erased_label  # not a blank row the organisers would wonder about
        if isinstance(value, datetime):
            text = local(value, tz)
        else:
            text = "" if value is None else str(value)
        out.append(neutralise(text))
    return out


def waiting_cells(waiting: Waiting, tz: str) -> list[str]:
    """A form waiting for approval: status "pending", no registration id, the format
    asked for, no placement or code yet."""
    who = waiting.who
    known = {"user_id": who.user_id, "chat_id": who.chat_id, "language": who.language,
             "full_name": who.full_name, "organisation": who.organisation, "role": who.role,
             "phone": who.phone, "format": waiting.wants.value, "status": "pending",
             "created_at": waiting.created_at, "consent_at": who.consent_at,
             "consent_version": who.consent_version}
    out = []
    for column in COLUMNS:
        value = known.get(column)
        text = local(value, tz) if isinstance(value, datetime) else (
            "" if value is None else str(value))
        out.append(neutralise(text))
    return out


def export(regs: Iterable[Registration], tz: str, erased_label: str = "",
           delimiter: str = ",",
           results: Mapping[int, tuple[str, str, str]] | None = None,
           own: list[Question] | None = None, waiting: Iterable[Waiting] = ()) -> bytes:
    """`erased_label` stands in the name column of registrations whose data is erased;
    `results`: the feedback and certificate by registration id (AFTER_COLUMNS); `own`: the
    event's own questions, a column each (headed by the question's id); `waiting`: the
    forms waiting for approval (rows after the registrations, status "pending")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", delimiter=delimiter)
    extra = AFTER_COLUMNS if results else ()
    writer.writerow([f"{c} ({tz})" if c in TIMES else c for c in (*COLUMNS, *extra)]
                    + [q.id for q in own or []])
    empty = ("",) * len(AFTER_COLUMNS)
    writer.writerows(
        cells(reg, tz, erased_label) + ([neutralise(v) for v in results.get(reg.id, empty)]
                                        if results else [])
        # The event's own questions, one column each: empty where not asked (a question
        # added later, or one for the other format) or erased.
        + [neutralise(plain(reg.answers.get(q.id))) for q in own or []]
        for reg in regs)
    # The forms waiting for approval, after the registrations: status "pending".
    writer.writerows(waiting_cells(w, tz) + (list(empty) if results else [])
                     + [neutralise(plain(w.answers.get(q.id))) for q in own or []]
                     for w in waiting)
    return buffer.getvalue().encode("utf-8-sig")
