"""Authorization matrix: every admin command and every admin button (data copied from a
real admin keyboard, plus forged valid data) sent by a participant in private, and by
the admin in a group, gets no admin data and changes nothing."""

from __future__ import annotations

from datetime import datetime

from handlers.admin.callbacks import (
    CastCb,
    DraftCb,
    EventCb,
    IntakeCb,
    InviteCb,
    ListCb,
    RegCb,
    TeamCb,
)
from handlers.admin.drafts import STEPS, steps
from handlers.admin.rules import Act
from loopback import BotMessage, FakeTelegram
from storage.models import Applicant, Audience, Format
from storage.reports import KINDS
from tests.admin import STALE_BUTTON, UNKNOWN, admin, ask, enrol, reg, snapshot
from tests.harness import ADMIN, Running, has, has_button


def commands(code: str) -> list[str]:
    return ["/stats", "/list", "/door", f"/checkin {code}", "/checkin", "/capacity",
            "/capacity 0", "/capacity 50", "/close", "/open", "/broadcast", "/reminders",
            "/export", "/log", "/events", "/newevent", "/editevent", "/team"]


async def copied_buttons(fake: FakeTelegram) -> set[str]:
    """Walk the admin's own screens and keep every button's callback data."""
    olga = admin(fake)
    seen: set[str] = set()

    def keep(message: BotMessage) -> BotMessage:
        seen.update(d for d in message.buttons_data.values() if d)
        return message

    keep(await ask(olga, "/list", "Which list?"))
    await olga.press("All")
    keep(await olga.reply(has("page 1 of 1")))
    for row, actions in (("1. Person 1", ("Cancel registration", "Move to online")),
                         ("4. Person 4", ("Cancel registration",))):
        await olga.press(row)
        keep(await olga.reply(has(" · #")))
        for action in actions:
            await olga.press(action)
            keep(await olga.reply(has("?")))
            await olga.press("No, keep as is")
            await olga.reply(has(" · #"))
        await olga.press("Back to the list")
        await olga.reply(has("page 1 of 1"))
    keep(await ask(olga, "/close", "What should stop?"))
    keep(await ask(olga, "/broadcast", "Send me the message"))
    keep(await ask(olga, "Hello", "Who should get it?"))
    await olga.press("everyone")
    await olga.reply(has("Send the message below"))
    keep(await olga.reply(has_button("Send")))
    await olga.press("Cancel")
    await olga.reply(has("Broadcast cancelled"))
    # Another event's people, invited to this one.
    await ask(olga, "/broadcast", "Send me the message")
    await ask(olga, "Hello", "Who should get it?")
    await olga.press("Registered for another event")
    keep(await olga.reply(has("Whose registrants")))
    await olga.press("Autumn school")
    await olga.reply(has("Send the message below"))
    keep(await olga.reply(has_button("Send")))
    await olga.press("Cancel")
    await olga.reply(has("Broadcast cancelled"))
    # The events, and a whole /newevent draft up to its Save (then dropped).
    keep(await ask(olga, "/events", "Events"))
    keep(await ask(olga, "/newevent", "Title?"))
    for _ in steps("en"):
        await olga.press("Keep")
        keep(await olga.reply(lambda m: "Keep" in " ".join(m.buttons) or "Save" in m.text))
    await olga.press("Cancel")
    await olga.reply(has("Draft dropped"))
    await ask(olga, "/editevent", "config file")
    return seen


async def forged_buttons(running: Running) -> set[str]:
    """Well-formed data an admin could have been shown, for every action and every row."""
    data = {ListCb(kind=k, page=p).pack() for k in (*KINDS, "") for p in (0, 1)}
    for user_id in range(1, 7):
        row = await reg(running, user_id)
        for act in Act:
            data.add(RegCb(act=act.value, reg=row.id, v=row.version, sure=True).pack())
        data.add(RegCb(act="show", reg=row.id).pack())
    data |= {IntakeCb(to=to).pack() for to in ("online-only", "closed", "keep")}
    data |= {CastCb(act=a, aud=aud).pack() for a in ("aud", "send", "stop", "others")
             for aud in (Audience.ALL, Audience.OFFLINE)}
    for event in await running.app.registrations.events.all():
        data |= {EventCb(ev=event.id).pack(), InviteCb(ev=event.id).pack()}
        data |= {TeamCb(act=a, ev=event.id, role=r, who=ADMIN, tok="x").pack()
                 for a in ("invite", "remove", "revoke") for r in ("organiser", "door")}
    data |= {DraftCb(act=a, step=s).pack() for a in ("keep", "set", "save", "stop", "again")
             for s in ("", *STEPS)}
    return data


async def test_nobody_else_gets_in(fake: FakeTelegram, small: Running) -> None:
    for user_id in range(1, 6):
        await enrol(small, fake, user_id)  # 1-3 seated, 4-5 waiting
    await enrol(small, fake, 6, Format.ONLINE)
    # A past event made in the chat, with people to invite (every button has data to copy).
    events = small.app.registrations.events
    autumn = await events.create((await small.event()).info.model_copy(update={
        "id": None, "title": "Autumn school", "starts_at": datetime(2030, 10, 1, 10, 0)}))
    who = Applicant(user_id=7, chat_id=7, language="en", full_name="Person 7",
                    organisation="NGO Help", role="ngo", phone=None)
    await small.app.registrations.of(autumn).register(who, Format.ONLINE)
    buttons = await copied_buttons(fake) | await forged_buttons(small)
    assert any(b.startswith("ar:cancel:") and ":1:" in b for b in buttons)
    code = (await reg(small, 1)).entry_code or ""
    before = await snapshot(small)
    documents = len(fake.calls("sendDocument"))
    olga, alice = admin(fake), fake.user(1)
    olga_seen = len(olga.messages)
    others = {u: len(fake.user(u).messages) for u in range(2, 7)}

    # A participant in private: exactly the answers to any unknown command or button.
    for command in commands(code):
        await alice.send(command)
        assert (await alice.reply()).plain_text.startswith(UNKNOWN), command
    for data in sorted(buttons):
        await alice.press_data(data)
        answer = await alice.answer_to_press()
        assert answer.get("text") == STALE_BUTTON and answer.get("show_alert"), data
    assert all(m.plain_text.startswith(UNKNOWN) for m in alice.messages[-len(commands(code)):])

    # The admin in a group: the one-time pointer to the private chat, nothing else.
    group = fake.group()
    await group.send(olga, "hello")
    pointer = await group.wait_for(has("private chat only"))
    for command in commands(code):
        await group.send(olga, command)
        # A press by the same person in the same chat is handled after the message.
        await group.press_data(olga, ListCb(kind="all").pack(), pointer.message_id)
        assert "text" not in await group.answer_to_press()
    for data in sorted(buttons):
        await group.press_data(olga, data, pointer.message_id)
        assert "text" not in await group.answer_to_press()
    assert [m.message_id for m in group.messages] == [pointer.message_id]
    assert not pointer.edited and "private chat only" in pointer.plain_text

    assert await snapshot(small) == before
    assert len(fake.calls("sendDocument")) == documents
    assert len(olga.messages) == olga_seen
    assert {u: len(fake.user(u).messages) for u in range(2, 7)} == others
