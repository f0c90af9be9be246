"""Plain records the ledger hands out. Times are aware UTC datetimes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Final


class Format(StrEnum):
    OFFLINE = "offline"
    ONLINE = "online"


class Status(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class Placement(StrEnum):
    SEATED = "seated"  # offline, has an entry code
    WAITLISTED = "waitlisted"  # online now, queued for an offline seat
    ONLINE = "online"


# The same placements as SQL over `registrations r`, mirroring Registration.placement.
# The table's CHECK keeps waitlisted_at NULL for offline rows, so "queued" needs no format.
PLACEMENT_SQL: Final[Mapping[Placement, str]] = {
    Placement.SEATED: "r.format = 'offline'",
    Placement.WAITLISTED: "r.waitlisted_at IS NOT NULL",
    Placement.ONLINE: "r.format = 'online' AND r.waitlisted_at IS NULL",
}


def placement_sql(placements: Iterable[Placement]) -> str:
    """WHERE fragment over `registrations r`: active and in one of `placements`."""
    wanted = set(placements)
    chosen = [f"({PLACEMENT_SQL[p]})" for p in Placement if p in wanted]  # stable order
    if not chosen:
        raise ValueError("no placement chosen")
    return f"r.status = 'active' AND ({' OR '.join(chosen)})"


class Audience(StrEnum):
    """Who a reminder or broadcast reaches. The one rule: every value is a set of
    placements (_AUDIENCE below), always of active registrations, and for the two
    after-the-start values whether the person came (_CAME); Python (`reaches`) and SQL
    (`audience_sql`) both derive from it. Declaration order is the admin button order."""

    ALL = "all"
    OFFLINE = "offline"  # seated
    ONLINE = "online"  # everyone attending online, the waitlisted included: they watch meanwhile
    WAITLIST = "waitlist"  # queued for a seat (also in ONLINE)
    # After the start (a follow-up from the chat): "came" is checked_in_at, set at the door
    # for a seat and by "Join now" (or an organiser's mark) for an online participant.
    ATTENDED = "attended"
    ABSENT = "absent"

    @property
    def placements(self) -> frozenset[Placement]:
        return _AUDIENCE[self]

    @property
    def came(self) -> bool | None:
        """True: only those who came; False: only those who did not; None: either."""
        return _CAME.get(self)

    def reaches(self, reg: Registration) -> bool:
        """Checked again at send time: people cancel and switch after a campaign opens."""
        came = self.came
        return (reg.active and reg.placement in self.placements
                and (came is None or (reg.checked_in_at is not None) is came))


_AUDIENCE: Final[Mapping[Audience, frozenset[Placement]]] = {
    Audience.ALL: frozenset(Placement),
    Audience.OFFLINE: frozenset({Placement.SEATED}),
    Audience.ONLINE: frozenset({Placement.WAITLISTED, Placement.ONLINE}),
    Audience.WAITLIST: frozenset({Placement.WAITLISTED}),
    Audience.ATTENDED: frozenset(Placement),
    Audience.ABSENT: frozenset(Placement),
}
_CAME: Final[Mapping[Audience, bool]] = {Audience.ATTENDED: True, Audience.ABSENT: False}


def parse_audience(value: str) -> Audience:
    """Parse a stored or submitted audience name, with a plain error for an unknown one."""
    try:
        return Audience(value)
    except ValueError:
        raise ValueError(f"unknown audience {value!r}") from None


def audience_sql(value: str) -> str:
    """WHERE fragment over `registrations r` for who an audience reaches."""
    who = parse_audience(value)
    came = {None: "", True: " AND r.checked_in_at IS NOT NULL",
            False: " AND r.checked_in_at IS NULL"}[who.came]
    return placement_sql(who.placements) + came


def to_db(moment: datetime) -> str:
    """Fixed-width UTC text, so string order is time order (the waitlist relies on it)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def from_db(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@dataclass(frozen=True)
class Applicant:
    """What the form collected; nothing about seats."""

    user_id: int
    chat_id: int
    language: str
    full_name: str
    organisation: str
    role: str
    phone: str | None
    consent_at: datetime | None = None
    consent_version: str | None = None
    answers: Mapping[str, Any] = field(default_factory=dict)  # the event's own questions


@dataclass(frozen=True)
class Registration:
    id: int
    event_id: int
    user_id: int
    chat_id: int
    language: str
    full_name: str
    organisation: str
    role: str
    phone: str | None
    format: Format
    status: Status
    waitlisted_at: datetime | None
    entry_code: str | None
    created_at: datetime
    updated_at: datetime
    cancelled_at: datetime | None
    checked_in_at: datetime | None
    unreachable_at: datetime | None
    version: int = 0  # raised by every change; buttons carry it
    consent_at: datetime | None = None  # when the person agreed to the privacy notice
    consent_version: str | None = None  # which notice they agreed to
    # Answers to the event's own questions by question id (core/questions.py).
    answers: Mapping[str, Any] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.status is Status.ACTIVE

    @property
    def placement(self) -> Placement:
        if self.format is Format.OFFLINE:
            return Placement.SEATED
        return Placement.WAITLISTED if self.waitlisted_at else Placement.ONLINE

    @classmethod
    def from_row(cls, row: Any) -> Registration:
        created, updated = from_db(row["created_at"]), from_db(row["updated_at"])
        if created is None or updated is None:  # NOT NULL in the schema: a damaged row
            raise ValueError(f"registration {row['id']} has no created_at/updated_at")
        return cls(
            id=row["id"], event_id=row["event_id"], user_id=row["user_id"],
            chat_id=row["chat_id"],
            language=row["language"], full_name=row["full_name"],
            organisation=row["organisation"], role=row["role"], phone=row["phone"],
            format=Format(row["format"]), status=Status(row["status"]),
            waitlisted_at=from_db(row["waitlisted_at"]), entry_code=row["entry_code"],
            created_at=created, updated_at=updated,
            cancelled_at=from_db(row["cancelled_at"]),
            checked_in_at=from_db(row["checked_in_at"]),
            unreachable_at=from_db(row["unreachable_at"]), version=int(row["version"]),
            consent_at=from_db(row["consent_at"]), consent_version=row["consent_version"],
            answers=json.loads(row["answers"]) if row["answers"] else {},
        )


@dataclass(frozen=True)
class Outcome:
    """Result of one seat decision. `promoted` were moved from the waitlist to a seat."""

    registration: Registration
    changed: bool = True  # False: nothing to do (double tap, already in that state)
    promoted: tuple[Registration, ...] = field(default=())
    # Asked for with the decision (Ledger.register(counted=True)): the room right after it
    # and the person's place in the queue (None: not queued).
    counts: Counts | None = None
    position: int | None = None


@dataclass(frozen=True)
class Counts:
    capacity: int
    seated: int
    waitlisted: int
    online: int  # online only, not queued
    cancelled: int
    checked_in: int

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seated, 0)
