"""Add to calendar: an .ics file (icalendar) and a Google Calendar link, for one person's
registration. Times go out in UTC, so no calendar can misplace the instant (Almaty moved
from UTC+6 to UTC+5 in 2024; an old VTIMEZONE table in a client would not know)."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

from core.i18n import Texts
from core.render import place
from services.events import Event
from storage.models import Placement, Registration

ALARM_BEFORE = timedelta(hours=1)


def uid(event: Event, reg: Registration) -> str:
    """The same for every download by this person for this event: a calendar app updates
    the entry instead of adding a second one."""
    return f"{event.slug}-{reg.user_id}@regbot"


def _where(t: Texts, event: Event, reg: Registration) -> str:
    info = event.texts(t.language)
    if reg.placement is Placement.SEATED:
        return place(info)
    return " ".join(part for part in ("Zoom", info.zoom_url or "") if part)


def _details(t: Texts, event: Event, reg: Registration) -> str:
    info = event.texts(t.language)
    lines = []
    if reg.placement is Placement.SEATED and reg.entry_code:
        lines.append(t("cal-entry-code", code=reg.entry_code))
    lines.append(t("cal-zoom", zoom=info.zoom_conference_id))
    lines += [url for url in (info.zoom_url, info.stream_url) if url]
    lines.append(t("cal-questions", phone=info.contact_phone))
    return "\n".join(lines)


def ics(t: Texts, event: Event, reg: Registration, now: datetime) -> bytes:
    import icalendar  # here: only a calendar button needs it (about 20 ms at start-up)

    info = event.texts(t.language)
    start = event.starts_utc
    entry = icalendar.Event()
    entry.add("uid", uid(event, reg))
    entry.add("sequence", event.sequence)  # raised when the organisers move the event
    entry.add("dtstamp", now)
    entry.add("dtstart", start)
    entry.add("dtend", start + info.duration)
    entry.add("summary", info.title)
    entry.add("location", _where(t, event, reg))
    entry.add("description", _details(t, event, reg))
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", info.title)
    alarm.add("trigger", -ALARM_BEFORE)
    entry.add_component(alarm)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//regbot//registration//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(entry)
    return bytes(calendar.to_ical())


def google_link(t: Texts, event: Event, reg: Registration) -> str:
    """Google Calendar's "add event" page, start and end in UTC."""
    start, end = event.starts_utc, event.starts_utc + event.info.duration
    stamp = "%Y%m%dT%H%M%SZ"
    query = {"action": "TEMPLATE", "text": event.texts(t.language).title,
             "dates": f"{start:{stamp}}/{end:{stamp}}",
             "details": _details(t, event, reg), "location": _where(t, event, reg)}
    return "https://calendar.google.com/calendar/render?" + urlencode(query)
