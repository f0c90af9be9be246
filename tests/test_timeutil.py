"""Time zones from tzdata (Almaty moved from UTC+6 to UTC+5 in 2024) and durations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.timeutil import local_to_utc, parse_duration, show, zone


def test_almaty_before_and_after_the_2024_move() -> None:
    assert local_to_utc(datetime(2020, 11, 12, 17, 0), "Asia/Almaty") == datetime(
        2020, 11, 12, 11, 0, tzinfo=UTC)
    assert local_to_utc(datetime(2026, 11, 12, 17, 0), "Asia/Almaty") == datetime(
        2026, 11, 12, 12, 0, tzinfo=UTC)


def test_people_see_local_time() -> None:
    moment = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)
    assert show(moment, "Asia/Almaty", "en") == "12 November 2026, 17:00"
    assert show(moment, "Asia/Almaty", "ru") == "12 ноября 2026, 17:00"


def test_unknown_zones_are_refused() -> None:
    for key in ("Mars/Base", "Asia", "../etc/passwd", ""):
        with pytest.raises(ValueError, match="unknown time zone"):
            zone(key)


@pytest.mark.parametrize(("value", "expected"), [
    ("P1D", timedelta(days=1)), ("PT1H", timedelta(hours=1)), ("PT15M", timedelta(minutes=15)),
    ("PT5S", timedelta(seconds=5)), ("P1DT2H", timedelta(days=1, hours=2)),
    ("pt30m", timedelta(minutes=30)), (90, timedelta(seconds=90)),
    ("90", timedelta(seconds=90)), (1.5, timedelta(seconds=1.5)),
])
def test_durations(value: str | int | float, expected: timedelta) -> None:
    assert parse_duration(value) == expected


@pytest.mark.parametrize("value", ["garbage", "P", "PT", "1 day", "P1H", "PT1D", "-5", "", "P-1D"])
def test_bad_durations_are_refused(value: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)
