"""All time arithmetic: zones come from the tzdata package, the ledger stores UTC,
people see local time. `Clock` is injected wherever code waits on or compares time."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Annotated
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_timezone_location
from pydantic import BeforeValidator, TypeAdapter

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@cache
def zone(key: str) -> ZoneInfo:
    """Read the zone from the tzdata package, not the OS: an old system database would
    still put Almaty at UTC+6 after its 2024 move to UTC+5."""
    try:
        source = resources.files("tzdata.zoneinfo").joinpath(*key.split("/"))
        with source.open("rb") as fh:
            return ZoneInfo.from_file(fh, key=key)
    except (FileNotFoundError, IsADirectoryError, ValueError) as exc:
        raise ValueError(f"unknown time zone {key!r}") from exc


def local_to_utc(wall: datetime, tz: str) -> datetime:
    """A naive wall-clock time in `tz` -> aware UTC."""
    if wall.tzinfo is not None:
        return wall.astimezone(UTC)
    return wall.replace(tzinfo=zone(tz)).astimezone(UTC)


def format_local(moment: datetime, tz: str) -> str:
    """For logs and plans: '2027-03-20 18:00 Asia/Almaty' (the zone's own name)."""
    return f"{moment.astimezone(zone(tz)):%Y-%m-%d %H:%M} {tz}"


def show(moment: datetime, tz: str, language: str) -> str:
    """'12 ноября 2020, 17:00' / '12 November 2020, 17:00' in the event's zone."""
    return str(format_datetime(moment.astimezone(zone(tz)), "d MMMM y, HH:mm", locale=language))


def city(tz: str, language: str) -> str:
    """The zone's city as readers of `language` name it: 'Almaty' / 'Алматы' (CLDR's
    exemplar city); a zone CLDR does not name falls back to the key's last part."""
    try:
        return str(get_timezone_location(tz, locale=language, return_city=True))
    except (LookupError, ValueError):
        return tz.rsplit("/", 1)[-1].replace("_", " ")


# The duration forms a config may use: an ISO-8601 duration in days, hours, minutes and
# seconds (any letter case), or plain seconds. Pydantic does the parsing; this only keeps
# the language that narrow, because pydantic alone would also take "P15M" as 15 *months*
# (a silent 450 days for someone who meant minutes), "P1Y", "1 day", "-PT1H" and `true`.
_ISO_FORM = re.compile(r"P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?")
_FORMS = "an ISO-8601 duration (P1D, PT1H, PT15M) or seconds"


def duration_form(value: object) -> object:
    """Before pydantic's timedelta parsing: refuse what is not ours, hand on the rest in a
    form pydantic reads the same way (upper-case ISO text, seconds as a number)."""
    if isinstance(value, str):
        text = value.strip().upper()
        if text not in ("P", "PT") and _ISO_FORM.fullmatch(text):
            return text  # ISO durations here have no sign: never negative
        try:
            seconds = float(text)
        except ValueError:
            raise ValueError(f"{value!r} is not {_FORMS}") from None
    elif isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise ValueError(f"{value!r} is not {_FORMS}")
    if not math.isfinite(seconds):
        raise ValueError(f"{value!r} is not {_FORMS}")
    if seconds < 0:
        raise ValueError(f"{value!r} must not be negative")
    return value if isinstance(value, timedelta) else seconds


Duration = Annotated[timedelta, BeforeValidator(duration_form)]
_DURATION: TypeAdapter[timedelta] = TypeAdapter(Duration)


def parse_duration(value: str | int | float | timedelta) -> timedelta:
    """'P1D', 'PT1H', 'PT15M', 'PT5S' or plain seconds, outside a settings model."""
    return _DURATION.validate_python(value)
