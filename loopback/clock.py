"""TravelClock: an injectable clock that a test (or a sandbox) moves forward instead of waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# A fixed "now" well before the events the tests and benchmarks configure, so registration
# is open whatever the real date.
START = datetime(2030, 11, 1, 6, 0, tzinfo=UTC)


@dataclass
class TravelClock:
    """Injectable clock: tests move it instead of waiting (or let it run with real time)."""

    now: datetime = START
    _real_base: datetime | None = None

    def __call__(self) -> datetime:
        if self._real_base is None:
            return self.now
        return self.now + (datetime.now(UTC) - self._real_base)

    def travel(self, delta: timedelta) -> None:
        self.now += delta

    def follow_real_time(self) -> None:
        self._real_base = datetime.now(UTC)
