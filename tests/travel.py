"""Moving time in an end-to-end test without waiting for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.harness import Running


def travel(running: Running, delta: timedelta) -> None:
    """Move the injected clock and the real scheduler's timers together: APScheduler keeps
    real time, so a job that was due `delta` from now becomes due now."""
    running.clock.travel(delta)
    now = datetime.now(UTC)
    for job in running.app.scheduler.get_jobs():
        if job.next_run_time is not None:
            job.modify(next_run_time=max(job.next_run_time - delta, now))
