"""The team (issue 22): owners, organisers and door staff per event; invitations from the
chat; removal at once; two door volunteers scanning one pass at the same moment."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta
from pathlib import Path

from handlers.admin.callbacks import (
    CastCb,
    DraftCb,
    EventCb,
    IntakeCb,
    InviteCb,
    ListCb,
    RegCb,
    TeamCb,
    VersionCb,
)
from loopback import BotMessage, FakeTelegram, FakeUser
from services.events import Event
from services.privacy import ExportCb
from services.team import Role, Team
from storage.models import Format
from tests.admin import STALE_BUTTON, UNKNOWN, admin, ask, audit_rows, enrol, reg
from tests.dbfiles import raw_bytes
from tests.harness import ADMIN, Running, has, has_button

ORGANISER, ELSEWHERE, DOOR, PARTICIPANT, STRANGER = 9101, 9102, 9103, 1, 9999
WHO = (ADMIN, ORGANISER, ELSEWHERE, DOOR, PARTICIPANT, STRANGER)
CHECKIN_ANSWERS = ("seats checked in", "No seat has the code")


def team_of(running: Running) -> Team:
    found: Team = running.app.dp["team"]
    return found


def commands(code: str) -> dict[str, str]:
    """Each console command, and who may use it: one letter per person of WHO, in order
    (owner, organiser of this event, organiser of another event, door staff of this event,
    participant, stranger). The organiser of another event may use their console: on
    their own event (checked apart: they never see this event's data)."""
    return {
        "/stats": "YYYNNN", "/list": "YYYNNN", "/export": "YYYNNN", "/broadcast": "YYYNNN",
        "/capacity": "YYYNNN", "/close": "YYYNNN", "/open": "YYYNNN", "/reminders": "YYYNNN",
        "/log": "YYYNNN", "/team": "YYYNNN",
        "/door": "YYYYNN", f"/checkin {code}": "YYYYNN", "/checkin": "YYYYNN",
        "/events": "YYYYNN", f"/start checkin_{code}": "YYYYNN",
        "/newevent": "YNNNNN", "/editevent": "YNNNNN",
    }  # fmt: skip


def buttons(this: Event, reg_id: int) -> dict[str, str]:
    """Each kind of console button (this event's, where it names one), and who may press it."""
    return {
        ListCb(kind="all").pack(): "YYYNNN",
        IntakeCb(to="keep").pack(): "YYYNNN",
        CastCb(act="stop").pack(): "YYYNNN",
        VersionCb(act="for", lang="all").pack(): "YYYNNN",
        RegCb(act="show", reg=reg_id).pack(): "YYNNNN",
        InviteCb(ev=this.id).pack(): "YYNNNN",
        ExportCb(ev=this.id).pack(): "YYNNNN",
        TeamCb(act="revoke", ev=this.id, tok="none").pack(): "YYNNNN",
        TeamCb(act="invite", ev=this.id, role="door").pack(): "YYNNNN",
        TeamCb(act="invite", ev=this.id, role="organiser").pack(): "YNNNNN",
        TeamCb(act="remove", ev=this.id, who=STRANGER).pack(): "YYNNNN",
        EventCb(ev=this.id).pack(): "YYNYNN",
        DraftCb(act="stop").pack(): "YNNNNN",
    }


async def settle(fake: FakeTelegram, user: FakeUser) -> None:
    """Wait until everything the bot does for this person's last update is done: updates
    of one chat are handled one after the other, so /id's answer comes last."""
    mark = f"admins = [{user.id}]"  # /id's answer, in any language
    seen = sum(mark in m.plain_text for m in user.messages)
    await user.send("/id")
    await fake.wait_until(lambda: sum(mark in m.plain_text for m in user.messages) > seen)


async def command_allowed(fake: FakeTelegram, user: FakeUser, command: str) -> bool:
    before = len(user.messages)
    await user.send(command)
    await settle(fake, user)
    got = [m for m in user.messages[before:] if f"admins = [{user.id}]" not in m.plain_text]
    if command.startswith("/broadcast") or command.startswith("/newevent"):
        await user.send("/cancel")  # leave the draft the command opened
        await settle(fake, user)
    if command.startswith("/start"):  # refused: an ordinary start (the event card)
        return any(a in m.plain_text for m in got for a in CHECKIN_ANSWERS)
    assert got, command
    return not got[0].plain_text.startswith(UNKNOWN)


async def button_allowed(fake: FakeTelegram, user: FakeUser, data: str) -> bool:
    await user.press_data(data)
    answer = await user.answer_to_press()
    await settle(fake, user)
    return not (answer.get("text") == STALE_BUTTON and answer.get("show_alert"))


async def other_event(running: Running) -> Event:
    this = await running.event()
    return await running.app.registrations.events.create(this.info.model_copy(update={
        "id": None, "title": "Autumn school", "starts_at": datetime(2030, 12, 1, 10, 0)}))


async def test_the_authorization_matrix(fake: FakeTelegram, small: Running) -> None:
    for user_id in (1, 2):
        await enrol(small, fake, user_id)
    await enrol(small, fake, 3, Format.ONLINE)
    this, team = await small.event(), team_of(small)
    autumn = await other_event(small)
    await team.add(this, Role.ORGANISER, ORGANISER, "Oscar Org", ADMIN)
    await team.add(autumn, Role.ORGANISER, ELSEWHERE, "Otto Else", ADMIN)
    await team.add(this, Role.DOOR, DOOR, "Dina Door", ADMIN)
    people = [admin(fake)] + [fake.user(u, first_name=f"U{u}", language_code="en")
                              for u in WHO[1:]]
    code = (await reg(small, 2)).entry_code or ""
    expected = commands(code) | buttons(this, (await reg(small, 1)).id)
    seen = dict.fromkeys(expected, "")
    for what in commands(code):
        for person in people:
            seen[what] += "Y" if await command_allowed(fake, person, what) else "N"
    for data in buttons(this, (await reg(small, 1)).id):
        for person in people:
            seen[data] += "Y" if await button_allowed(fake, person, data) else "N"
    assert seen == expected
    # The organiser of the other event worked on theirs only: nothing of this one reached
    # them (its title, its people, its codes).
    elsewhere = [m.plain_text for m in fake.user(ELSEWHERE).messages]
    assert any("Autumn school" in text for text in elsewhere)
    assert not any("Round table" in text or "Person 1" in text or code in text.split()
                   for text in elsewhere)
    # Door staff saw the door list without phones; the check-in once, by the first.
    assert (await reg(small, 2)).checked_in_at is not None


def link_in(message: BotMessage) -> str:
    found = re.search(r"\?start=(join_[A-Za-z0-9_-]+)", message.plain_text)
    assert found, message.plain_text
    return f"/start {found[1]}"


async def invite(user: FakeUser, label: str) -> str:
    await ask(user, "/team", "Team")
    await user.press(label)
    return link_in(await user.reply(has("one-time link", "valid until")))


async def test_the_invitation_journey(fake: FakeTelegram, small: Running) -> None:
    await enrol(small, fake, 1)
    code = (await reg(small, 1)).entry_code or ""
    olga = admin(fake)
    bob = fake.user(9201, first_name="Bob", language_code="en")
    carol = fake.user(9202, first_name="Carol", language_code="ru")
    dan = fake.user(9203, first_name="Dan", language_code="en")

    # An organiser, by the owner's link; the link works once.
    link = await invite(olga, "Invite an organiser")
    await ask(bob, link, "You are now an organiser of «Round table»")
    await olga.wait_for(has("Bob joined «Round table» as an organiser"))
    await ask(bob, "/stats", "Round table")
    await ask(carol, link, "уже использована")  # in her language
    await carol.send("/stats")
    await settle(fake, carol)
    assert not any("📌" in m.plain_text for m in carol.messages)  # no console: not a member

    # The organiser invites door staff (not organisers); a link unused for 48 h expires.
    team = await ask(bob, "/team", "Team")
    assert "Invite door staff" in " ".join(team.buttons)
    assert "Invite an organiser" not in " ".join(team.buttons)
    stale_link = await invite(bob, "Invite door staff")
    small.clock.travel(timedelta(hours=48, minutes=1))
    await ask(dan, stale_link, "expired")
    assert (await ask(dan, "/door", "")).plain_text.startswith(UNKNOWN)

    # A fresh link: door staff check people in, and may do nothing else.
    link = await invite(bob, "Invite door staff")
    await ask(bob, link, "in this event's team already")  # no step down; the link stays
    # An organiser cannot revoke an organiser's link (forged from the owner's button).
    olgas = await invite(olga, "Invite an organiser")
    await bob.press_data(TeamCb(act="revoke", ev=(await small.event()).id,
                                tok=olgas.removeprefix("/start join_")).pack())
    assert "no longer there" in (await bob.answer_to_press()).get("text", "")
    await ask(dan, link, "You are now door staff of «Round table»")
    ok = await ask(dan, f"/checkin {code}", "seats checked in")
    assert "welcome" in ok.plain_text and "1 of 1 seats checked in" in ok.plain_text
    again = await ask(olga, f"/checkin {code}", "already checked in")
    assert "by Dan" in again.plain_text and "1 of 1 seats checked in" in again.plain_text
    door = await ask(dan, "/door", "Door")
    assert "Person 1" in door.plain_text
    # Their menu and /help offer what their role may do.
    menu = [c["command"] for c in fake.commands(f"chat:{dan.id}", "en")]
    assert menu[:3] == ["events", "door", "checkin"] and "stats" not in menu
    told = await ask(dan, "/help", "/checkin")
    assert "/door" in told.plain_text and "/stats" not in told.plain_text
    for command in ("/stats", "/list", "/export", "/team", "/log", "/newevent"):
        assert (await ask(dan, command, "")).plain_text.startswith(UNKNOWN), command

    # A button Bob got before his removal.
    await ask(bob, "/list", "Which list?")
    old = bob.last
    await olga.send("/team")
    await olga.wait_for(has_button("Remove Bob"))
    await olga.press("Remove Bob")
    assert "no longer" in (await olga.answer_to_press()).get("text", "")
    await bob.wait_for(has("You are no longer an organiser of «Round table»"))
    assert (await ask(bob, "/stats", "")).plain_text.startswith(UNKNOWN)
    await fake.wait_until(lambda: not fake.commands(f"chat:{bob.id}", "en"))
    assert "/stats" not in (await ask(bob, "/help", "/start")).plain_text
    await bob.press_data(ListCb(kind="all").pack(), old.message_id)
    answer = await bob.answer_to_press()
    assert answer.get("text") == STALE_BUTTON and answer.get("show_alert")
    assert not old.edited

    # A revoked link says so and changes nothing.
    revoked = await invite(olga, "Invite door staff")
    await ask(olga, "/team", "unused")
    await olga.press("Revoke the door staff link")
    await olga.answer_to_press()
    await ask(carol, revoked, "отозвали")
    await carol.send("/door")
    await settle(fake, carol)
    assert not any("🚪" in m.plain_text for m in carol.messages)

    # The audit names each step; /log shows them.
    actions = [row[1] for row in await audit_rows(small)]
    for action in ("team-invite", "team-join", "team-remove", "team-revoke", "checkin"):
        assert action in actions, action
    log = await ask(olga, "/log", "team invitation")
    for words in ("joined the team", "removed from the team", "invitation revoked"):
        assert words in log.plain_text


async def test_picking_a_contact(fake: FakeTelegram, small: Running) -> None:
    """request_users: someone who has talked to the bot is picked from the contacts."""
    olga = admin(fake)
    erin = fake.user(9204, first_name="Erin", last_name="Lee", language_code="en")
    await ask(erin, "/start", "")
    await ask(olga, "/team", "Team")
    await olga.press("Invite door staff")
    await olga.reply(has("one-time link"))
    assert any("Pick" in label for label in olga.keyboard)
    await olga.share_users("Pick", [erin])
    done = await olga.reply(has("Erin Lee is now door staff"))
    assert done.removes_keyboard
    await erin.wait_for(has("You are now door staff of «Round table»"))
    await ask(erin, "/door", "🚪")
    members = await team_of(small).members((await small.event()).id)
    assert [(m.user_id, m.role, m.name) for m in members] == [(9204, "door", "Erin Lee")]


async def test_two_volunteers_scan_one_pass_at_once(fake: FakeTelegram, small: Running) -> None:
    for user_id in (1, 2):
        await enrol(small, fake, user_id)
    this, team = await small.event(), team_of(small)
    await team.add(this, Role.DOOR, 9301, "Aida", ADMIN)
    await team.add(this, Role.DOOR, 9302, "Berik", ADMIN)
    aida = fake.user(9301, first_name="Aida", language_code="en")
    berik = fake.user(9302, first_name="Berik", language_code="en")
    code = (await reg(small, 1)).entry_code or ""
    await asyncio.gather(aida.send(f"/start checkin_{code}"), berik.send(f"/checkin {code}"))
    answers = await asyncio.gather(aida.reply(has("seats checked in")),
                                   berik.reply(has("seats checked in")))
    texts = [a.plain_text for a in answers]
    assert sum("welcome" in text for text in texts) == 1
    assert all("1 of 2 seats checked in" in text for text in texts)
    row = await small.app.db.fetchone(
        "SELECT checked_in_by FROM registrations WHERE entry_code = ?", (code,))
    assert row is not None
    winner = "Aida" if row["checked_in_by"] == 9301 else "Berik"
    loser_text = next(text for text in texts if "welcome" not in text)
    assert "already checked in at" in loser_text and f"by {winner}" in loser_text
    checkins = [r for r in await audit_rows(small) if r[1] == "checkin"]
    assert sorted(r[3].split(": ")[1] for r in checkins) == ["already", "ok"]
    assert {r[0] for r in checkins} == {9301, 9302}


async def test_forget_me_leaves_every_team(fake: FakeTelegram, small: Running) -> None:
    team = team_of(small)
    autumn = await other_event(small)
    gulnara = fake.user(9401, first_name="Gulnara", language_code="en")
    await ask(gulnara, await invite(admin(fake), "Invite door staff"), "You are now door staff")
    await team.add(autumn, Role.ORGANISER, 9401, "Gulnara", ADMIN)
    await ask(gulnara, "/door", "🚪")
    # Organiser of the other event: /events chooses it, and she makes a link for its door.
    await gulnara.send("/events")
    await gulnara.wait_for(has_button("Autumn school"))
    await gulnara.press("Autumn school")
    await gulnara.reply(has("Autumn school"))
    link = await invite(gulnara, "Invite door staff")
    await ask(gulnara, "/forget_me", "")
    assert fake.commands(f"chat:{gulnara.id}", "en")  # set when she joined
    await gulnara.press("Yes, erase")
    await gulnara.reply()
    assert not fake.commands(f"chat:{gulnara.id}", "en")  # no console commands left
    assert (await ask(gulnara, "/door", "")).plain_text.startswith(UNKNOWN)
    rows = await small.app.db.fetchall("SELECT * FROM team WHERE user_id = 9401")
    assert rows == []
    await ask(fake.user(9402, language_code="en"), link, "revoked")  # her link went with her
    links = await small.app.db.fetchall(
        "SELECT created_by, used_by FROM team_invites ORDER BY created_at")
    assert [tuple(r) for r in links] == [(ADMIN, -1), (-1, None)]  # her id is in none


async def test_the_events_retention_erases_its_team(fake: FakeTelegram, small: Running,
                                                    tmp_path: Path) -> None:
    await enrol(small, fake, 1)
    this, team = await small.event(), team_of(small)
    await team.add(this, Role.DOOR, 9501, "Zhanar Door", ADMIN)
    zhanar = fake.user(9501, first_name="Zhanar", language_code="en")
    await ask(zhanar, f"/checkin {(await reg(small, 1)).entry_code}", "welcome")
    await ask(admin(fake), "/team", "Team")
    await admin(fake).press("Invite door staff")
    await admin(fake).reply(has("one-time link"))
    # The event's retention (90 days after its start) takes its team with its people.
    small.clock.travel(this.starts_utc + timedelta(days=91) - small.clock())
    await small.app.retention.run()
    for table in ("team", "team_invites"):
        assert await small.app.db.fetchall(f"SELECT * FROM {table}") == [], table
    row = await small.app.db.fetchone("SELECT checked_in_by FROM registrations")
    assert row is not None and row["checked_in_by"] is None
    assert (await ask(zhanar, "/door", "")).plain_text.startswith(UNKNOWN)
    assert b"Zhanar Door" not in raw_bytes(tmp_path)  # not in the WAL or free pages either


async def test_picking_someone_the_bot_cannot_write_to(fake: FakeTelegram,
                                                       small: Running) -> None:
    """Telegram lets a bot write only to people who have started it: the link is the way."""
    olga = admin(fake)
    frank = fake.user(9601, first_name="Frank", language_code="en")
    frank.block()  # as for someone who never opened the bot: 403 to the bot
    await ask(olga, "/team", "Team")
    await olga.press("Invite door staff")
    link = link_in(await olga.reply(has("one-time link")))
    await olga.share_users("Pick", [frank])
    await olga.reply(has("Frank has not talked to this bot yet"))
    assert await team_of(small).members((await small.event()).id) == []
    # The owner's own press of the link changes nothing: it still works for Frank.
    await ask(olga, link, "You are an owner of this bot already")
    await ask(frank, link, "You are now door staff")
