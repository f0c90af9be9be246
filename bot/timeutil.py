"""All time arithmetic: zones come from the tzdata package, the ledger stores UTC,
people see local time. `Clock` is injected wherever code waits on or compares time."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

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


def show(moment: datetime, tz: str, language: str) -> str:
    """'12 ноября 2020, 17:00' / '12 November 2020, 17:00' in the event's zone."""
    return str(format_datetime(moment.astimezone(zone(tz)), "d MMMM y, HH:mm", locale=language))


_ISO_DURATION = re.compile(
    r"P(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?"
)


def parse_duration(value: str | int | float | timedelta) -> timedelta:
    """'P1D', 'PT1H', 'PT15M', 'PT5S' or plain seconds."""
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        text = str(value).strip().upper()
        match = _ISO_DURATION.fullmatch(text)
        if text in ("P", "PT") or not match:
            try:
                seconds = float(text)
            except ValueError:
                raise ValueError(
                    f"{value!r} is not an ISO-8601 duration (P1D, PT1H, PT15M) or seconds"
                ) from None
        else:
            parts = {k: float(v) for k, v in match.groupdict().items() if v}
            seconds = (parts.get("d", 0) * 86400 + parts.get("h", 0) * 3600
                       + parts.get("m", 0) * 60 + parts.get("s", 0))
    if seconds < 0:
        raise ValueError(f"{value!r} must not be negative")
    return timedelta(seconds=seconds)
