"""Seat rules over a real SQLite file: capacity, FIFO waitlist, promotion, races."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.seed import event
from storage.database import Database
from storage.db import migrate
from storage.ledger import Ledger
from storage.models import Applicant, Format, Placement

T0 = datetime(2020, 11, 1, 9, 0, tzinfo=UTC)


def who(user_id: int) -> Applicant:
    return Applicant(user_id=user_id, chat_id=user_id, language="en", full_name=f"User {user_id}",
                     organisation="Org", role="ngo", phone=None)


@pytest.fixture
async def ledger(tmp_path: Path) -> AsyncIterator[Ledger]:
    db = await Database.open(tmp_path / "sub" / "ledger.sqlite3")
    yield Ledger(db, await event(db, 2))
    await db.close()


async def test_migrations_apply_to_an_empty_file_and_are_idempotent(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "m.sqlite3")
    row = await db.fetchone("PRAGMA user_version")
    assert row is not None and row[0] >= 1
    assert await migrate(db._conn) == row[0]  # second run changes nothing
    tables = {r["name"] for r in await db.fetchall("SELECT name FROM sqlite_master")}
    assert {"registrations", "events", "fsm", "groups_told"} <= tables
    mode = await db.fetchone("PRAGMA journal_mode")
    assert mode is not None and mode[0] == "wal"
    await db.close()


async def test_seats_then_waitlist_in_order(ledger: Ledger) -> None:
    places = [(await ledger.register(who(i), Format.OFFLINE, T0 + timedelta(seconds=i)))
              .registration.placement for i in range(4)]
    assert places == [Placement.SEATED, Placement.SEATED, Placement.WAITLISTED,
                      Placement.WAITLISTED]
    assert await ledger.waitlist_position(3) == 2
    counts = await ledger.counts()
    assert (counts.seated, counts.waitlisted, counts.seats_left) == (2, 2, 0)


async def test_entry_codes_are_unique_and_readable(ledger: Ledger) -> None:
    a = (await ledger.register(who(1), Format.OFFLINE, T0)).registration
    b = (await ledger.register(who(2), Format.OFFLINE, T0)).registration
    assert a.entry_code and b.entry_code and a.entry_code != b.entry_code
    assert len(a.entry_code) == 6 and not set(a.entry_code) & set("01OIL")


async def test_repeat_register_is_a_no_op(ledger: Ledger) -> None:
    first = await ledger.register(who(1), Format.OFFLINE, T0)
    again = await ledger.register(who(1), Format.ONLINE, T0)
    assert again.changed is False and again.registration == first.registration
    assert (await ledger.counts()).seated == 1


async def test_cancel_promotes_the_first_in_line(ledger: Ledger) -> None:
    for i in range(4):
        await ledger.register(who(i), Format.OFFLINE, T0 + timedelta(seconds=i))
    outcome = await ledger.cancel(0, T0 + timedelta(hours=1))
    assert outcome is not None
    assert [r.user_id for r in outcome.promoted] == [2]
    assert outcome.promoted[0].entry_code
    assert (await ledger.get(3)) is not None
    assert await ledger.waitlist_position(3) == 1
    cancelled = await ledger.get(0)
    assert cancelled is not None and not cancelled.active and cancelled.entry_code is None


async def test_switch_to_online_promotes_and_back_queues(ledger: Ledger) -> None:
    for i in range(3):
        await ledger.register(who(i), Format.OFFLINE, T0 + timedelta(seconds=i))
    outcome = await ledger.switch(1, Format.ONLINE, T0 + timedelta(hours=1))
    assert outcome is not None and [r.user_id for r in outcome.promoted] == [2]
    assert outcome.registration.placement is Placement.ONLINE
    back = await ledger.switch(1, Format.OFFLINE, T0 + timedelta(hours=2))
    assert back is not None and back.registration.placement is Placement.WAITLISTED


async def test_leaving_the_waitlist_keeps_online(ledger: Ledger) -> None:
    for i in range(3):
        await ledger.register(who(i), Format.OFFLINE, T0)
    outcome = await ledger.switch(2, Format.ONLINE, T0)
    assert outcome is not None and outcome.registration.placement is Placement.ONLINE
    assert outcome.promoted == () and (await ledger.counts()).waitlisted == 0


async def test_register_again_after_cancel_reuses_the_row(ledger: Ledger) -> None:
    first = await ledger.register(who(1), Format.OFFLINE, T0)
    await ledger.cancel(1, T0)
    again = await ledger.register(who(1), Format.ONLINE, T0)
    assert again.changed and again.registration.active
    assert again.registration.id == first.registration.id


async def test_fifty_concurrent_claims_never_overbook(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "race.sqlite3")
    ledger = Ledger(db, await event(db, 10))
    outcomes = await asyncio.gather(*(ledger.register(who(i), Format.OFFLINE, T0)
                                      for i in range(50)))
    places = [o.registration.placement for o in outcomes]
    assert places.count(Placement.SEATED) == 10
    assert places.count(Placement.WAITLISTED) == 40
    rows = await db.fetchall("SELECT user_id, format FROM registrations")
    assert len(rows) == 50 and len({r["user_id"] for r in rows}) == 50
    assert sum(r["format"] == "offline" for r in rows) == 10
    await db.close()


RACER = """
import asyncio, sys
from datetime import UTC, datetime
from pathlib import Path
from storage.database import Database
from bench.seed import event
from storage.ledger import Ledger
from storage.models import Applicant, Format

async def main(path, first, count):
    db = await Database.open(Path(path))
    ledger = Ledger(db, await event(db, 10))
    print("ready", flush=True)
    sys.stdin.readline()  # both processes start claiming on the same signal
    await asyncio.gather(*(ledger.register(Applicant(i, i, "en", "N", "O", "ngo", None),
                                           Format.OFFLINE, datetime.now(UTC))
                           for i in range(first, first + count)))
    await db.close()

asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
"""


@pytest.mark.slow  # subprocesses
def test_two_processes_never_overbook(tmp_path: Path) -> None:
    path = tmp_path / "two.sqlite3"
    race(path, RACER, 25)

    async def check() -> None:
        db = await Database.open(path)
        rows = await db.fetchall("SELECT user_id, format, waitlisted_at FROM registrations")
        assert len(rows) == 50 and len({r["user_id"] for r in rows}) == 50
        assert sum(r["format"] == "offline" for r in rows) == 10
        assert sum(r["waitlisted_at"] is not None for r in rows) == 40
        await db.close()

    asyncio.run(check())


async def seats_per_event(db: Database) -> dict[str, tuple[int, int, int, int]]:
    """Slug -> (claims, seated, waitlisted, distinct entry codes), from the rows."""
    rows = await db.fetchall(
        "SELECT e.slug, COUNT(*) AS n, COUNT(*) FILTER (WHERE r.format = 'offline') AS seated,"
        " COUNT(*) FILTER (WHERE r.waitlisted_at IS NOT NULL) AS waiting,"
        " COUNT(DISTINCT r.entry_code) AS codes"
        " FROM registrations r JOIN events e ON e.id = r.event_id GROUP BY e.slug")
    return {r["slug"]: (r["n"], r["seated"], r["waiting"], r["codes"]) for r in rows}


async def test_two_events_racing_at_once_each_seat_their_own_capacity(tmp_path: Path) -> None:
    """50 concurrent claims: the same 25 people claim a seat in both events at once."""
    db = await Database.open(tmp_path / "race2.sqlite3")
    try:
        first = Ledger(db, await event(db, 10, "first"))
        second = Ledger(db, await event(db, 5, "second"))
        outcomes = await asyncio.gather(*(ledger.register(who(i), Format.OFFLINE, T0)
                                          for i in range(25) for ledger in (first, second)))
        found = await seats_per_event(db)
        codes = await db.fetchone("SELECT COUNT(DISTINCT entry_code) AS n FROM registrations")
        counts = (await first.counts(), await second.counts())
    finally:
        await db.close()
    places = [o.registration.placement for o in outcomes]
    assert places.count(Placement.SEATED) == 15 and places.count(Placement.WAITLISTED) == 35
    assert found == {"first": (25, 10, 15, 10), "second": (25, 5, 20, 5)}
    assert codes is not None and codes["n"] == 15  # an entry code is unique across events
    assert [(c.seated, c.waitlisted, c.seats_left) for c in counts] == [(10, 15, 0), (5, 20, 0)]


RACER_TWO_EVENTS = """
import asyncio, sys
from datetime import UTC, datetime
from pathlib import Path
from storage.database import Database
from bench.seed import event
from storage.ledger import Ledger
from storage.models import Applicant, Format

async def main(path, first, count):
    db = await Database.open(Path(path))
    ledgers = [Ledger(db, await event(db, 10, "first")), Ledger(db, await event(db, 5, "second"))]
    print("ready", flush=True)
    sys.stdin.readline()
    await asyncio.gather(*(ledger.register(Applicant(i, i, "en", "N", "O", "ngo", None),
                                           Format.OFFLINE, datetime.now(UTC))
                           for i in range(first, first + count) for ledger in ledgers))
    await db.close()

asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
"""


def race(path: Path, script: str, count: int) -> None:
    """Two processes on one file, claiming on the same signal."""
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), str(first), str(count)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for first in (0, 1000)]
    for proc in procs:
        assert proc.stdout and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        assert proc.wait(timeout=60) == 0


@pytest.mark.slow  # subprocesses
def test_two_processes_racing_for_two_events_never_overbook(tmp_path: Path) -> None:
    path = tmp_path / "two-events.sqlite3"

    async def made() -> None:  # both events exist before the race, as after the bot's start
        db = await Database.open(path)
        await event(db, 10, "first")
        await event(db, 5, "second")
        await db.close()

    asyncio.run(made())
    race(path, RACER_TWO_EVENTS, 25)  # 2 processes x 25 people x 2 events: 100 claims

    async def check() -> dict[str, tuple[int, int, int, int]]:
        db = await Database.open(path)
        try:
            return await seats_per_event(db)
        finally:
            await db.close()

    assert asyncio.run(check()) == {"first": (50, 10, 40, 10), "second": (50, 5, 45, 5)}


async def test_capacity_raise_promotes_in_order_and_lowering_is_refused(ledger: Ledger) -> None:
    for i in range(5):
        await ledger.register(who(i), Format.OFFLINE, T0 + timedelta(seconds=i))
    assert await ledger.set_capacity(1, T0) == 2  # refused: two seats are taken
    promoted = await ledger.set_capacity(4, T0)
    assert not isinstance(promoted, int) and [r.user_id for r in promoted] == [2, 3]
    assert (await ledger.counts()).capacity == 4


async def test_check_in_by_code(ledger: Ledger) -> None:
    reg = (await ledger.register(who(1), Format.OFFLINE, T0)).registration
    assert reg.entry_code
    assert (await ledger.check_in("nope", T0))[0] == "unknown"
    status, checked = await ledger.check_in(reg.entry_code.lower(), T0)
    assert status == "ok" and checked is not None and checked.checked_in_at == T0
    assert (await ledger.check_in(reg.entry_code, T0))[0] == "already"


async def test_queue_order_is_arrival_even_when_the_clock_ties(ledger: Ledger) -> None:
    await ledger.set_capacity(1, T0)
    for i in (1, 2, 3):
        await ledger.register(who(i), Format.OFFLINE, T0)  # one timestamp for all
    await ledger.cancel(2, T0)
    await ledger.register(who(2), Format.OFFLINE, T0)  # back, with the lower row id
    assert [await ledger.waitlist_position(u) for u in (3, 2)] == [1, 2]
    outcome = await ledger.cancel(1, T0)
    assert outcome is not None and [r.user_id for r in outcome.promoted] == [3]


async def test_a_clashing_entry_code_is_drawn_again(ledger: Ledger,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from storage import seating

    codes = iter(["AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr(seating, "new_code", lambda: next(codes))
    first = await ledger.register(who(1), Format.OFFLINE, T0)
    second = await ledger.register(who(2), Format.OFFLINE, T0)
    assert (first.registration.entry_code, second.registration.entry_code) == ("AAAAAA",
                                                                                "BBBBBB")
