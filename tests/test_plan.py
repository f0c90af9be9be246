"""What is due: the rules, without Telegram or a scheduler."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scheduler.plan import Action, decide, start_at

START = datetime(2030, 11, 12, 12, 0, tzinfo=UTC)
DUE = START - timedelta(hours=1)
NO_GRACE = timedelta(0)


def test_before_due_waits() -> None:
    assert decide(DUE, START, NO_GRACE, DUE - timedelta(seconds=1)) is Action.WAIT


def test_due_or_overdue_before_start_sends() -> None:
    assert decide(DUE, START, NO_GRACE, DUE) is Action.SEND
    assert decide(DUE, START, NO_GRACE, START - timedelta(seconds=1)) is Action.SEND


def test_after_start_skips_unless_within_grace() -> None:
    assert decide(DUE, START, NO_GRACE, START) is Action.SKIP
    grace = timedelta(minutes=10)
    assert decide(DUE, START, grace, START + timedelta(minutes=5)) is Action.SEND
    assert decide(DUE, START, grace, START + timedelta(minutes=10)) is Action.SKIP


def test_long_lists_start_early_enough_to_finish_before_the_start() -> None:
    late = START - timedelta(minutes=1)
    assert start_at(DUE, START, recipients=100, rate=25) == DUE  # 4.8 s fits easily
    early = start_at(late, START, recipients=3000, rate=25)  # 144 s with the margin
    assert early == START - timedelta(seconds=144)
