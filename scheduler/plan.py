"""What is due: plain rules over times, unit-tested without Telegram or a scheduler."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class Action(StrEnum):
    WAIT = "wait"  # schedule for later
    SEND = "send"  # due (or overdue but still useful): send now
    SKIP = "skip"  # too late to be useful: record as skipped


def decide(due: datetime, starts: datetime, grace: timedelta, now: datetime) -> Action:
    if now >= starts + grace:
        return Action.SKIP
    return Action.SEND if now >= due else Action.WAIT


def start_at(due: datetime, starts: datetime, recipients: int, rate: float) -> datetime:
    """When to begin so that a fan-out at `rate` ends before the start: at `due`, or
    earlier when the list is too long for the time left (with a 20 % margin)."""
    needed = timedelta(seconds=1.2 * recipients / rate)
    return min(due, starts - needed)
