"""Moving time in an end-to-end test without waiting for it."""

from __future__ import annotations

from datetime import timedelta

from scheduler import travel as moving
from tests.harness import Running


def travel(running: Running, delta: timedelta) -> None:
    """The injected clock and the real scheduler's timers, together."""
    moving.travel(running.clock, running.app.scheduler, delta)
