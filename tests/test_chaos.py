"""Chaos: seeded random participants against the REAL bot process (`python -m bot`), with
an admin changing the room size and kill -9 restarts, mid-phase and between phases.

After every phase (once the bot is quiet) the rules are checked from the database (read
only) and from the chats: see tests/chaos_checks.py. Run with -s to see the figures.

The actions of one person are sequential (as in a real chat); people act concurrently.
An action that gets no answer (the bot was killed under it) is counted, not failed: what
matters is what the ledger and the chats say afterwards."""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from loopback import BotMessage, FakeTelegram, FakeUser
from tests.chaos_checks import (
    BotProcess,
    Person,
    chat_violations,
    ledger_violations,
    prepare,
    promotions,
    snapshot,
    told_after_leaving,
    write_config,
)

pytestmark = pytest.mark.slow  # runs the bot as a subprocess under faults

# Fixed, so a failure can be replayed; CHAOS_SEED=n explores other runs.
SEED = int(os.environ.get("CHAOS_SEED", "102026"))
USERS = 18
CAPACITY = 4
ADMIN = 9000
PHASES = 6
STEPS = 5  # actions per person per phase
KILL_MID_PHASE = (1, 2, 3, 5)  # phases with a kill -9 while people are acting
# By default the mid-phase kill waits for a promotion to be committed and strikes at once,
# aiming at the gap between the ledger's commit and the notice (the outbox must cover it);
# CHAOS_KILL_ON_PROMOTION=0 kills at random moments instead.
KILL_ON_PROMOTION = os.environ.get("CHAOS_KILL_ON_PROMOTION", "1") == "1"
WAIT = 6.0  # for one answer; a restart takes about two seconds
MOVES = ("Switch to online", "Leave the waitlist", "Switch to offline", "Join the waitlist")

Check = Callable[[BotMessage], bool]


def has(*parts: str) -> Check:
    return lambda m: all(p in m.plain_text for p in parts)


def has_button(label: str) -> Check:
    return lambda m: any(label in b for b in m.buttons)


class NoAnswer(Exception):
    """The bot did not answer in time (killed under the action, or the answer was lost)."""


class Chaos:
    def __init__(self, fake: FakeTelegram, bot: BotProcess, db: Path, seed: int) -> None:
        self.fake = fake
        self.db = db
        self.bot = bot
        self.rng = random.Random(seed)
        self.people = [Person(fake.user(1000 + i, first_name=f"P{i}")) for i in range(USERS)]
        self.admin = fake.user(ADMIN, first_name="Olga")
        self.actions: Counter[str] = Counter()
        self.kills = 0

    # --- waiting ------------------------------------------------------------------
    @staticmethod
    async def reply(user: FakeUser, check: Check | None = None) -> BotMessage:
        try:
            return await user.reply(check, timeout=WAIT)
        except AssertionError as exc:
            raise NoAnswer(str(exc)[:200]) from None

    @staticmethod
    async def answered(user: FakeUser) -> None:
        try:
            await user.answer_to_press(timeout=WAIT)
        except AssertionError as exc:
            raise NoAnswer(str(exc)[:200]) from None

    async def quiet(self) -> None:
        """The bot is up and polling, every update is taken, and nothing was sent for a
        while: what a kill left half-done has been redone or is lost for good."""
        while True:
            await self.fake.wait_until(
                lambda: self.fake.polling and self.fake.pending_updates == 0, timeout=60)
            before = sum(1 for r in self.fake.requests if r.method != "getUpdates")
            await asyncio.sleep(0.8)
            after = sum(1 for r in self.fake.requests if r.method != "getUpdates")
            if after == before and self.fake.pending_updates == 0:
                return

    # --- what people do -----------------------------------------------------------
    async def out_of_form(self, user: FakeUser) -> None:
        """/cancel first: a form half-filled before a kill would swallow the next action."""
        await user.send("/cancel")
        await self.reply(user)

    async def register(self, person: Person, rng: random.Random) -> None:
        user = person.user
        await self.out_of_form(user)
        fmt = "offline" if rng.random() < 0.8 else "online"  # a full room and a queue
        linked = rng.random() < 0.4
        await user.send(f"/start event_{fmt}" if linked else "/start")
        first = await self.reply(user)
        if not linked:
            if not any("Register" in b for b in first.buttons):
                return  # registered already: the screen is "my registration"
            await user.press("Register")
            first = await self.reply(user)
        if not any("I agree" in b for b in first.buttons):
            return  # registered already
        await user.press("I agree")  # the privacy notice comes first
        first = await self.reply(user)
        if "full name" not in first.plain_text:
            return
        await user.send(f"Person {user.id}")
        await self.reply(user, has("organisation"))
        await user.send("Chaos NGO")
        await self.reply(user, has_button("NGO"))
        await user.press("NGO")
        await self.reply(user, has("phone number"))
        await user.send("Skip")
        asked = await self.reply(user, lambda m: "How will you take part" in m.plain_text
                                 or "Please check your registration" in m.plain_text)
        if "How will you take part" in asked.plain_text:
            await user.press("Offline" if fmt == "offline" else "Online")
            await self.reply(user, has_button("Confirm"))
        await user.press("Confirm")
        if rng.random() < 0.3:  # a double tap
            self.actions["double tap"] += 1
            await user.press("Confirm")
        await self.reply(user, lambda m: "You are registered" in m.plain_text
                         or "already registered" in m.plain_text)
        await self.answered(user)

    async def my(self, user: FakeUser) -> BotMessage | None:
        await self.out_of_form(user)
        await user.send("/my")
        screen = await self.reply(user)
        return screen if any("Cancel registration" in b for b in screen.buttons) else None

    async def cancel(self, person: Person, rng: random.Random) -> None:
        user = person.user
        if await self.my(user) is None:
            return
        await user.press("Cancel registration")
        await self.reply(user, has("Cancel your registration?"))
        if rng.random() < 0.2:
            await user.press("No, keep it")
            await self.answered(user)
            return
        person.yes_presses.append(time.monotonic())
        await user.press("Yes, cancel it")
        if rng.random() < 0.3:
            self.actions["double tap"] += 1
            person.yes_presses.append(time.monotonic())
            await user.press("Yes, cancel it")
        await self.reply(user, has("registration is cancelled"))
        await self.answered(user)

    async def switch(self, person: Person, rng: random.Random) -> None:
        user = person.user
        screen = await self.my(user)
        if screen is None:
            return
        move = next((b for b in screen.buttons for m in MOVES if m in b), None)
        if move is None:
            return
        await user.press(move)
        if rng.random() < 0.2:
            self.actions["double tap"] += 1
            await user.press(move)
        await self.answered(user)

    async def stale(self, person: Person, rng: random.Random) -> None:
        """Press any button of any older message, as a thumb scrolling up would."""
        user = person.user
        old = [(m, b) for m in user.messages[:-1] if not m.deleted
               for b in m.inline_buttons if b.get("callback_data")]
        if not old:
            return
        msg, button = rng.choice(old)
        if "Yes, cancel it" in str(button.get("text")):
            person.yes_presses.append(time.monotonic())
        await user.press_data(str(button["callback_data"]), msg.message_id)
        await self.answered(user)

    async def session(self, person: Person, rng: random.Random) -> None:
        acts: dict[str, Callable[[Person, random.Random], Awaitable[None]]] = {
            "register": self.register, "cancel": self.cancel, "switch": self.switch,
            "stale press": self.stale}
        for _ in range(STEPS):
            name = rng.choices(list(acts), weights=(4, 2, 2, 2))[0]
            self.actions[name] += 1
            try:
                await acts[name](person, rng)
            except NoAnswer:
                person.unanswered += 1
                self.actions["no answer"] += 1
            await asyncio.sleep(rng.random() * 0.2)

    async def admin_session(self, rng: random.Random) -> None:
        for _ in range(2):
            await asyncio.sleep(rng.random() * 1.5)
            self.actions["capacity"] += 1
            await self.admin.send(f"/capacity {rng.randint(CAPACITY - 2, CAPACITY + 2)}")
            try:
                await self.reply(self.admin)
            except NoAnswer:
                self.actions["no answer"] += 1

    async def killer(self, rng: random.Random) -> None:
        if KILL_ON_PROMOTION:
            await self.next_promotion()
        else:
            await asyncio.sleep(0.3 + rng.random() * 1.5)
        await self.restart()

    async def next_promotion(self, polls: int = 2500) -> None:
        """Poll the file (nothing notifies us of a commit in another process), ~5 s at most."""
        before = promotions(self.db)
        for _ in range(polls):
            if promotions(self.db) != before:
                return
            await asyncio.sleep(0.002)

    async def restart(self) -> None:
        await self.bot.kill()
        self.kills += 1
        await self.bot.launch(self.fake)
        await self.fake.wait_until(lambda: self.fake.polling, timeout=60)

    async def phase(self, number: int) -> None:
        jobs = [self.session(p, random.Random(self.rng.random())) for p in self.people]
        jobs.append(self.admin_session(random.Random(self.rng.random())))
        if number in KILL_MID_PHASE:
            jobs.append(self.killer(random.Random(self.rng.random())))
        await asyncio.gather(*jobs)
        await self.quiet()


def fresh(phase: int, found: list[str], seen: set[str]) -> list[str]:
    new = [f"phase {phase}: {v}" for v in found if v not in seen]
    seen.update(found)
    return new


async def test_chaos_against_the_real_bot(tmp_path: Path) -> None:
    db = tmp_path / "regbot.sqlite3"
    await prepare(db)
    async with FakeTelegram() as fake:
        bot = BotProcess(write_config(fake, tmp_path, CAPACITY, ADMIN), tmp_path)
        chaos = Chaos(fake, bot, db, SEED)
        violations: list[str] = []
        not_told: list[str] = []
        seen: set[str] = set()
        began = time.monotonic()
        await bot.launch(fake)
        try:
            await fake.wait_until(lambda: fake.polling, timeout=60)
            for number in range(PHASES):
                await chaos.phase(number)
                snap = snapshot(db)
                kept, told = chat_violations(snap, chaos.people)
                # The checks see the whole history: report each finding once, when first seen.
                violations += fresh(number, ledger_violations(snap) + kept, seen)
                not_told += fresh(number, told, seen)
                if number < PHASES - 1:
                    await chaos.restart()  # kill -9 between phases, on a quiet bot
        finally:
            code = await bot.stop()
        snap = snapshot(db)
        active = [r for r in snap.rows if r["status"] == "active"]
        print(f"\nchaos: seed {SEED}, {USERS} users, {PHASES} phases,"
              f" {sum(chaos.actions.values())} actions {dict(chaos.actions)},"
              f" {chaos.kills} kills (-9), {len(snap.promotions)} promotions,"
              f" final room {sum(r['format'] == 'offline' for r in active)}/{snap.capacity}"
              f" seated, {sum(r['queue_no'] is not None for r in active)} queued,"
              f" {time.monotonic() - began:.1f}s")
        late, checked = told_after_leaving(snap, chaos.people)
        print(f"chaos: {len(violations)} violations of the seat and confirmation rules,"
              f" {len(not_told)} of 'promoted and told exactly once'")
        print(f"chaos: {len(late)} of {checked} seat notices received after the registration"
              f" had left the seat ({len(snap.departures)} seats left)")
        for line in violations + not_told + late:
            print(f"  {line}")
        output = bot.output()
    assert "Traceback" not in output, output[-3000:]
    assert code == 0, output[-3000:]
    assert violations == []
    # Promotion notices are sent after the ledger's commit: a kill -9 between the two loses
    # the notice (the next start does not know it was owed). Being fixed separately.
    assert not_told == []
    # A seat notice is decided once its send slot is granted (issue 24): whoever left the
    # seat while it waited is not told it is theirs.
    assert late == []
