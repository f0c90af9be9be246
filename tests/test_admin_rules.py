"""The organiser rules and the CSV cell rule, without Telegram."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from core.spreadsheet import neutralise
from handlers.admin import rules
from handlers.admin.csvfile import export
from handlers.admin.rules import Act
from storage.models import Format, Registration, Status

T = datetime(2030, 11, 1, 6, 0, tzinfo=UTC)


def make(**changes: object) -> Registration:
    base = Registration(
        id=1, event_id=1, user_id=1, chat_id=1, language="en", full_name="Alice",
        organisation="NGO",
        role="ngo", phone=None, format=Format.ONLINE, status=Status.ACTIVE, waitlisted_at=None,
        entry_code=None, created_at=T, updated_at=T, cancelled_at=None, checked_in_at=None,
        unreachable_at=None)
    return replace(base, **changes)  # type: ignore[arg-type]


SEATED = make(format=Format.OFFLINE, entry_code="ABC234")
WAITING = make(waitlisted_at=T)
ONLINE = make()
CANCELLED = make(status=Status.CANCELLED, cancelled_at=T)


def test_actions_follow_the_state() -> None:
    assert rules.actions(SEATED) == (Act.CHECKIN, Act.ONLINE, Act.CANCEL)
    assert rules.actions(replace(SEATED, checked_in_at=T)) == (Act.ONLINE, Act.CANCEL)
    assert rules.actions(WAITING) == (Act.PROMOTE, Act.ONLINE, Act.CANCEL)
    assert rules.actions(ONLINE) == (Act.CANCEL,)
    assert rules.actions(CANCELLED) == ()


def test_only_the_waitlisted_are_promoted_and_only_into_a_free_seat() -> None:
    assert rules.promotion_refusal(WAITING, seats_left=1) is None
    assert rules.promotion_refusal(WAITING, seats_left=0) == "room-full"
    for other in (SEATED, ONLINE, CANCELLED):
        assert rules.promotion_refusal(other, seats_left=5) == "not-waitlisted"


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), (" 0 ", 0), ("10000", 10_000), ("10001", None), ("-1", None), ("1.5", None),
    ("", None), (None, None), ("ten", None), ("٣", None), ("1 2", None),
])
def test_capacity_is_a_sane_whole_number(text: str | None, value: int | None) -> None:
    assert rules.parse_capacity(text) == value


def test_codes_ignore_case_spaces_and_dashes() -> None:
    assert rules.normalise_code(" abc-234 ") == "ABC234"
    assert rules.normalise_code("ab c\t234") == "ABC234"
    assert rules.normalise_code(None) == ""


def test_per_day_uses_almaty_dates() -> None:
    late = datetime(2030, 10, 31, 19, 30, tzinfo=UTC)  # 00:30 on 1 November in Almaty (UTC+5)
    regs = [make(created_at=late), make(created_at=late - timedelta(hours=1)),
            make(created_at=T), make(created_at=T, status=Status.CANCELLED)]
    days = [(d.isoformat(), n) for d, n in rules.per_day(regs, "Asia/Almaty")]
    assert days == [("2030-10-31", 1), ("2030-11-01", 3)]


def test_unreachable_counts_active_only() -> None:
    regs = [make(unreachable_at=T), replace(CANCELLED, unreachable_at=T), ONLINE]
    assert rules.unreachable(regs) == 1


def test_span_and_chunks() -> None:
    assert rules.span(timedelta(days=1)) == "1d"
    assert rules.span(timedelta(hours=1, minutes=30)) == "1h30m"
    assert rules.span(timedelta(minutes=15)) == "15m"
    parts = rules.chunks([f"line {i:04}" for i in range(1000)], limit=3500)
    assert all(len(p) <= 3500 for p in parts) and len(parts) > 1
    assert "\n".join(parts).splitlines() == [f"line {i:04}" for i in range(1000)]


@pytest.mark.parametrize("cell", ["=1+1", "+77011234567", "-2", "@SUM(A1)", "\tx", "\rx",
                                  '=HYPERLINK("http://x","y")'])
def test_dangerous_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Alice", "", "'quoted", " =spaced", "1+1", "Алия"])
def test_other_cells_are_kept(cell: str) -> None:
    assert neutralise(cell) == cell


def test_export_has_a_bom_and_local_times() -> None:
    data = export([replace(SEATED, full_name="Алия", checked_in_at=T)], "Asia/Almaty")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "Алия" in text and "2030-11-01 11:00:00" in text  # 06:00 UTC = 11:00 in Almaty
