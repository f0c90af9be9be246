"""Certificates of attendance: a PDF in the person's language that anyone can verify.

fpdf2 (pure Python, no system libraries, embeds a subset of a TrueType font) draws the
page; the font is DejaVu Sans, shipped in services/fonts/ (its licence beside it), because
the PDF base fonts have no Kazakh letters (әғқңөұүһі) and no Cyrillic at all. The QR
code (segno) opens https://t.me/<bot>?start=verify_<code>, which answers anyone with
"valid: name, event, date"; the link is printed as text too, for a paper copy."""

from __future__ import annotations

import io
import secrets
from datetime import datetime
from typing import Any

import segno
from babel.dates import format_date
from fpdf import FPDF

from core.i18n import Catalog, Safe, Texts
from core.render import exact_span
from core.timeutil import Clock, zone
from services.events import Event, Events
from services.typeface import font_path
from storage import after
from storage.after import Certificate
from storage.database import Database
from storage.models import Registration

VERIFY_PREFIX = "verify_"
FONT = "DejaVu"
# Unambiguous letters and digits (no O/0, I/1): the code may be typed from paper.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def verify_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={VERIFY_PREFIX}{code}"


def new_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(10))


def plain(t: Texts, key: str, **args: Any) -> str:
    """A catalog text for the PDF: the arguments as they are (no HTML there)."""
    return t(key, **{k: Safe(v) if isinstance(v, str) else v for k, v in args.items()})


def event_date(event: Event, language: str) -> str:
    local = event.starts_utc.astimezone(zone(event.info.timezone)).date()
    return str(format_date(local, "long", locale=language))


def render_pdf(t: Texts, event: Event, name: str, code: str, link: str,
               issued: datetime | None = None) -> bytes:
    """One A4 landscape page."""
    info = event.info.in_language(t.language)
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(plain(t, "cert-heading"))
    pdf.set_creator("regbot")
    if issued is not None:
        pdf.set_creation_date(issued)
    pdf.add_font(FONT, "", font_path())
    pdf.add_page()
    pdf.set_draw_color(40, 70, 120)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)

    def line(text: str, size: float, height: float, gap: float = 0) -> None:
        pdf.set_font(FONT, size=size)
        pdf.set_x(20)
        pdf.multi_cell(257, height, text, align="C", new_x="LMARGIN", new_y="NEXT")
        if gap:
            pdf.ln(gap)

    pdf.set_y(28)
    line(plain(t, "cert-heading"), 30, 14, 8)
    line(plain(t, "cert-certifies"), 14, 8, 2)
    line(name, 28, 13, 2)
    line(plain(t, "cert-attended"), 14, 8, 2)
    line(f"«{info.title}»", 18, 9, 2)
    line(plain(t, "cert-when", date=event_date(event, t.language),
               length=exact_span(info.duration, t.language)), 14, 8, 1)
    if info.organisers:
        line(plain(t, "cert-organisers", organisers=info.organisers), 12, 7)
    qr = io.BytesIO()
    segno.make(link, error="m").save(qr, kind="png", scale=6, border=2)
    qr.seek(0)
    pdf.image(qr, x=232, y=148, w=45, h=45)
    pdf.set_font(FONT, size=10)
    pdf.set_xy(20, 176)
    pdf.cell(205, 6, plain(t, "cert-code", code=code), new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.cell(205, 6, plain(t, "cert-verify", link=link))
    return bytes(pdf.output())


class Certificates:
    def __init__(self, db: Database, events: Events, catalog: Catalog, clock: Clock) -> None:
        self.db, self.events, self.catalog, self.clock = db, events, catalog, clock

    async def offer(self, reg: Registration) -> Certificate:
        """Made before the offer goes out: the name it will carry, the code it will have."""
        return await after.certificate_for(self.db, reg, new_code())

    async def correct(self, reg_id: int, name: str) -> bool:
        return await after.correct_name(self.db, reg_id, name, self.clock())

    async def mine(self, reg: Registration | None, user_id: int) -> Certificate | None:
        """Only the person's own, and only if they came."""
        if reg is None or reg.user_id != user_id or reg.checked_in_at is None:
            return None
        return await after.certificate(self.db, reg.id)

    async def issue(self, cert: Certificate, language: str,
                    bot_username: str) -> tuple[bytes, str]:
        """The PDF and its file name; from now on the name is final and the code verifies."""
        event = await self.events.get(cert.event_id)
        if event is None:
            raise LookupError(f"event {cert.event_id}")
        now = self.clock()
        await after.mark_issued(self.db, cert.registration_id, now)
        t = self.catalog.for_language(language)
        pdf = render_pdf(t, event, cert.full_name, cert.code,
                         verify_link(bot_username, cert.code), now)
        return pdf, f"certificate-{event.slug}-{cert.code}.pdf"

    async def verify(self, code: str) -> tuple[Certificate, Event] | None:
        cert = await after.verify(self.db, code)
        event = await self.events.get(cert.event_id) if cert else None
        return (cert, event) if cert and event else None
