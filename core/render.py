"""Message bodies assembled from catalog texts, shared by handlers and the scheduler."""

from __future__ import annotations

import html
import textwrap
from datetime import datetime, timedelta
from typing import Any

from babel.dates import format_timedelta

from core.config import EventSection
from core.i18n import Safe, Texts
from core.questions import FormModel, Question, shown
from core.timeutil import city, show, zone
from storage.audit import News
from storage.models import Counts, Format, Placement, Registration
from storage.pending import Waiting


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words with "…" (a button that reads
    "Migration and the l" is a worse label than "Migration and the…"). A first word
    longer than the limit is cut inside it: something must show."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = textwrap.shorten(flat, width=limit, placeholder="…", break_on_hyphens=False)
    return cut if cut != "…" else flat[:limit - 1] + "…"


def place(event: EventSection) -> str:
    """The venue, and its street address when the organisers gave one."""
    return f"{event.venue}, {event.address}" if event.address else event.venue


def when(t: Texts, event: EventSection) -> str:
    """The start in the event's own zone, named: '12 November 2020, 17:00 (Almaty time)'."""
    return t("when", moment=show(event.starts_utc, event.timezone, t.language),
             zone=event.timezone, city=city(event.timezone, t.language))


def online_details(t: Texts, event: EventSection, registered: bool = False) -> Safe:
    """How to join online; `registered`: for a participant (the Zoom passcode too, which
    the public card does not show)."""
    parts = [t("online-zoom", zoom=event.zoom_conference_id)]
    if registered and event.zoom_passcode:
        parts.append(t("online-zoom-passcode", passcode=event.zoom_passcode))
    if event.zoom_url:
        # A link, not a bare address: tappable in every client (quotes escaped for href).
        parts.append(t("online-zoom-link", url=Safe(html.escape(event.zoom_url, quote=True))))
    if event.stream_url:
        parts.append(t("online-stream", url=event.stream_url))
    return Safe("\n".join(parts))


def span(delta: timedelta, language: str, ahead: bool = False) -> str:
    """A duration in words of the reader's language: '1 day' / '1 день'; `ahead`: 'in 1
    hour' / 'через 1 час'. Rounded the way people say it ('in 2 days', not '47 hours')."""
    return str(format_timedelta(delta, locale=language, add_direction=ahead))


def exact_span(delta: timedelta, language: str) -> str:
    """Every unit kept, in words: '1 day 2 hours' / '1 день 2 часа' (reminder offsets in
    the console, where rounding would hide what the config says)."""
    seconds = int(delta.total_seconds())
    parts = []
    for unit in (86400, 3600, 60, 1):
        count, seconds = divmod(seconds, unit)
        if count:
            parts.append(str(format_timedelta(timedelta(seconds=count * unit), threshold=1,
                                              locale=language)))
    return " ".join(parts) or str(format_timedelta(timedelta(0), locale=language))


def seats_line(t: Texts, counts: Counts, is_open: bool, offline_open: bool) -> str:
    """The room as a newcomer can still use it: only an open room offers its seats or its
    waitlist; a closed one states the fact without inviting anyone to act."""
    if not is_open:
        return t("card-seats-closed", left=counts.seats_left, capacity=counts.capacity)
    if not offline_open:
        return t("card-offline-closed")
    if counts.seats_left:
        return t("card-seats", left=counts.seats_left, capacity=counts.capacity)
    return t("card-full")


def deadline_line(t: Texts, event: EventSection) -> str:
    """Shown only when organisers set a deadline before the start."""
    if event.registration_closes_at is None:
        return ""
    return "\n" + t("card-deadline", moment=show(event.closes_utc, event.timezone,
                                                   t.language))


def live_line(t: Texts, event: EventSection) -> str:
    """An event between its start and its end: on now, with where to join."""
    return t("event-live", until=show(event.starts_utc + event.duration, event.timezone,
                                      t.language))


def event_card(t: Texts, event: EventSection, counts: Counts, is_open: bool,
               past: bool = False, offline_open: bool = True, live: bool = False) -> str:
    # Every event text in the reader's language where one was given: one message, one language.
    event = event.in_language(t.language)
    agenda = Safe("\n".join(t("agenda-item", item=item) for item in event.agenda))
    seats = seats_line(t, counts, is_open and not past, offline_open)
    if is_open and not past:
        seats += deadline_line(t, event)
    body = t("card", title=event.title, when=Safe(when(t, event)), venue=place(event),
             seats=Safe(seats), online=online_details(t, event))
    if event.agenda:  # no empty heading for an event without one
        body += "\n\n" + t("card-agenda", items=agenda)
    about = [t("card-organisers", organisers=event.organisers) if event.organisers else "",
             t("card-phone", phone=event.contact_phone) if event.contact_phone else ""]
    if any(about):
        body += "\n\n" + "\n".join(line for line in about if line)
    if past:
        return body + "\n\n" + t("event-past")
    if live:
        body += "\n\n" + live_line(t, event)
    return body if is_open else body + "\n\n" + t("registration-closed")


def role_label(t: Texts, role: str, event: EventSection | None = None) -> str:
    """The event's own label for the role in this language, else the catalog's."""
    own = event.role_label(t.language, role) if event is not None else None
    if own:
        return own
    key = f"role-{role}"
    return t(key) if t.has(key) else role


def summary(t: Texts, data: dict[str, Any], counts: Counts,
            event: EventSection | None = None) -> str:
    fmt = data.get("format", "online")
    if fmt == "offline":
        fmt_label = t("format-offline") if counts.seats_left else t("format-offline-full")
    else:
        fmt_label = t("format-online")
    text = t("summary", name=data["name"], org=data["org"],
             role=role_label(t, data["role"], event),
             phone=data.get("phone") or t("phone-none"), format=fmt_label)
    if event is None or not event.questions:
        return text
    model = event.form_model
    answers = data.get("answers") or {}
    return text + answer_lines(t, model, {q: answers.get(q) for q in answers
                                          if model.asks(q, data.get("format"))})


def answer(t: Texts, question: Question, value: Any) -> str:
    """One answer in the reader's language."""
    return shown(value, question, t.language, t("answer-yes"), t("answer-no"),
                 t("answer-none"))


def answer_lines(t: Texts, model: FormModel, answers: Any) -> str:
    """The event's own questions with these answers, one line each ("" without any); a
    question added after the registration shows as not answered."""
    lines = [answer_line(t, q.label_in(t.language), answer(t, q, answers.get(q.id)))
             for q in model.questions if q.id in answers or not q.limited]
    return "\n" + "\n".join(lines) if lines else ""


# A label that ends in its own punctuation ("Do you need a certificate?") takes no ":"
# after it: "…certificate? No", not "…certificate?: No".
ENDS_ITSELF = ("?", "!", ":", ".", "…")


def answer_line(t: Texts, label: str, value: str) -> str:
    key = "answer-line-asked" if label.rstrip().endswith(ENDS_ITSELF) else "answer-line"
    return t(key, label=label.rstrip(), value=value)


def question(t: Texts, q: Question, head: str = "") -> str:
    """An event's own question as it is asked, with what kind of answer it takes."""
    hints = []
    if q.kind == "multi":
        hints.append(t("q-hint-multi"))
    elif q.kind == "number":
        hints.append(t("q-hint-number-range", min=q.min, max=q.max)
                     if q.min is not None and q.max is not None else t("q-hint-number"))
    elif q.kind == "email":
        hints.append(t("q-hint-email"))
    elif q.kind == "phone":
        hints.append(t("q-hint-phone"))
    if not q.required:
        hints.append(t("q-hint-optional"))
    body = t("q-ask", label=q.label_in(t.language))
    if hints:
        body += "\n" + " ".join(hints)
    return f"{head}\n\n{body}" if head else body


def placement(t: Texts, event: EventSection, reg: Registration, position: int | None) -> str:
    """What the participant has: seat + code, or online (+ place in the queue)."""
    event = event.in_language(t.language)
    common = {"when": Safe(when(t, event)), "online": online_details(t, event, registered=True)}
    if reg.placement is Placement.SEATED:
        return t("placement-seated", code=reg.entry_code or "", venue=place(event),
                 phone=event.contact_phone, **common)
    if reg.placement is Placement.WAITLISTED:
        return t("placement-waitlisted", position=position or 0, **common)
    return t("placement-online", **common)


def my_registration(t: Texts, event: EventSection, reg: Registration,
                    position: int | None) -> str:
    head = t("my-head", title=event.in_language(t.language).title, name=reg.full_name,
             org=reg.organisation, role=role_label(t, reg.role, event),
             phone=reg.phone or t("phone-none"))
    if event.questions:
        head += answer_lines(t, event.form_model, reg.answers)
    return head + "\n\n" + placement(t, event, reg, position)


def waiting(t: Texts, event: EventSection, form: Waiting) -> str:
    """A form waiting for approval as its author sees it (/my, /start): the answers as a
    registration's details show them, the format asked, and how to change it."""
    who = form.who
    text = t("pending-my", title=event.in_language(t.language).title) + "\n\n" + t(
        "pending-form", name=who.full_name, org=who.organisation,
        role=role_label(t, who.role, event), phone=who.phone or t("phone-none"),
        format=t("format-offline" if form.wants is Format.OFFLINE else "format-online"))
    if event.questions:
        text += answer_lines(t, event.form_model, form.answers)
    return text + "\n\n" + t("pending-change")


def promoted(t: Texts, event: EventSection, reg: Registration) -> str:
    return (t("promoted", title=event.in_language(t.language).title) + "\n\n"
            + placement(t, event, reg, None))


def digest(t: Texts, event: EventSection, items: list[News]) -> str:
    """Participants' own steps, for the organisers: one line each, the local time first."""
    event = event.in_language(t.language)
    lines = [t("adm-digest-head", title=event.title)]
    for news in items:
        at = news.at.astimezone(zone(event.timezone)).strftime("%H:%M")
        key = f"adm-digest-{news.action}"
        lines.append(t(key if t.has(key) else "adm-digest-other", at=at, action=news.action,
                       name=news.name or t("adm-erased")))
    return "\n".join(lines)


def moved(t: Texts, event: EventSection, old_starts: datetime, old_venue: str) -> str | None:
    """"The event moved": what was, what is now, in the reader's language (`old_venue` is
    theirs too); None when it is back as it was."""
    event = event.in_language(t.language)
    lines = [t("event-changed", title=event.title)]
    if old_starts != event.starts_utc:
        zone = event.timezone
        lines.append(t("event-changed-time", old=show(old_starts, zone, t.language),
                       new=show(event.starts_utc, zone, t.language)))
    if old_venue != event.venue:
        lines.append(t("event-changed-venue", old=old_venue, new=event.venue))
    return "\n".join(lines) if len(lines) > 1 else None


def reminder(t: Texts, event: EventSection, reg: Registration,
             until: timedelta | None = None) -> str:
    """Everything needed to attend, for this person's format; `until`: the time left
    before the start when it is sent (said as "starts in 1 hour")."""
    event = event.in_language(t.language)
    left = (t("reminder-starts-in", span=span(until, t.language, ahead=True)) + "\n"
            if until is not None and until > timedelta(0) else "")
    common = {"title": event.title, "when": Safe(left + when(t, event))}
    if reg.placement is Placement.SEATED:
        return t("reminder-offline", code=reg.entry_code or "", venue=place(event),
                 phone=event.contact_phone, **common)
    return t("reminder-online", online=online_details(t, event, registered=True), **common)
