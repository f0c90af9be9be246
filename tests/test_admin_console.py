"""The organiser console end to end: admin commands over the loopback Bot API, checked
against what the bot said and what the ledger holds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from handlers.admin.callbacks import RegCb
from loopback import FakeTelegram, Fault, fault_on
from services.registration import Intake
from storage.models import Format, Placement
from tests.admin import admin, ask, audit_rows, enrol, open_details, reg
from tests.harness import ADMIN, Running, has, settings_for, start


async def test_command_menus(fake: FakeTelegram, small: Running) -> None:
    participant = ["start", "my", "help", "cancel", "language"]
    # Set just after the first poll (the bot answers first): the last one set is awaited.
    await fake.wait_until(lambda: bool(fake.commands(f"chat:{ADMIN}", "")))
    for language in ("", "en", "kk", "ru"):
        assert [c["command"] for c in fake.commands("default", language)] == participant
        commands = [c["command"] for c in fake.commands(f"chat:{ADMIN}", language)]
        assert commands[-5:] == participant and {"stats", "list", "export", "log"} <= set(commands)
    assert fake.commands("default")[0]["description"] == "Событие и регистрация"
    assert fake.commands("default", "en")[0]["description"] == "The event and registration"


async def test_a_failing_command_menu_does_not_stop_the_start(fake: FakeTelegram,
                                                              tmp_path: Path) -> None:
    fake.add_fault(fault_on("setMyCommands", Fault.server_error(), times=None))
    app = await start(fake, settings_for(fake, tmp_path))
    try:
        await ask(admin(fake), "/stats", "Seats taken: 0 of 10")
    finally:
        await app.stop()


async def test_stats(fake: FakeTelegram, small: Running) -> None:
    for user_id in (1, 2, 3, 4):
        await enrol(small, fake, user_id)  # three seats, one on the waitlist
    small.clock.travel(timedelta(days=1))
    await enrol(small, fake, 5, Format.ONLINE)
    await enrol(small, fake, 6, Format.ONLINE)
    await (await small.desk()).cancel(6)
    code = (await reg(small, 1)).entry_code
    await (await small.desk()).ledger.check_in(code or "", small.clock())
    await small.app.db.execute("UPDATE registrations SET unreachable_at = updated_at"
                               " WHERE user_id = 5")
    stats = await ask(admin(fake), "/stats", "Seats taken")
    for line in ("Seats taken: 3 of 3 (0 free)", "Waitlist: 1", "Online: 1", "Cancelled: 1",
                 "Checked in: 1 of 3", "Unreachable: 1", "Registration: open",
                 "01.11.2030: 4", "02.11.2030: 2", "No reminder pending",
                 "Sending: 200 messages a second, as set; waiting to go: 0"):
        assert line in stats.plain_text


async def test_stats_shows_the_pace_telegram_slowed_the_bot_to(fake: FakeTelegram,
                                                               small: Running) -> None:
    olga = admin(fake)
    fake.add_fault(fault_on("sendMessage", Fault.too_many(1), chat_id=ADMIN))
    await ask(olga, "/stats", "Seats taken")  # a message of it refused once, then repeated
    stats = await ask(olga, "/stats", "Seats taken")
    assert "messages a second instead of 200: Telegram refused" in stats.plain_text


async def test_list_pages_and_details(fake: FakeTelegram, running: Running) -> None:
    for user_id in range(1, 13):
        await enrol(running, fake, user_id, name=f"Name {user_id:02}", phone="+77011234567")
    olga = admin(fake)
    choose = await ask(olga, "/list", "Which list?")
    assert choose.buttons == ["🪑 Offline (10)", "⏳ Waitlist (2)", "💻 Online (0)",
                              "📋 All (12)"]
    await olga.press("Offline")
    first = await olga.reply(has("page 1 of 1"))
    assert first.message_id == choose.message_id  # edited in place
    seat = await reg(running, 1)
    assert (f"1. Name 01, NGO Help (NGO) · +77011234567 · 🪑 code {seat.entry_code}"
            in first.plain_text)
    await olga.press("Lists")
    await olga.reply(has("Which list?"))
    await olga.press("All")
    page = await olga.reply(has("page 1 of 2"))
    assert len([b for b in page.buttons if b[0].isdigit()]) == 10
    await olga.press("Next")
    second = await olga.reply(has("page 2 of 2"))
    assert "11. Name 11" in second.plain_text and "⏳ waitlist #1" in second.plain_text
    await olga.press("12. Name 12")
    details = await olga.reply(has("Name 12 · #12"))
    assert "⏳ waitlist #2" in details.plain_text and "+77011234567" in details.plain_text
    assert details.buttons == ["🪑 Give a seat", "💻 Move to online", "✖️ Cancel registration",
                               "⬅️ Back to the list"]
    await olga.press("Back to the list")
    await olga.reply(has("page 2 of 2"))


async def test_check_in_from_details(fake: FakeTelegram, small: Running) -> None:
    await enrol(small, fake, 1, name="Alice Smith")
    olga = admin(fake)
    await open_details(olga, "Offline", "1. Alice Smith", "Alice Smith · #1")
    await olga.press("Check in")
    done = await olga.reply(has("Checked in."))
    assert "arrived" in done.plain_text and "Check in" not in " ".join(done.buttons)
    assert (await reg(small, 1)).checked_in_at == small.clock()
    code = (await reg(small, 1)).entry_code
    assert await audit_rows(small) == [(ADMIN, "checkin", 1, f"{code}: ok")]


async def test_cancel_needs_a_yes_and_passes_the_seat_on(fake: FakeTelegram,
                                                          small: Running) -> None:
    for user_id in (1, 2, 3, 4):
        await enrol(small, fake, user_id)
    olga = admin(fake)
    await open_details(olga, "Offline", "1. Person 1", "Person 1 · #1")
    await olga.press("Cancel registration")
    sure = await olga.reply(has("Cancel the registration of Person 1?"))
    assert (await reg(small, 1)).active  # nothing happens before the yes
    await olga.press("No, keep as is")
    await olga.reply(has("Person 1 · #1"))
    await olga.press("Cancel registration")
    await olga.reply(has("Cancel the registration"))
    await olga.press("Yes, cancel it")
    done = await olga.reply(has("Registration cancelled"))
    assert done.message_id == sure.message_id
    assert "Seated from the waitlist, in order, and told: Person 4" in done.plain_text
    assert not (await reg(small, 1)).active
    assert (await reg(small, 4)).placement is Placement.SEATED
    await fake.user(1).wait_for(has("organisers have cancelled your registration"))
    await fake.user(4).wait_for(has("A seat has freed up", (await reg(small, 4)).entry_code or "?"))
    assert await audit_rows(small) == [(ADMIN, "cancel", 1, "was seated")]


async def test_move_online_and_stale_details(fake: FakeTelegram, small: Running) -> None:
    await enrol(small, fake, 1)
    await enrol(small, fake, 2)
    olga = admin(fake)
    await open_details(olga, "Offline", "1. Person 1", "Person 1 · #1")
    # Meanwhile the participant moves online themselves: the details are stale.
    await (await small.desk()).switch(1, Format.ONLINE)
    await olga.press("Move to online")
    answer = await olga.answer_to_press()
    assert answer.get("show_alert") and "changed meanwhile" in answer["text"]
    fresh = await olga.reply(has("💻 online"))
    assert fresh.buttons == ["✖️ Cancel registration", "⬅️ Back to the list"]
    await olga.press("Back to the list")
    await olga.reply(has("page 1 of 1"))
    await olga.press("1. Person 2")
    await olga.reply(has("Person 2 · #2"))
    await olga.press("Move to online")
    await olga.reply(has("Move Person 2 to online?"))
    await olga.press("Yes, move to online")
    await olga.reply(has("Moved to online"))
    assert (await reg(small, 2)).placement is Placement.ONLINE
    await fake.user(2).wait_for(has("moved you to online participation"))
    assert await audit_rows(small) == [(ADMIN, "online", 2, "was seated")]


async def test_give_a_seat(fake: FakeTelegram, small: Running) -> None:
    for user_id in (1, 2, 3, 4, 5):
        await enrol(small, fake, user_id)  # 4 and 5 wait
    olga = admin(fake)
    await open_details(olga, "Waitlist", "2. Person 5", "Person 5 · #5", "waitlist #2")
    await olga.press("Give a seat")
    refused = await olga.answer_to_press()
    assert refused.get("show_alert") and "/capacity" in refused["text"]
    assert (await reg(small, 5)).placement is Placement.WAITLISTED
    # A seat is free but nobody was promoted (e.g. the config was raised between runs):
    # the organiser may choose who gets it, even out of queue order.
    desk = await small.desk()
    await desk.ledger.db.execute("UPDATE events SET capacity_override = 4 WHERE id = ?",
                                 (desk.event.id,))
    await olga.press("Give a seat")
    await olga.reply(has("Seat given"))
    seated = await reg(small, 5)
    assert seated.placement is Placement.SEATED and seated.entry_code
    assert (await reg(small, 4)).placement is Placement.WAITLISTED
    await fake.user(5).wait_for(has("A seat has freed up", seated.entry_code))
    assert [row[1:] for row in await audit_rows(small)] == [
        ("promote", 5, "room-full"), ("promote", 5, "ok")]


async def test_forged_and_unknown_buttons(fake: FakeTelegram, small: Running) -> None:
    await enrol(small, fake, 1)
    olga = admin(fake)
    await ask(olga, "/list", "Which list?")
    await olga.press_data(RegCb(act="show", reg=999).pack())
    assert "no such registration" in (await olga.answer_to_press())["text"]
    stamp = (await reg(small, 1)).version
    await olga.press_data(RegCb(act="cancel", reg=1, v=stamp + 1, sure=True).pack())
    assert "changed meanwhile" in (await olga.answer_to_press())["text"]
    await olga.press_data(RegCb(act="promote", reg=1, v=stamp).pack())  # not on the waitlist
    assert "changed meanwhile" in (await olga.answer_to_press())["text"]
    await olga.press_data(RegCb(act="explode", reg=1, v=stamp, sure=True).pack())
    assert (await olga.answer_to_press())["text"] == "This button is out of date."
    await olga.press_data("al:nonsense:0")
    assert (await olga.answer_to_press())["text"] == "This button is out of date."
    assert (await reg(small, 1)).active and await audit_rows(small) == []


async def test_capacity(fake: FakeTelegram, small: Running) -> None:
    for user_id in range(1, 7):
        await enrol(small, fake, user_id)  # 1-3 seated; 4, 5, 6 wait in that order
    olga = admin(fake)
    now = await ask(olga, "/capacity", "Room: 3 seats")
    assert "3 taken, 3 on the waitlist" in now.plain_text
    raised = await ask(olga, "/capacity 5", "now has 5 seats")
    assert "5 taken" in raised.plain_text and "told: Person 4, Person 5" in raised.plain_text
    assert [(await reg(small, u)).placement for u in (4, 5, 6)] == [
        Placement.SEATED, Placement.SEATED, Placement.WAITLISTED]
    for user_id in (4, 5):
        await fake.user(user_id).wait_for(has("A seat has freed up"))
    assert not any("seat has freed" in m.plain_text for m in fake.user(6).messages)
    refused = await ask(olga, "/capacity 4", "Refused")
    assert "5 seats are already taken" in refused.plain_text
    for bad in ("/capacity -1", "/capacity lots", "/capacity 100000"):
        await ask(olga, bad, "whole number of seats from 0 to 10,000")
    counts = await (await small.desk()).ledger.counts()
    assert (counts.capacity, counts.seated, counts.waitlisted) == (5, 5, 1)
    assert [row[1:] for row in await audit_rows(small)] == [
        ("capacity", None, "3 → 5, 2 promoted"), ("capacity", None, "4: refused, 5 taken")]


async def test_close_and_open(fake: FakeTelegram, running: Running) -> None:
    olga = admin(fake)
    registrations = await running.desk()
    ask_close = await ask(olga, "/close", "What should stop?")
    assert "Registration is open" in ask_close.plain_text
    await olga.press("Keep as is")
    await olga.reply(has("Nothing changed"))
    assert await registrations.intake() is Intake.OPEN
    await ask(olga, "/close", "What should stop?")
    await olga.press("Offline only")
    await olga.reply(has("Registration is now online only"))
    assert await registrations.intake() is Intake.ONLINE_ONLY
    await ask(olga, "/close", "What should stop?")
    await olga.press("All new registrations")
    await olga.reply(has("Registration is now closed"))
    assert await registrations.intake() is Intake.CLOSED
    alice = fake.user(1, language_code="en")
    await ask(alice, "/start", "Registration is closed")
    await ask(olga, "/open", "Registration is now open")
    assert await registrations.intake() is Intake.OPEN
    assert [row[1:] for row in await audit_rows(running)] == [
        ("intake", None, "online-only"), ("intake", None, "closed"), ("intake", None, "open")]


async def test_checkin_command(fake: FakeTelegram, small: Running) -> None:
    await enrol(small, fake, 1, name="Alice Smith", org="NGO Help")
    await enrol(small, fake, 2)
    await enrol(small, fake, 3)
    await enrol(small, fake, 4)  # waitlisted: no code
    olga = admin(fake)
    code = (await reg(small, 1)).entry_code or ""
    spaced = f"{code[:3].lower()} {code[3:].lower()}"
    ok = await ask(olga, f"/checkin {spaced}", "welcome")
    assert "Alice Smith, NGO Help" in ok.plain_text and "1 of 3 seats checked in" in ok.plain_text
    again = await ask(olga, f"/checkin {code}", "already checked in")
    assert "Alice Smith" in again.plain_text
    gone = (await reg(small, 2)).entry_code or ""
    await (await small.desk()).cancel(2)  # the seat passes to 4; 2's code is void
    void = await ask(olga, f"/checkin {gone}", "No seat has the code")
    assert gone in void.plain_text and "cancelled" in void.plain_text
    await ask(olga, "/checkin", "Send the entry code")
    await ask(olga, "/checkin <b>x</b>", "No seat has the code <B>X</B>")
    assert (await reg(small, 2)).checked_in_at is None
    assert [row[1:] for row in await audit_rows(small)] == [
        ("checkin", 1, f"{code}: ok"), ("checkin", 1, f"{code}: already"),
        ("checkin", None, f"{gone}: unknown"), ("checkin", None, "<B>X</B>: unknown")]


async def test_door(fake: FakeTelegram, small: Running) -> None:
    olga = admin(fake)
    await ask(olga, "/door", "Nobody has a seat yet")
    await enrol(small, fake, 1, name="Boris")
    await enrol(small, fake, 2, name="Aigerim")
    await (await small.desk()).ledger.check_in((await reg(small, 1)).entry_code or "",
                                                  small.clock())
    door = await ask(olga, "/door", "Door")
    pin, _, rest = door.plain_text.partition("\n\n")  # the event line heads the answer
    assert pin == "📌 Round table · 12 November 2030, 17:00"
    lines = rest.splitlines()
    assert lines[0] == "🚪 Door: 1 of 2 arrived · room of 3"
    assert lines[1].startswith("▫️ Aigerim · NGO Help · ") and lines[2].startswith("✅ Boris")


async def test_log_shows_the_latest_twenty(fake: FakeTelegram, small: Running) -> None:
    olga = admin(fake)
    await ask(olga, "/log", "No organiser actions yet")
    for n in range(22):
        await ask(olga, f"/capacity {n + 3}", f"now has {n + 3} seats")
    log = await ask(olga, "/log", "Latest organiser actions")
    rows = log.plain_text.partition("\n\n")[2].splitlines()[1:]  # after the event line
    assert len(rows) == 20
    assert rows[0].endswith("room size: 23 → 24, 0 promoted")
    assert rows[-1].endswith("room size: 4 → 5, 0 promoted")

