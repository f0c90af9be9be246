"""SQLite round trips (calls into aiosqlite's worker threads, counted by Database.trips):
a whole registration costs at most 16, a seat decision at most 4 statements (issue 13).
An extra read or write in any step shows up here."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bench.seed import event
from loopback import FakeTelegram
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Applicant, Format
from tests.harness import Running, eventually, has, register
from tests.steps import open_form

PER_REGISTRATION = 16
PER_SEAT_DECISION = 4  # BEGIN IMMEDIATE, upsert, seat or queue, COMMIT
NOW = datetime(2030, 11, 1, 6, 0, tzinfo=UTC)


async def _settled(running: Running) -> None:
    """The start-up work (the retention pass the scheduler runs at once) is done, so the
    count below is the registration's alone."""
    async def retention_ran() -> bool:
        job = running.app.scheduler.get_job("retention")
        return job is not None and job.next_run_time > datetime.now(UTC)
    await eventually(retention_ran, what="the start-up retention pass")


async def test_a_whole_registration_costs_at_most_16_round_trips(
        fake: FakeTelegram, running: Running) -> None:
    await _settled(running)
    # The first person of a process reads the copies in (conversations, languages, the
    # intake) once; the count is about the next one.
    first = fake.user(1, language_code="en")
    await register(first, name="First Person")
    before = running.app.db.trips
    second = fake.user(2, language_code="en")
    done = await register(second)  # /start ... Confirm, as tests.harness walks it
    trips = running.app.db.trips - before
    assert "You have a seat in the room" in done.plain_text
    assert trips <= PER_REGISTRATION, f"{trips} round trips for one registration"
    reg = await (await running.desk()).get(2)
    assert reg is not None and reg.entry_code and reg.entry_code in done.plain_text
    # The form's last step left nothing behind, and the answer is the ledger's.
    rows = await running.app.db.fetchone("SELECT COUNT(*) AS n FROM fsm")
    assert rows is not None and rows["n"] == 0


async def test_the_answers_are_stored_before_the_next_question_is_shown(
        fake: FakeTelegram, running: Running) -> None:
    """Held changes are written before the message goes out: what the person sees is
    never ahead of the stored form."""
    alice = fake.user(1, language_code="en")
    await open_form(alice)
    await alice.send("Alice Smith")
    await alice.wait_for(has("organisation"))
    row = await running.app.db.fetchone("SELECT state, data FROM fsm")
    assert row is not None and row["state"] == "Form:org" and "Alice Smith" in row["data"]


async def _decision(db: Database, ledger: Ledger, user_id: int, wants: Format,
                    counted: bool = False) -> int:
    who = Applicant(user_id=user_id, chat_id=user_id, language="en",
                    full_name=f"Person {user_id}", organisation="Org", role="ngo", phone=None)
    before = db.trips
    await ledger.register(who, wants, NOW, counted=counted)
    return db.trips - before


async def test_a_seat_decision_is_at_most_four_statements(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    try:
        ledger = Ledger(db, await event(db, capacity=1))
        seated = await _decision(db, ledger, 1, Format.OFFLINE, counted=True)
        queued = await _decision(db, ledger, 2, Format.OFFLINE, counted=True)
        online = await _decision(db, ledger, 3, Format.ONLINE)
        again = await _decision(db, ledger, 1, Format.OFFLINE)  # a double tap
        assert max(seated, queued, online, again) <= PER_SEAT_DECISION, (
            seated, queued, online, again)
        counts = await ledger.counts()
        assert (counts.seated, counts.waitlisted, counts.online) == (1, 1, 1)
        assert await ledger.waitlist_position(2) == 1
    finally:
        await db.close()


async def test_the_decision_brings_the_counts_after_it(tmp_path: Path) -> None:
    """Ledger.register(counted=True) returns what a separate read would say."""
    db = await Database.open(tmp_path / "db.sqlite3")
    try:
        ledger = Ledger(db, await event(db, capacity=1))
        for user_id, wants in ((1, Format.OFFLINE), (2, Format.OFFLINE), (3, Format.OFFLINE),
                               (4, Format.ONLINE)):
            who = Applicant(user_id=user_id, chat_id=user_id, language="en",
                            full_name="P", organisation="O", role="ngo", phone=None)
            outcome = await ledger.register(who, wants, NOW, counted=True)
            assert outcome.counts == await ledger.counts()
            assert outcome.position == await ledger.waitlist_position(user_id)
        assert (await ledger.counts()).waitlisted == 2
    finally:
        await db.close()
