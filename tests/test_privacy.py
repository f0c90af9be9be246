"""Personal data: the notice, /forget_me with nothing left in the files, retention."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.seed import applicant, seed
from bench.seed import event as seed_event
from core.config import Settings
from loopback import FakeTelegram, TravelClock
from storage import after
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Format
from storage.privacy import erase_event
from tests.dbfiles import raw_bytes
from tests.harness import (
    ADMIN,
    Running,
    eventually,
    has,
    has_button,
    register,
    settings_for,
    start,
)
from tests.reminders import EVENT_UTC
from tests.test_after import after_settings, poll_recorded, seed_two
from tests.travel import travel

NAME, ORG, PHONE = "Zhanar Qwertyuiop", "Uniqueorg Zzyzx", "+7 701 765 43 21"
SECRETS = (NAME, ORG, "77017654321")



def found(folder: Path) -> list[str]:
    data = raw_bytes(folder)
    return [s for s in SECRETS if s.encode() in data]


async def test_privacy_shows_the_notice(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, language_code="en")
    for command in ("/privacy",):
        await alice.send(command)
        notice = await alice.reply(has("Your personal data"))
        assert "organisers only" in notice.plain_text and "/forget_me" in notice.plain_text


async def test_forget_me_erases_frees_the_seat_and_leaves_no_bytes(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=1))
    try:
        alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
        await register(alice, name=NAME, org=ORG, phone=PHONE)
        await register(bob, name="Bob Brown")  # queued for the one seat
        await alice.send("/forget_me")
        await alice.reply(has("Erase all your personal data"))
        await alice.press("Yes, erase my data")
        await alice.wait_for(has("your personal data is erased"))
        await bob.wait_for(has("A seat has freed up"))
        desk = await running.desk()
        counts = await desk.counts()
        gone = await desk.get(1)
        seated = await desk.get(2)
        leftover = found(tmp_path)
    finally:
        await running.stop()
    assert gone is None  # no row is found by the person's id any more
    assert seated is not None and seated.entry_code
    assert (counts.seated, counts.cancelled) == (1, 1)  # the counts stay true
    assert leftover == []
    assert found(tmp_path) == []  # and after the stop (final checkpoint), still nothing


def two_events(fake: FakeTelegram, folder: Path) -> Settings:
    data = settings_for(fake, folder).model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    old = {**data["event"], "id": "old", "starts_at": "2030-01-10T17:00:00"}
    new = {**data["event"], "id": "new", "starts_at": "2030-11-12T17:00:00"}
    data.update(event=None, events=[old, new], privacy={"retain_days": 30})
    return Settings.model_validate(data)


async def test_retention_erases_exactly_the_expired_events_data(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = two_events(fake, tmp_path)
    await seed(settings.storage.path, 10, offline=range(1, 3), slug="old")
    await seed(settings.storage.path, 10, offline=range(3, 5), slug="new")
    # A month and a day after the old event: its data has expired, the new one's has not.
    running = await start(fake, settings, TravelClock(datetime(2030, 2, 10, tzinfo=UTC)))
    try:
        async with asyncio.timeout(10):
            await running.app.retention.ran.wait()  # it runs once at start
        old, new = await running.desk("old"), await running.desk("new")
        old_rows = [await old.ledger.get_by_id(i) for i in (1, 2)]
        new_rows = [await new.get(u) for u in (3, 4)]
        old_counts = await old.counts()
        log = await running.app.db.fetchall("SELECT reason, event_id, rows FROM erasures")
    finally:
        await running.stop()
    assert all(r is not None and r.full_name == "" and r.user_id < 0 for r in old_rows)
    assert [r.full_name for r in new_rows if r] == ["Person 3", "Person 4"]
    assert old_counts.seated == 2  # counts stay
    assert [tuple(r) for r in log] == [("retention", old.event.id, 2)]
    assert b"Person 1" not in raw_bytes(tmp_path) and b"Person 3" in raw_bytes(tmp_path)


async def test_the_day_before_the_organisers_can_export_first(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = two_events(fake, tmp_path)
    await seed(settings.storage.path, 10, offline=range(1, 3), slug="old")
    olga = fake.user(ADMIN, language_code="en")
    running = await start(fake, settings, TravelClock(datetime(2030, 2, 9, tzinfo=UTC)))
    try:
        # In the default language: the organisers' own is not known outside an update.
        warning = await olga.wait_for(has("Завтра персональные данные"))
        await olga.press("Выгрузить сейчас")
        document = await olga.wait_for(lambda m: m.document is not None)
        kept = await (await running.desk("old")).get(1)
    finally:
        await running.stop()
    assert "Round table" in warning.plain_text
    assert document.document is not None
    assert kept is not None and kept.full_name == "Person 1"  # nothing erased yet


async def test_forget_me_takes_the_certificate_and_the_feedback_too(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """After the event: the corrected name on the certificate, the verification code and
    the feedback comment go with the person, from the files too."""
    settings = after_settings(fake, tmp_path)
    codes = await seed_two(settings.storage.path)
    bob = fake.user(2, first_name="Bob", language_code="en")  # reads English
    stranger = fake.user(77, language_code="en")
    running = await start(fake, settings, TravelClock(EVENT_UTC))
    try:
        await (await running.desk()).ledger.check_in(codes[2], running.clock())
        travel(running, timedelta(hours=2))  # the end: the certificate offer
        await bob.wait_for(has_button("Correct my name"))
        await bob.press("Correct my name")
        await bob.wait_for(has("Send your full name"))
        await bob.send(NAME)
        await bob.reply(has(NAME))
        await bob.press("Issue my certificate")
        issued = await bob.wait_for(lambda m: m.document is not None)
        code = issued.plain_text.rsplit("verify_", 1)[1].split()[0]
        travel(running, timedelta(minutes=30))  # the poll
        await fake.wait_until(lambda: any(m.poll for m in fake.sent(2)), timeout=10)
        await eventually(lambda: poll_recorded(running), what="poll id recorded")
        await bob.vote([2])
        await bob.wait_for(has("What should we change?"))
        await bob.send(ORG)  # the comment: as unique as the name
        await bob.reply(has("Thank you for your feedback"))
        assert found(tmp_path) == [NAME, ORG]
        await bob.send("/forget_me")
        await bob.reply(has("Erase all your personal data"))
        await bob.press("Yes, erase my data")
        await bob.wait_for(has("your personal data is erased"))
        await stranger.send(f"/start verify_{code}")
        await stranger.reply(has("No such certificate"))
        leftover = found(tmp_path)
    finally:
        await running.stop()
    assert leftover == []
    assert found(tmp_path) == []


async def test_retention_takes_the_certificates_and_the_feedback(tmp_path: Path) -> None:
    """The event's retention erases its certificates (the code stops verifying) and the
    feedback, from the files too; another event's stay."""
    db = await Database.open(tmp_path / "regbot.sqlite3")
    try:
        kept = {}
        for slug, user_id in (("old", 1), ("new", 2)):
            ledger = Ledger(db, await seed_event(db, 10, slug=slug))
            reg = (await ledger.register(applicant(user_id), Format.OFFLINE, EVENT_UTC)
                   ).registration
            await after.certificate_for(db, reg, f"CODE{user_id}XYZW")
            await after.correct_name(db, reg.id, f"{NAME} {user_id}", EVENT_UTC)
            await after.mark_issued(db, reg.id, EVENT_UTC)
            await after.poll_sent(db, reg.id, f"p{user_id}")
            await after.comment(db, reg.id, f"{ORG} {user_id}", EVENT_UTC)
            kept[slug] = reg.event_id
        await erase_event(db, kept["old"], EVENT_UTC + timedelta(days=91))
        old = await after.verify(db, "CODE1XYZW")
        new = await after.verify(db, "CODE2XYZW")
    finally:
        await db.close()
    data = raw_bytes(tmp_path)
    assert old is None and new is not None
    assert f"{NAME} 1".encode() not in data and f"{ORG} 1".encode() not in data
    assert f"{NAME} 2".encode() in data and f"{ORG} 2".encode() in data
