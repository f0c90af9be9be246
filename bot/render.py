"""Message bodies assembled from catalog texts, shared by handlers and the scheduler."""

from __future__ import annotations

from typing import Any

from bot.config import EventSection
from bot.i18n import Safe, Texts
from bot.timeutil import show
from storage.models import Counts, Placement, Registration


def place(event: EventSection) -> str:
    """The venue, and its street address when the organisers gave one."""
    return f"{event.venue}, {event.address}" if event.address else event.venue


def when(t: Texts, event: EventSection) -> str:
    """The start in the event's own zone, named: '12 November 2020, 17:00 (Almaty time)'."""
    return t("when", moment=show(event.starts_utc, event.timezone, t.language),
             zone=event.timezone, city=event.timezone.rsplit("/", 1)[-1].replace("_", " "))


def online_details(t: Texts, event: EventSection) -> Safe:
    parts = [t("online-zoom", zoom=event.zoom_conference_id)]
    if event.zoom_url:
        parts.append(t("online-zoom-link", url=event.zoom_url))
    if event.stream_url:
        parts.append(t("online-stream", url=event.stream_url))
    return Safe("\n".join(parts))


def event_card(t: Texts, event: EventSection, counts: Counts, is_open: bool,
               past: bool = False) -> str:
    # Every event text in the reader's language where one was given: one message, one language.
    event = event.in_language(t.language)
    agenda = Safe("\n".join(t("agenda-item", item=item) for item in event.agenda))
    seats = (t("card-seats", left=counts.seats_left, capacity=counts.capacity)
             if counts.seats_left else t("card-full"))
    body = t("card", title=event.title, when=Safe(when(t, event)), venue=place(event),
             seats=Safe(seats), online=online_details(t, event), agenda=agenda,
             organisers=event.organisers, phone=event.contact_phone)
    if past:
        return body + "\n\n" + t("event-past")
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
    return t("summary", name=data["name"], org=data["org"], role=role_label(t, data["role"], event),
             phone=data.get("phone") or t("phone-none"), format=fmt_label)


def placement(t: Texts, event: EventSection, reg: Registration, position: int | None) -> str:
    """What the participant has: seat + code, or online (+ place in the queue)."""
    event = event.in_language(t.language)
    common = {"when": Safe(when(t, event)), "online": online_details(t, event)}
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
    return head + "\n\n" + placement(t, event, reg, position)


def promoted(t: Texts, event: EventSection, reg: Registration) -> str:
    return t("promoted") + "\n\n" + placement(t, event, reg, None)


def reminder(t: Texts, event: EventSection, reg: Registration) -> str:
    """Everything needed to attend, for this person's format."""
    event = event.in_language(t.language)
    common = {"title": event.title, "when": Safe(when(t, event))}
    if reg.placement is Placement.SEATED:
        return t("reminder-offline", code=reg.entry_code or "", venue=place(event),
                 phone=event.contact_phone, **common)
    return t("reminder-online", online=online_details(t, event), **common)
