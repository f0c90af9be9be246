"""The report for the funder: the event's numbers as a PDF (with a chart of registrations
per day) and a CSV, in the organiser's language. Counts only: never a phone number, and
names only when the organiser asks for them."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from fpdf import FPDF

from core.i18n import Texts
from core.render import role_label
from core.spreadsheet import BOM, delimiter, neutralise
from core.timeutil import zone
from services.certificates import FONT, event_date, plain
from services.events import Event
from services.typeface import font_path
from storage import after
from storage.after import Feedback
from storage.database import Database
from storage.models import Format, Placement, Registration


@dataclass(frozen=True)
class Figures:
    title: str
    held: str  # the event's date, in words
    per_day: list[tuple[date, int]]  # registrations made each local day
    registered: int  # every registration ever made
    cancelled: int
    seated: int
    waitlisted: int
    online: int
    roles: list[tuple[str, int]]  # label, active registrations
    organisations: list[tuple[str, int]]
    checked_in: int  # of the seated
    joined: int  # of the online (waitlisted included)
    promoted: int  # seats given from the waitlist
    released: int  # seats freed for silence
    feedback: Feedback
    names: list[str] | None  # only when asked

    @property
    def active(self) -> int:
        return self.seated + self.waitlisted + self.online

    @property
    def average(self) -> float | None:
        votes = sum(self.feedback.ratings.values())
        if not votes:
            return None
        return sum(k * n for k, n in self.feedback.ratings.items()) / votes


async def figures(db: Database, t: Texts, event: Event, everyone: list[Registration],
                  names: bool = False) -> Figures:
    tz = zone(event.info.timezone)
    days = Counter(r.created_at.astimezone(tz).date() for r in everyone)
    active = [r for r in everyone if r.active]
    places = Counter(r.placement for r in active)
    roles = Counter(r.role for r in active if r.role)
    orgs = Counter(r.organisation for r in active if r.organisation)
    promoted, released = await after.waitlist_moves(db, event.id)
    online = [r for r in active if r.format is Format.ONLINE]
    return Figures(
        title=event.info.in_language(t.language).title,
        held=event_date(event, t.language),
        per_day=sorted(days.items()),
        registered=len(everyone),
        cancelled=len(everyone) - len(active),
        seated=places[Placement.SEATED], waitlisted=places[Placement.WAITLISTED],
        online=places[Placement.ONLINE],
        roles=[(role_label(t, code, event.info), n) for code, n in roles.most_common()],
        organisations=sorted(orgs.items(), key=lambda item: (-item[1], item[0])),
        checked_in=sum(1 for r in active
                       if r.placement is Placement.SEATED and r.checked_in_at is not None),
        joined=sum(1 for r in online if r.checked_in_at is not None),
        promoted=promoted, released=released,
        feedback=await after.feedback_of(db, event.id),
        names=sorted(r.full_name for r in active if r.full_name) if names else None,
    )


def rows(t: Texts, f: Figures) -> list[tuple[str, str, str]]:
    """(section, item, value): the CSV, and what the PDF prints."""
    def p(key: str) -> str:
        return plain(t, key)

    out: list[tuple[str, str, str]] = [
        (p("rep-registrations"), p("rep-registered"), str(f.registered)),
        (p("rep-registrations"), p("rep-active"), str(f.active)),
        (p("rep-registrations"), p("rep-cancelled"), str(f.cancelled)),
    ]
    out += [(p("rep-per-day"), day.isoformat(), str(n)) for day, n in f.per_day]
    out += [(p("rep-format"), p("rep-seated"), str(f.seated)),
            (p("rep-format"), p("rep-waitlisted"), str(f.waitlisted)),
            (p("rep-format"), p("rep-online"), str(f.online))]
    out += [(p("rep-roles"), label, str(n)) for label, n in f.roles]
    out += [(p("rep-organisations"), p("rep-organisations-count"), str(len(f.organisations)))]
    out += [(p("rep-organisations"), name, str(n)) for name, n in f.organisations]
    out += [(p("rep-attendance"), p("rep-checked-in"), f"{f.checked_in} / {f.seated}"),
            (p("rep-attendance"), p("rep-joined"), f"{f.joined} / {f.online + f.waitlisted}"),
            (p("rep-waitlist"), p("rep-promoted"), str(f.promoted)),
            (p("rep-waitlist"), p("rep-released"), str(f.released)),
            (p("rep-waitlist"), p("rep-still-waiting"), str(f.waitlisted))]
    out += [(p("rep-feedback"), "★" * k, str(n)) for k, n in f.feedback.ratings.items()]
    if f.average is not None:
        out.append((p("rep-feedback"), p("rep-average"), f"{f.average:.1f}"))
    out += [(p("rep-comments"), str(n), text) for n, text in enumerate(f.feedback.comments, 1)]
    if f.names is not None:
        out += [(p("rep-names"), str(n), name) for n, name in enumerate(f.names, 1)]
    return out


def csv_bytes(t: Texts, f: Figures) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", delimiter=delimiter(t.language))
    writer.writerow([plain(t, "rep-col-section"), plain(t, "rep-col-item"),
                     plain(t, "rep-col-value")])
    # Organisations and comments are typed by people: no cell runs as a formula.
    writer.writerows([neutralise(cell) for cell in row] for row in rows(t, f))
    return (BOM + out.getvalue()).encode("utf-8")  # the BOM: Excel reads it as UTF-8


def pdf_bytes(t: Texts, f: Figures, made: datetime | None = None) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font(FONT, "", font_path())
    pdf.set_title(plain(t, "rep-heading", title=f.title))
    pdf.set_creator("regbot")
    if made is not None:
        pdf.set_creation_date(made)
    pdf.add_page()
    pdf.set_font(FONT, size=16)
    pdf.multi_cell(0, 8, plain(t, "rep-heading", title=f.title), align="L", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.set_font(FONT, size=11)
    pdf.cell(0, 7, f.held, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _chart(pdf, plain(t, "rep-per-day"), [(d.strftime("%d.%m"), n) for d, n in f.per_day])
    _chart(pdf, plain(t, "rep-feedback"),
           [("★" * k, n) for k, n in f.feedback.ratings.items()])
    section = ""
    for head, item, value in rows(t, f):
        if head != section:
            section = head
            pdf.ln(2)
            pdf.set_font(FONT, size=12)
            pdf.cell(0, 7, head, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FONT, size=10)
        pdf.set_x(15)
        pdf.multi_cell(0, 5, f"{item}: {value}", align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _chart(pdf: FPDF, title: str, bars: list[tuple[str, int]]) -> None:
    """A bar chart: fpdf2's own rectangles, no plotting library."""
    if not bars:
        return
    pdf.set_font(FONT, size=12)
    pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    top, height, left = pdf.get_y() + 2, 35.0, 20.0
    width = min(12.0, 170.0 / len(bars))
    peak = max(n for _, n in bars) or 1
    pdf.set_font(FONT, size=7)
    pdf.set_fill_color(60, 110, 170)
    for i, (label, n) in enumerate(bars):
        x = left + i * width
        bar = height * n / peak
        if bar:
            pdf.rect(x + 1, top + height - bar, width - 2, bar, style="F")
        pdf.set_xy(x, top + height - bar - 4)
        pdf.cell(width, 4, str(n), align="C")
        pdf.set_xy(x, top + height + 1)
        pdf.cell(width, 4, label, align="C")
    pdf.set_y(top + height + 7)
