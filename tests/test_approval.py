"""Approval (`approval = true`, issue 21): Confirm puts the registration in waiting; the
organisers approve (the seat rule at that moment) or decline; each person is told once, in
their language; nobody waiting gets a reminder; at the start those still waiting are told
registration is closed."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.seed import event as seeded
from core.i18n import Catalog, Texts
from handlers.admin.callbacks import ApprovalCb
from loopback import BotMessage, FakeTelegram, FakeUser, TravelClock
from services.team import Role
from storage import pending
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Applicant, Format
from tests.admin import admin
from tests.dbfiles import raw_bytes
from tests.harness import ADMIN, has, settings_for, start
from tests.reminders import EVENT_UTC, reminders_to, with_reminders
from tests.travel import travel


def texts(language: str) -> Texts:
    return Catalog().for_language(language)


async def apply(user: FakeUser, language: str, name: str, offline: bool,
                link: str = "") -> BotMessage:
    """The whole form in the person's language (`link`: the event's id, as its link opens
    it); returns the answer to Confirm (the form waits)."""
    await fill(user, language, name, offline, link)
    return await user.reply(lambda m: m.plain_text.startswith("⏳"))


async def fill(user: FakeUser, language: str, name: str, offline: bool,
               link: str = "") -> None:
    """The whole form in the person's language, up to pressing Confirm."""
    t = texts(language)
    await user.send(f"/start {link}".strip())
    await user.wait_for(lambda m: t("btn-register") in m.buttons)
    await user.press(t("btn-register"))
    await user.wait_for(lambda m: t("btn-consent-agree") in m.buttons)
    await user.press(t("btn-consent-agree"))
    await user.wait_for(lambda m: t("ask-name") in m.plain_text)
    await user.send(name)
    await user.wait_for(lambda m: t("ask-org") in m.plain_text)
    await user.send("NGO Help")
    await user.wait_for(lambda m: t("role-ngo") in m.buttons)
    await user.press(t("role-ngo"))
    await user.wait_for(lambda m: bool(m.reply_keyboard))
    await user.send(t("btn-skip"))
    await user.wait_for(lambda m: t("btn-online") in m.buttons)
    await user.press("🪑" if offline else t("btn-online"))
    await user.wait_for(lambda m: t("btn-confirm") in m.buttons)
    await user.press(t("btn-confirm"))


def told(fake: FakeTelegram, chat_id: int, text: str) -> int:
    return sum(1 for m in fake.sent(chat_id) if text in m.plain_text)


async def test_approve_and_decline_each_told_once_in_their_language(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path, offline_capacity=1,
                                             approval=True))
    try:
        olga = admin(fake)
        await olga.send("/pending")  # (her Telegram language is seen from here on)
        await olga.reply(has("Nobody is waiting for approval"))
        alice, bob = fake.user(1, language_code="ru"), fake.user(2, language_code="kk")
        carol, dave = fake.user(3, language_code="en"), fake.user(4, language_code="en")
        waits = await apply(alice, "ru", "Алиса Смирнова", offline=True)
        assert texts("ru")("pending-head", title="Round table").split("<")[0].strip() \
            in waits.plain_text
        await apply(bob, "kk", "Бақыт Ахметов", offline=True)
        await apply(carol, "en", "Carol Jones", offline=False)
        await apply(dave, "en", "Dave Brown", offline=True)
        await olga.wait_for(has("New registration", "Dave Brown"))
        assert sum(1 for m in olga.messages if "New registration" in m.plain_text) == 4

        desk = await running.desk()
        assert (await desk.counts()).seated == 0  # nobody holds a seat while waiting
        await alice.send("/my")
        await alice.reply(has(texts("ru")("pending-my", title="Round table")
                              .split("\n")[1]))
        await olga.send("/stats")
        await olga.reply(has("Waiting for approval: 4"))

        ids = {w.who.user_id: w.id for w in await desk.waiting_list()}
        event = (await running.event()).id
        approve_alice = ApprovalCb(act="ok", ev=event, p=ids[1]).pack()
        notice = next(m for m in olga.messages if "Алиса" in m.plain_text)
        await olga.press_data(approve_alice, notice.message_id)
        await olga.reply(has("Approved: Алиса Смирнова (a seat)"))
        approved_ru = texts("ru")("approved-head").split("<b>")[1].split("</b>")[0]
        seat = await alice.wait_for(has(approved_ru))
        assert texts("ru")("btn-pass") in seat.buttons  # a seat, with its entry pass
        await olga.press_data(approve_alice, notice.message_id)  # again: decided already
        assert (await olga.answer_to_press()).get("text", "").startswith("Already decided")

        await olga.press_data(ApprovalCb(act="no", ev=event, p=ids[3]).pack())
        await olga.reply(has("Declining Carol Jones"))
        await olga.send("The room is for ministry staff only")
        await olga.reply(has("Declined: Carol Jones"))
        refused = await carol.wait_for(has("declined your registration"))
        assert "Reason: The room is for ministry staff only" in refused.plain_text

        await olga.send("/pending")
        listed = await olga.reply(has("Waiting for approval (Round table): 2"))
        assert "Бақыт Ахметов" in listed.plain_text and "Dave Brown" in listed.plain_text
        await olga.press("Approve all")
        await olga.reply(has("Approve all 2 waiting, in order of registration? Free seats"
                             " now: 0"))
        await olga.press("Yes, approve all 2")
        assert (await olga.answer_to_press()).get("text") == (
            "Approved: 2 (the room was full, online + waitlist: 2). Each has been told.")
        approved_kk = texts("kk")("approved-head").split("<b>")[1].split("</b>")[0]
        queued = await bob.wait_for(has(approved_kk))
        assert texts("kk")("btn-leave-waitlist") in queued.buttons  # the room was full
        await dave.wait_for(has("approved your registration"))
        counts = await desk.counts()
        left = await desk.waiting_count()
    finally:
        await running.stop()
    assert (counts.seated, counts.waitlisted, counts.online, left) == (1, 2, 0, 0)
    assert told(fake, 1, approved_ru) == 1 and told(fake, 2, approved_kk) == 1
    assert told(fake, 3, "declined your registration") == 1
    assert told(fake, 4, "approved your registration") == 1


async def test_no_reminder_while_waiting_and_closed_at_the_start(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": 2, "audience": "all"}])
    data = settings.model_dump(mode="python")
    data["event"]["approval"] = True
    data["telegram"]["token"] = fake.token
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, type(settings).model_validate(data),
                          TravelClock(EVENT_UTC - timedelta(hours=1)))
    try:
        await admin(fake).send("/pending")
        await admin(fake).reply(has("Nobody is waiting for approval"))
        alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="ru")
        await apply(alice, "en", "Alice Smith", offline=True)
        await apply(bob, "ru", "Борис Петров", offline=False)
        desk = await running.desk()
        first = (await desk.waiting_list())[0]
        await admin(fake).press_data(ApprovalCb(act="ok", ev=desk.event.id, p=first.id).pack())
        await alice.wait_for(has("approved your registration"))
        travel(running, timedelta(hours=1) - timedelta(seconds=2))  # the reminder is due
        await fake.wait_until(lambda: len(reminders_to(fake, 1)) == 1, timeout=20)
        travel(running, timedelta(seconds=3))  # past the start
        closed = texts("ru")("pending-closed", title="Round table")
        shut = await bob.wait_for(has(closed))
        assert "+7 777 397 11 27" in shut.plain_text  # whom to ask: the event's phone
        left = await desk.waiting_count()
        carol = fake.user(3, language_code="en")  # on now: no late registration to approve
        await carol.send("/start")
        late = await carol.reply(has("Round table"))
        assert "Register" not in " ".join(late.buttons)
    finally:
        await running.stop()
    assert reminders_to(fake, 2) == [] and told(fake, 2, "Напоминание") == 0
    assert told(fake, 2, closed) == 1 and left == 0


async def test_the_events_team_organiser_gets_and_decides_it_too(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        event = await running.event()
        await running.app.dp["team"].add(event, Role.ORGANISER, 777, "Nurlan", ADMIN)
        nurlan = fake.user(777, first_name="Nurlan", language_code="en")
        await nurlan.send("/pending")
        await nurlan.reply(has("Nobody is waiting for approval"))
        alice = fake.user(1, language_code="en")
        await apply(alice, "en", "Alice Smith", offline=True)
        await nurlan.wait_for(has("New registration", "Alice Smith"))
        await nurlan.press("✅ Approve")
        await alice.wait_for(has("approved your registration"))
    finally:
        await running.stop()


async def test_forget_me_while_waiting_leaves_no_bytes(fake: FakeTelegram,
                                                       tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        alice = fake.user(1, language_code="en")
        await apply(alice, "en", "Zhanar Qwertyuiop", offline=True)
        assert b"Qwertyuiop" in raw_bytes(tmp_path)
        await alice.send("/forget_me")
        await alice.reply(has("Erase all your personal data"))
        await alice.press("Yes, erase my data")
        await alice.wait_for(has("your personal data is erased"))
        left = b"Qwertyuiop" in raw_bytes(tmp_path)
        waiting = await (await running.desk()).waiting_count()
    finally:
        await running.stop()
    assert not left and waiting == 0
    assert b"Qwertyuiop" not in raw_bytes(tmp_path)


async def test_a_decision_committed_before_a_crash_is_told_at_the_next_start(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The news of an approval or a decline is written with the decision: decided on the
    file while no bot runs (as if the process died right after the commit), each person is
    told once when the bot starts, in their language; the decline's reason then leaves the
    files with /forget_me."""
    settings = settings_for(fake, tmp_path, offline_capacity=1, approval=True)
    running = await start(fake, settings)
    try:
        alice, bob = fake.user(1, language_code="ru"), fake.user(2, language_code="kk")
        await apply(alice, "ru", "Алиса Смирнова", offline=True)
        await apply(bob, "kk", "Бақыт Ахметов", offline=True)
        desk = await running.desk()
        ids = {w.who.user_id: w.id for w in await desk.waiting_list()}
    finally:
        await running.stop()
    db = await Database.open(settings.storage.path)
    try:
        ledger, now = Ledger(db, desk.event.id), datetime.now(UTC)
        assert await ledger.approve(ids[1], now) is not None
        assert await ledger.decline(ids[2], now, "Qwertyreason only") is not None
    finally:
        await db.close()
    approved_ru = texts("ru")("approved-head").split("<b>")[1].split("</b>")[0]
    declined_kk = texts("kk")("declined", title="Round table").split("«")[0]
    running = await start(fake, settings)
    try:
        seat = await alice.wait_for(has(approved_ru))
        refused = await bob.wait_for(has(declined_kk))
        await bob.send("/forget_me")
        await bob.wait_for(lambda m: texts("kk")("btn-forget-yes") in m.buttons)
        await bob.press(texts("kk")("btn-forget-yes"))
        await bob.wait_for(has(texts("kk")("forget-done").split("<")[0]))
        await running.app.registrations.outbox.settled()
    finally:
        await running.stop()
    assert texts("ru")("btn-pass") in seat.buttons  # the seat, with its entry pass
    assert "Qwertyreason only" in refused.plain_text
    assert told(fake, 1, approved_ru) == 1 and told(fake, 2, declined_kk) == 1
    assert b"Qwertyreason" not in raw_bytes(tmp_path)


async def test_racing_approvals_registrations_and_cancels_never_overbook(
        tmp_path: Path) -> None:
    """Two organisers pressing "approve all" at once while others register and cancel:
    every waiting form is decided exactly once and the room never holds more than its
    seats (each approval is one BEGIN IMMEDIATE transaction with the seat rule in it)."""
    def person(user_id: int) -> Applicant:
        return Applicant(user_id, user_id, "en", f"P{user_id}", "Org", "ngo", None)

    now = datetime(2030, 11, 1, tzinfo=UTC)
    db = await Database.open(tmp_path / "race.sqlite3")
    try:
        ledger = Ledger(db, await seeded(db, 5))
        for user_id in range(1, 31):
            await pending.hold(db, ledger.event, person(user_id), Format.OFFLINE, now)
        waiting = await pending.of_event(db, ledger.event)

        async def approve_all() -> int:
            return sum([await ledger.approve(w.id, now) is not None for w in waiting])

        async def others() -> None:
            for user_id in range(100, 110):
                await ledger.register(person(user_id), Format.OFFLINE, now)
            for user_id in (1, 100, 101):
                await ledger.cancel(user_id, now)

        first, second, _ = await asyncio.gather(approve_all(), approve_all(), others())
        counts = await ledger.counts()
        left = await pending.count(db, ledger.event)
    finally:
        await db.close()
    assert first + second == 30 and left == 0  # each decided once, by one of them
    assert counts.seated == counts.capacity == 5  # full, never over
    assert counts.seated + counts.waitlisted + counts.online + counts.cancelled == 40
