"""The calendar file and link: parsed back, the instant is right in UTC (Almaty is UTC+5
since March 2024), and one person's entry keeps its UID across downloads."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import icalendar
import zxingcpp
from PIL import Image

from core.config import EventSection
from core.i18n import Catalog
from services.calendar import google_link, ics
from services.entry_pass import checkin_link, qr_png
from services.events import Event
from storage.models import Format, Registration, Status

T = Catalog().for_language("en")
NOW = datetime(2027, 3, 1, tzinfo=UTC)


def event(sequence: int = 0, **changes: object) -> Event:
    info = EventSection.model_validate({
        "id": "rt-2027", "title": "Round table", "starts_at": "2027-03-20T18:00:00",
        "timezone": "Asia/Almaty", "offline_capacity": 10, "venue": "DKU, Almaty",
        "contact_phone": "+7 777 397 11 27", "zoom_conference_id": "846 8448 4087",
        "zoom_url": "https://zoom.us/j/84684484087", **changes})
    return Event(3, "rt-2027", "config", info, sequence)


def person(fmt: Format = Format.OFFLINE, code: str | None = "ABC234") -> Registration:
    return Registration(id=7, event_id=3, user_id=42, chat_id=42, language="en",
                        full_name="Alice", organisation="Org", role="ngo", phone=None,
                        format=fmt, status=Status.ACTIVE, waitlisted_at=None,
                        entry_code=code if fmt is Format.OFFLINE else None, created_at=NOW,
                        updated_at=NOW, cancelled_at=None, checked_in_at=None,
                        unreachable_at=None)


def parsed(data: bytes) -> icalendar.Component:
    calendar = icalendar.Calendar.from_ical(data)
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 1
    return entries[0]


def test_the_instant_and_the_end_in_utc_after_almatys_2024_change() -> None:
    entry = parsed(ics(T, event(), person(), NOW))
    start, end = entry.decoded("dtstart"), entry.decoded("dtend")
    assert start == datetime(2027, 3, 20, 13, 0, tzinfo=UTC)  # 18:00 at UTC+5
    assert end - start == timedelta(hours=2)
    longer = parsed(ics(T, event(duration="PT3H"), person(), NOW))
    assert longer.decoded("dtend") - longer.decoded("dtstart") == timedelta(hours=3)


def test_what_a_seat_and_an_online_place_say() -> None:
    seat = parsed(ics(T, event(), person(), NOW))
    assert "DKU, Almaty" in str(seat["location"])
    assert "ABC234" in str(seat["description"]) and "846 8448 4087" in str(seat["description"])
    online = parsed(ics(T, event(), person(Format.ONLINE), NOW))
    assert str(online["location"]) == "Zoom https://zoom.us/j/84684484087"
    assert "ABC234" not in str(online["description"])
    alarms = list(seat.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0].decoded("trigger") == timedelta(hours=-1)


def test_the_uid_is_stable_and_a_moved_event_raises_the_sequence() -> None:
    first, again = parsed(ics(T, event(), person(), NOW)), parsed(ics(T, event(), person(), NOW))
    moved = parsed(ics(T, event(sequence=1, starts_at="2027-03-21T18:00:00"), person(), NOW))
    assert str(first["uid"]) == str(again["uid"]) == str(moved["uid"]) == "rt-2027-42@regbot"
    assert (first.decoded("sequence"), moved.decoded("sequence")) == (0, 1)


def test_the_google_link_gives_utc_times() -> None:
    query = parse_qs(urlparse(google_link(T, event(), person())).query)
    assert query["action"] == ["TEMPLATE"] and query["text"] == ["Round table"]
    assert query["dates"] == ["20270320T130000Z/20270320T150000Z"]


def test_the_entry_pass_decodes_to_the_checkin_link() -> None:
    link = checkin_link("regbot_test", "ABC234")
    assert link == "https://t.me/regbot_test?start=checkin_ABC234"
    image = Image.open(io.BytesIO(qr_png(link)))  # a PNG, as a phone camera would see it
    assert [found.text for found in zxingcpp.read_barcodes(image)] == [link]
