"""Plain records the ledger hands out. Times are aware UTC datetimes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


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


@dataclass(frozen=True)
class Registration:
    id: int
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
        assert created and updated
        return cls(
            id=row["id"], user_id=row["user_id"], chat_id=row["chat_id"],
            language=row["language"], full_name=row["full_name"],
            organisation=row["organisation"], role=row["role"], phone=row["phone"],
            format=Format(row["format"]), status=Status(row["status"]),
            waitlisted_at=from_db(row["waitlisted_at"]), entry_code=row["entry_code"],
            created_at=created, updated_at=updated,
            cancelled_at=from_db(row["cancelled_at"]),
            checked_in_at=from_db(row["checked_in_at"]),
            unreachable_at=from_db(row["unreachable_at"]),
        )


@dataclass(frozen=True)
class Outcome:
    """Result of one seat decision. `promoted` were moved from the waitlist to a seat."""

    registration: Registration
    changed: bool = True  # False: nothing to do (double tap, already in that state)
    promoted: tuple[Registration, ...] = field(default=())


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
