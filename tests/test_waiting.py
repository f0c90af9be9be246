
"""The participant's side of approval (issue 21's follow-ups): a form that waits shows its
answers in /my and /start, with "Withdraw my request" (asked once more); /cancel offers the
same; a withdrawal keeps nothing of the form, the organisers hear of it in their digest and
their Approve answers "already decided"; /forget_me does not speak of a seat."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.seed import event as seeded
from handlers.admin.callbacks import ApprovalCb
from handlers.callbacks import WithdrawAction, WithdrawCb
from loopback import BotMessage, FakeTelegram, FakeUser
from storage import pending
from storage.audit import Untold
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Applicant, Format
from tests.admin import admin
from tests.dbfiles import raw_bytes
from tests.harness import ADMIN, has, settings_for, start
from tests.own_form import PASS_ID, label, open_own_form, option, own_settings, texts, walk
from tests.test_approval import apply

NAME = "Zhanar Qwertyuiop"


def offers(button: str) -> Callable[[BotMessage], bool]:
    return lambda m: button in m.buttons


async def waits(user: FakeUser, language: str) -> None:
    """The whole own form, offline, confirmed: it waits for approval."""
    t = texts(language)
    await open_own_form(user, t)
    await walk(user, language, offline=True)
    await user.press(t("btn-confirm"))
    await user.reply(lambda m: m.plain_text.startswith("⏳"))


async def test_my_and_start_show_the_waiting_answers_with_a_withdraw_button(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, own_settings(fake, tmp_path, approval=True))
    try:
        for user_id, language in enumerate(("ru", "kk", "en"), start=1):
            t = texts(language)
            user = fake.user(user_id, language_code=language)
            await waits(user, language)
            await user.send("/my")
            shown = await user.reply(has(t("pending-change")))
            for part in (label("topic", language) + " " + option("topic", 0, language),
                         option("themes", 1, language), PASS_ID, "Alice Smith",
                         t("format-offline"),
                         t("pending-my", title="Round table").split("\n")[1]):
                assert part in shown.plain_text, (language, shown.plain_text)
            assert shown.buttons == [t("btn-withdraw")]
            await user.send("/start")  # the event's screen is the same
            again = await user.reply(has(t("pending-change")))
            assert again.plain_text == shown.plain_text
            assert again.buttons == [t("btn-withdraw")]
    finally:
        await running.stop()


async def test_withdrawing_keeps_nothing_and_the_organisers_hear_of_it(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        olga = admin(fake)
        await olga.send("/pending")  # (her Telegram language is seen from here on)
        await olga.reply(has("Nobody is waiting for approval"))
        alice, bob = fake.user(1, language_code="ru"), fake.user(2, language_code="kk")
        carol = fake.user(3, language_code="en")
        await apply(alice, "ru", NAME, offline=True)
        await apply(bob, "kk", "Бақыт Ахметов", offline=False)
        await apply(carol, "en", "Carol Jones", offline=True)
        await olga.wait_for(has("New registration", "Carol Jones"))
        desk = await running.desk()
        ids = {w.who.user_id: w.id for w in await desk.waiting_list()}

        # Someone else's withdrawal (forged with Alice's id): one alert, nothing gone.
        await carol.press_data(WithdrawCb(action=WithdrawAction.YES, p=ids[1]).pack())
        assert (await carol.answer_to_press())["text"] == texts("en")("withdraw-gone")
        still = await desk.waiting_count()

        # Alice, from /my: No first, then Yes.
        ru = texts("ru")
        await alice.send("/my")
        await alice.reply(has(ru("pending-change"), NAME))
        await alice.press(ru("btn-withdraw"))
        await alice.reply(has(ru("ask-withdraw", title="Round table")))
        await alice.press(ru("btn-withdraw-no"))
        await alice.reply(has(ru("withdraw-kept"), NAME))
        await alice.press(ru("btn-withdraw"))
        await alice.reply(offers(ru("btn-withdraw-yes")))
        await alice.press(ru("btn-withdraw-yes"))
        done = await alice.reply(has(ru("withdrawn", title="Round table")))
        assert ru("btn-register") in done.buttons  # to fill in the form again
        left_behind = NAME.split()[1].encode() in raw_bytes(tmp_path)
        await alice.press_data(WithdrawCb(action=WithdrawAction.YES, p=ids[1]).pack())
        twice = (await alice.answer_to_press())["text"]
        await alice.send("/my")  # nothing waits: the event's card, to register again
        card = await alice.reply(offers(ru("btn-register")))

        # The organisers' button for that form: decided already.
        event = (await running.event()).id
        await olga.press_data(ApprovalCb(act="ok", ev=event, p=ids[1]).pack())
        assert (await olga.answer_to_press()).get("text", "").startswith("Already decided")

        # /cancel while waiting offers the same withdrawal.
        kk = texts("kk")
        await bob.send("/cancel")
        await bob.reply(has(kk("ask-withdraw", title="Round table")))
        await bob.press(kk("btn-withdraw-yes"))
        await bob.reply(has(kk("withdrawn", title="Round table")))
        left = [w.who.user_id for w in await desk.waiting_list()]

        running.clock.travel(timedelta(minutes=1, seconds=1))
        running.app.registrations.outbox.kick()
        digest = await olga.wait_for(has("📮"))
        await olga.send("/log")
        logged = await olga.reply(has("Latest organiser actions"))
    finally:
        await running.stop()
    assert still == 3 and left == [3]
    assert not left_behind and twice == ru("withdraw-gone")
    assert ru("pending-change") not in card.plain_text
    assert digest.plain_text.count("a participant withdrew their registration") == 2
    assert "withdrew a form waiting for approval" in logged.plain_text
    assert NAME.split()[1].encode() not in raw_bytes(tmp_path)


async def test_forget_me_while_waiting_speaks_of_the_request_not_a_seat(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Its organisers hear of the erasure as of any participant's (the form is gone: their
    Approve answers "already decided")."""
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        olga = admin(fake)
        await olga.send("/pending")  # (her Telegram language is seen from here on)
        await olga.reply(has("Nobody is waiting for approval"))
        for user_id, language in enumerate(("ru", "kk", "en"), start=1):
            t = texts(language)
            user = fake.user(user_id, language_code=language)
            await apply(user, language, NAME, offline=True)
            await user.send("/forget_me")
            asked = await user.reply(offers(t("btn-forget-yes")))
            assert asked.plain_text == t("forget-ask-waiting"), asked.plain_text
        await user.press(t("btn-forget-yes"))
        await user.reply(has(t("forget-done")))
        running.clock.travel(timedelta(minutes=1, seconds=1))
        running.app.registrations.outbox.kick()
        digest = await olga.wait_for(has("📮"))
        left = await (await running.desk()).waiting_count()
    finally:
        await running.stop()
    assert left == 2
    assert digest.plain_text.count("a participant erased their data") == 1


async def test_withdrawals_racing_approvals_decide_each_form_once(tmp_path: Path) -> None:
    """An organiser's "approve all" while the people withdraw: each form is either
    approved or withdrawn, never both (both are one DELETE ... RETURNING in BEGIN
    IMMEDIATE), and the room never holds more than its seats."""
    def person(user_id: int) -> Applicant:
        return Applicant(user_id, user_id, "en", f"P{user_id}", "Org", "ngo", None)

    now = datetime(2030, 11, 1, tzinfo=UTC)
    db = await Database.open(tmp_path / "race.sqlite3")
    try:
        ledger = Ledger(db, await seeded(db, 5))
        for user_id in range(1, 31):
            await pending.hold(db, ledger.event, person(user_id), Format.OFFLINE, now)
        forms = await pending.of_event(db, ledger.event)

        async def approve_all() -> int:
            return sum([await ledger.approve(w.id, now) is not None for w in forms])

        async def withdraw_all() -> int:
            return sum([await pending.withdraw(db, w.id, w.who.user_id, now, "withdrew")
                        is not None for w in reversed(forms)])

        approved, withdrawn = await asyncio.gather(approve_all(), withdraw_all())
        counts = await ledger.counts()
        left = await pending.count(db, ledger.event)
        steps = [n.action for n in await Untold(db).pending()]
    finally:
        await db.close()
    assert approved + withdrawn == 30 and left == 0
    assert counts.seated + counts.waitlisted == approved and counts.seated <= 5
    assert steps == ["withdrew"] * withdrawn
