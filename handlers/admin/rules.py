"""Organiser rules as plain Python (no Telegram): what may be done to a registration,
how numbers are read and summed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from core.timeutil import zone
from storage.models import Placement, Registration

MAX_CAPACITY = 10_000  # far above any room; catches typos like /capacity 100000


class Act(StrEnum):
    CANCEL = "cancel"
    ONLINE = "online"  # take the seat (or the waitlist place) away, stay registered online
    PROMOTE = "promote"
    CHECKIN = "checkin"
    # After the start (issue 23): who came, by hand, for "attended"/"absent" follow-ups.
    PRESENT = "present"  # an online participant was there (no "Join now" press)
    ABSENT = "absent"  # checked in or joined by mistake


CONFIRM_FIRST = frozenset({Act.CANCEL, Act.ONLINE})  # they take something away


def actions(reg: Registration, started: bool = False) -> tuple[Act, ...]:
    """The buttons a registration's details offer, in display order; once the event has
    started, also the marks of who came."""
    if not reg.active:
        return ()
    if started:
        mark = Act.ABSENT if reg.checked_in_at else (
            Act.CHECKIN if reg.placement is Placement.SEATED else Act.PRESENT)
        return (mark, *(a for a in actions(reg) if a is not Act.CHECKIN))
    if reg.placement is Placement.SEATED:
        checkin = () if reg.checked_in_at else (Act.CHECKIN,)
        return (*checkin, Act.ONLINE, Act.CANCEL)
    if reg.placement is Placement.WAITLISTED:
        return (Act.PROMOTE, Act.ONLINE, Act.CANCEL)
    return (Act.CANCEL,)


def promotion_refusal(reg: Registration, seats_left: int) -> str | None:
    """None if this registration may get a seat now; else why not (a catalog key suffix)."""
    if not reg.active or reg.placement is not Placement.WAITLISTED:
        return "not-waitlisted"
    if seats_left <= 0:
        return "room-full"
    return None


def parse_capacity(args: str | None) -> int | None:
    """A whole number of seats between 0 and MAX_CAPACITY, else None."""
    text = (args or "").strip()
    if not re.fullmatch(r"[0-9]{1,6}", text):
        return None
    value = int(text)
    return value if value <= MAX_CAPACITY else None


def normalise_code(args: str | None) -> str:
    """Entry codes are read aloud and typed on phones: ignore case, spaces and dashes."""
    return re.sub(r"[\s-]", "", args or "").upper()


def per_day(regs: Iterable[Registration], tz: str) -> list[tuple[date, int]]:
    """How many registrations were made on each local calendar day, oldest first."""
    days = Counter(reg.created_at.astimezone(zone(tz)).date() for reg in regs)
    return sorted(days.items())


def unreachable(regs: Iterable[Registration]) -> int:
    """Active registrations whose chat the bot could not reach (blocked, deleted)."""
    return sum(1 for reg in regs if reg.active and reg.unreachable_at is not None)


def span(delta: timedelta) -> str:
    """'1d', '1h', '15m', '1d2h' (reminder offsets, compact and language-neutral)."""
    seconds = int(delta.total_seconds())
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def chunks(lines: Iterable[str], limit: int = 3500) -> list[str]:
    """Join lines into messages below Telegram's 4096-character cap."""
    out: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + 1 + len(line) > limit:
            out.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        out.append(current)
    return out
