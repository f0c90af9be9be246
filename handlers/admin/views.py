"""Organiser screens as text, from catalog texts (pure: no Telegram calls)."""

from __future__ import annotations

import re
from datetime import datetime

from core.config import EventSection
from core.i18n import Safe, Texts
from core.render import answer_lines, role_label, shorten
from core.timeutil import show, zone
from handlers.admin import rules
from services.events import Event, Tally
from services.registration import Intake
from storage.audit import PARTICIPANT, AuditEntry
from storage.models import Counts, Placement, Registration
from storage.privacy import erased


def moment(at: datetime, tz: str) -> str:
    return at.astimezone(zone(tz)).strftime("%d.%m %H:%M")


def intake_label(t: Texts, intake: Intake) -> str:
    return t(f"adm-intake-{intake.value}")


def status(t: Texts, reg: Registration, tz: str, position: int | None) -> Safe:
    if not reg.active:
        return Safe(t("adm-status-cancelled"))
    if reg.placement is Placement.SEATED:
        if reg.checked_in_at:
            return Safe(t("adm-status-arrived", code=reg.entry_code or "",
                          at=moment(reg.checked_in_at, tz)))
        return Safe(t("adm-status-seated", code=reg.entry_code or ""))
    if reg.placement is Placement.WAITLISTED:
        return Safe(t("adm-status-waitlisted", position=str(position or 0)))
    return Safe(t("adm-status-online"))


def who(t: Texts, reg: Registration) -> str:
    """The person's name, or "(data erased)" once forget-me or retention has erased it."""
    return t("adm-erased") if erased(reg) else reg.full_name


def row(t: Texts, n: int, reg: Registration, tz: str, position: int | None) -> str:
    if erased(reg):
        return t("adm-list-row-erased", n=str(n), erased=who(t, reg),
                 status=status(t, reg, tz, position))
    return t("adm-list-row", n=str(n), name=reg.full_name, org=reg.organisation,
             role=role_label(t, reg.role), phone=reg.phone or t("phone-none"),
             status=status(t, reg, tz, position))


def details(t: Texts, reg: Registration, tz: str, position: int | None,
            event: EventSection | None = None) -> str:
    if erased(reg):
        lines = [t("adm-details-erased", erased=who(t, reg), id=str(reg.id),
                   status=status(t, reg, tz, position), created=moment(reg.created_at, tz),
                   language=reg.language)]
        if reg.cancelled_at and not reg.active:
            lines.append(t("adm-details-cancelled", at=moment(reg.cancelled_at, tz)))
        return "\n".join(lines)
    lines = [t("adm-details", name=reg.full_name, id=str(reg.id), org=reg.organisation,
               role=role_label(t, reg.role), phone=reg.phone or t("phone-none"),
               status=status(t, reg, tz, position), created=moment(reg.created_at, tz),
               language=reg.language)]
    if event is not None and event.questions:
        lines.append(answer_lines(t, event.form_model, reg.answers).strip("\n"))
    if reg.cancelled_at and not reg.active:
        lines.append(t("adm-details-cancelled", at=moment(reg.cancelled_at, tz)))
    if reg.unreachable_at:
        lines.append(t("adm-details-unreachable", at=moment(reg.unreachable_at, tz)))
    return "\n".join(lines)


def pace(t: Texts, rate: float, configured: float, waiting: int) -> str:
    """The pace the bot sends at now: below the configured one after Telegram refused
    messages (core/pacer.py learns the real limit), with the messages waiting for a slot."""
    if rate < configured:
        return t("adm-pace-slowed", rate=round(rate, 1), configured=round(configured, 1),
                 waiting=waiting)
    return t("adm-pace", rate=round(rate, 1), waiting=waiting)


def stats(t: Texts, title: str, counts: Counts, intake: Intake, regs: list[Registration],
          tz: str, reminder: str, pace: str, waiting: int | None = None) -> str:
    """`waiting`: forms waiting for approval (None: the event does not ask for it), a
    line among the counts."""
    days = [t("adm-stats-day", day=day.strftime("%d.%m.%Y"), count=n)
            for day, n in rules.per_day(regs, tz)]
    pending = "" if waiting is None else "\n" + t("adm-stats-pending", count=waiting)
    return t("adm-stats", title=title, seated=counts.seated, capacity=counts.capacity,
             free=counts.seats_left, waitlisted=counts.waitlisted, online=counts.online,
             pending=Safe(pending),
             cancelled=counts.cancelled, checked=counts.checked_in,
             unreachable=rules.unreachable(regs), intake=intake_label(t, intake),
             days=Safe("\n".join(days) or t("adm-stats-no-days")), reminder=Safe(reminder),
             pace=Safe(pace))


def door(t: Texts, seated: list[Registration], capacity: int) -> list[str]:
    if not seated:
        return [t("adm-door-empty")]
    arrived = sum(1 for reg in seated if reg.checked_in_at)
    head = t("adm-door-head", arrived=arrived, seated=len(seated), capacity=capacity)
    return [head, *(t("adm-door-row", mark="✅" if reg.checked_in_at else "▫️",
                      name=who(t, reg), org=reg.organisation, code=reg.entry_code or "")
                    for reg in seated)]


_WORD = re.compile(r"[a-z][a-z-]*")


def log_details(t: Texts, details: str) -> str:
    """The stored details are the ledger's words (ok, full, seated, online-only...): each
    is shown in the reader's language; codes, numbers and names stay as they are."""
    return _WORD.sub(lambda m: t(f"adm-word-{m[0]}") if t.has(f"adm-word-{m[0]}") else m[0],
                     details)


def log(t: Texts, entries: list[AuditEntry], tz: str,
        admins: dict[int, str] | None = None) -> list[str]:
    """Names, not ids: the organiser by name (`admins`), the registration by its person."""
    if not entries:
        return [t("adm-log-empty")]
    lines = [t("adm-log-head")]
    for e in entries:
        # A registration without a name any more is an erased one.
        target = "" if e.registration_id is None else f" {e.target_name or t('adm-erased')}"
        action = t(f"adm-act-{e.action}") if t.has(f"adm-act-{e.action}") else e.action
        admin = (t("adm-log-participant") if e.admin_id == PARTICIPANT
                 else (admins or {}).get(e.admin_id, str(e.admin_id)))
        lines.append(t("adm-log-row", at=moment(e.at, tz), admin=admin,
                       action=action, target=target,
                       details=f": {log_details(t, e.details)}" if e.details else ""))
    return lines


def names(regs: tuple[Registration, ...] | list[Registration], limit: int = 20) -> str:
    """'Alice, Bob, … (+3)': the promoted, short enough for one message."""
    shown = ", ".join(reg.full_name for reg in regs[:limit])
    return shown + (f", … (+{len(regs) - limit})" if len(regs) > limit else "")


def starts(t: Texts, event: Event) -> str:
    """'12 November 2030, 17:00' in the event's own zone and the reader's language."""
    return show(event.starts_utc, event.info.timezone, t.language)


def pin(t: Texts, event: Event) -> Safe:
    """The one line that heads every console answer: which event it is about."""
    return Safe(t("adm-pin", title=event.texts(t.language).title, when=starts(t, event)))


def event_row(t: Texts, event: Event, tally: Tally, current: bool) -> str:
    return t("adm-events-row", mark="📌" if current else "▫️",
             title=event.texts(t.language).title,
             when=starts(t, event), tz=event.info.timezone, seated=tally.seated,
             capacity=tally.capacity, waitlisted=tally.waitlisted, online=tally.online)


def events(t: Texts, upcoming: list[Event], past: list[Event], tallies: dict[int, Tally],
           current: int) -> str:
    """/events: the events to come (soonest first), then the past ones (latest first)."""
    empty = Tally(0, 0, 0, 0)
    lines = [t("adm-events-head")]
    for head, group in (("adm-events-upcoming", upcoming), ("adm-events-past", past)):
        if group:
            lines.append(t(head))
            lines += [event_row(t, e, tallies.get(e.id, empty), e.id == current) for e in group]
    return "\n".join(lines)


def event_button(t: Texts, event: Event, current: bool) -> str:
    day = event.info.starts_at.strftime("%d.%m.%Y")
    return f"{'📌 ' if current else ''}{shorten(event.texts(t.language).title, 40)} · {day}"
