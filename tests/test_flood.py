"""Issue 20, finding 9: a per-person limit. One person's burst (more than 5 updates
waiting for an answer) gets one "slow down" reply and the rest are dropped until they
pause; others are not slowed, and someone answering question by question never notices."""

from __future__ import annotations

from loopback import FakeTelegram, Fault, fault_on
from tests.harness import Running, eventually, has, register

SLOW = has("faster than I can answer")
CARD = has("Round table")


class Manual:
    """The limit's monotonic clock, moved by the test (a pause without sleeping)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_finding9_a_burst_gets_one_slow_down_and_is_dropped_until_a_pause(
        fake: FakeTelegram, running: Running) -> None:
    clock = Manual()
    running.app.dp.limit.clock = clock
    alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
    # Alice's first answer is slow: her next updates wait behind it, as in a real flood.
    fake.add_fault(fault_on("sendMessage", Fault.slow(1.0), chat_id=1))
    for _ in range(12):
        await alice.send("/start")
    await alice.wait_for(SLOW)
    await bob.send("/start")  # someone else meanwhile: answered, not slowed
    await bob.reply(CARD)
    await alice.send("/start")  # no pause yet: dropped too, and no second "slow down"
    limit = running.app.dp.limit

    async def all_dropped() -> bool:
        return limit.dropped == 8  # 7 of the twelve, and this one

    await eventually(all_dropped, what="the excess dropped")
    clock.now += 2.5  # she pauses
    await alice.send("/privacy")
    await alice.reply(has("Your personal data"))
    answered = [m for m in alice.messages if CARD(m)]
    assert len([m for m in alice.messages if SLOW(m)]) == 1, alice.transcript()
    assert len(answered) == 5, alice.transcript()  # the five before the limit
    assert limit.dropped == 8


async def test_finding9_answering_question_by_question_is_never_limited(
        fake: FakeTelegram, running: Running) -> None:
    for user in (fake.user(3, language_code="en"), fake.user(4, language_code="en")):
        await register(user)  # nine updates each, as fast as the bot answers
    assert running.app.dp.limit.dropped == 0
