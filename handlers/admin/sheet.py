"""The registrations export as an Excel workbook (openpyxl): the organiser's language in
the headings, readable roles, each registration's current state and format, local times as
real dates. Opens in one click under any locale, unlike a CSV whose separator depends on it."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import datetime

from core.config import EventSection
from core.i18n import Texts
from core.questions import Question
from core.render import answer, role_label
from core.timeutil import zone
from storage.models import Placement, Registration
from storage.pending import Waiting
from storage.privacy import erased

# (catalog key of the heading, column width)
COLUMNS = (
    ("adm-col-id", 6), ("adm-col-name", 28), ("adm-col-org", 28), ("adm-col-role", 20),
    ("adm-col-phone", 16), ("adm-col-state", 16), ("adm-col-format", 12),
    ("adm-col-code", 10), ("adm-col-registered", 18), ("adm-col-cancelled", 18),
    ("adm-col-arrived", 18), ("adm-col-language", 8), ("adm-col-consent", 18),
    ("adm-col-consent-version", 10),
)


def state(t: Texts, reg: Registration, position: int | None) -> str:
    """Where the registration stands now: a cancelled one is cancelled, whatever its
    format was."""
    if not reg.active:
        return t("adm-state-cancelled")
    if reg.placement is Placement.SEATED:
        return t("adm-state-seated")
    if reg.placement is Placement.WAITLISTED:
        return t("adm-state-waitlisted", position=position or 0)
    return t("adm-state-online")


def fmt(t: Texts, reg: Registration) -> str:
    return "" if not reg.active else t(f"adm-format-{reg.format.value}")


def _local(moment: datetime | None, tz: str) -> datetime | None:
    # Excel has no time zones: the event's wall clock, said in the heading.
    return None if moment is None else moment.astimezone(zone(tz)).replace(tzinfo=None)


def row(t: Texts, reg: Registration, tz: str, event: EventSection | None,
        position: int | None) -> list[object]:
    name = t("adm-erased") if erased(reg) else reg.full_name
    return [reg.id, name, reg.organisation,
            role_label(t, reg.role, event) if reg.role else "", reg.phone or "",
            state(t, reg, position), fmt(t, reg), reg.entry_code or "",
            _local(reg.created_at, tz), _local(reg.cancelled_at, tz),
            _local(reg.checked_in_at, tz), reg.language, _local(reg.consent_at, tz),
            reg.consent_version or ""]


def waiting_row(t: Texts, waiting: Waiting, tz: str, event: EventSection | None) -> list[object]:
    """A form waiting for approval: no registration yet (no number, no code), its state
    "waiting for approval", the format the person asked for."""
    who = waiting.who
    return ["", who.full_name, who.organisation,
            role_label(t, who.role, event) if who.role else "", who.phone or "",
            t("adm-state-pending"), t(f"adm-format-{waiting.wants.value}"), "",
            _local(waiting.created_at, tz), None, None, who.language,
            _local(who.consent_at, tz), who.consent_version or ""]


# After the event: the feedback poll's rating and comment, and the certificate's code; added
# (like the CSV's) once anyone answered the poll or was given a certificate.
AFTER_COLUMNS = (("adm-col-rating", 8), ("adm-col-comment", 40), ("adm-col-certificate", 14))


def workbook(t: Texts, regs: Iterable[Registration], tz: str, event: EventSection | None,
             positions: dict[int, int] | None = None,
             results: dict[int, tuple[str, str, str]] | None = None,
             waiting: Iterable[Waiting] = ()) -> bytes:
    """`positions`: registration id -> place in the waitlist; `results`: registration id
    -> (rating, comment, certificate code), "" where there is none; `waiting`: the forms
    waiting for approval, after the registrations (a security list is checked before
    anyone is approved)."""
    from openpyxl import Workbook  # here: only /export needs it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = t("adm-sheet-title")[:31]  # Excel's limit for a sheet name
    # The event's own questions: a column each, headed by the question in the organiser's
    # language, the answers in it too (empty where not asked, or erased).
    own = event.form_model.questions if event is not None else []
    after = AFTER_COLUMNS if results else ()
    sheet.append([t(key, tz=tz) for key, _ in COLUMNS] + [q.label_in(t.language) for q in own]
                 + [t(key) for key, _ in after])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    lines = [(row(t, reg, tz, event, (positions or {}).get(reg.id)), reg.answers,
              _after(reg, results) if after else []) for reg in regs]
    lines += [(waiting_row(t, w, tz, event), w.answers, ["", "", ""] if after else [])
              for w in waiting]
    for cells, answers, later in lines:
        sheet.append(cells + [cell_of(t, q, answers[q.id]) if q.id in answers else ""
                              for q in own] + later)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, never a formula Excel would run
    widths = [w for _, w in COLUMNS] + [24] * len(own) + [w for _, w in after]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for column in (9, 10, 11, 13):  # dates as dates, in the local form
        for cells in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cells[0].number_format = "yyyy-mm-dd hh:mm"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def cell_of(t: Texts, question: Question, value: object) -> object:
    """An answer as a cell: a number as a number (Excel sums and sorts it), else the text
    in the organiser's language."""
    if question.kind == "number" and isinstance(value, int | float) \
            and not isinstance(value, bool):
        return value
    return answer(t, question, value)


def _after(reg: Registration, results: dict[int, tuple[str, str, str]] | None) -> list[object]:
    """The rating as a number (so Excel can average it); nothing of an erased person."""
    rating, comment, code = (results or {}).get(reg.id, ("", "", ""))
    if erased(reg):
        return ["", "", ""]
    return [int(rating) if rating else "", comment, code]
