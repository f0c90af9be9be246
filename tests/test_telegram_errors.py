"""Telegram failing under a conversation: the bot keeps running and nothing is lost."""

from __future__ import annotations

from loopback import FakeTelegram, Fault, fault_on
from tests.harness import Running, has, has_button, register
from tests.steps import reach


async def test_a_429_on_a_reply_is_waited_out_and_repeated(fake: FakeTelegram,
                                                          running: Running) -> None:
    alice = fake.user(1, language_code="en")
    fake.add_fault(fault_on("sendMessage", Fault.too_many(1), chat_id=1))
    await alice.send("/start")
    card = await alice.wait_for(has_button("Register"))
    assert "Round table" in card.plain_text
    refused = [r for r in fake.calls("sendMessage") if r.status == 429]
    assert len(refused) == 1 and refused[0].at < card.at - 0.9  # waited retry_after


async def test_a_failed_reply_gets_an_apology_and_the_bot_goes_on(fake: FakeTelegram,
                                                                  running: Running) -> None:
    alice = fake.user(1, language_code="en")
    fake.add_fault(fault_on("sendMessage", Fault.server_error(), chat_id=1))
    await alice.send("/start")
    await alice.wait_for(has("something went wrong"))
    done = await register(alice)
    assert "You have a seat" in done.plain_text


async def test_confirm_whose_reply_fails_still_registers(fake: FakeTelegram,
                                                        running: Running) -> None:
    alice = fake.user(1, language_code="en")
    # The answer to Confirm is refused: the seat must be in the ledger anyway.
    fake.add_fault(fault_on("editMessageText", Fault.server_error(), chat_id=1,
                            when=lambda p: "You are registered" in str(p.get("text"))))
    await reach(alice, "confirm")
    await alice.press("Confirm")
    await alice.wait_for(has("something went wrong"))
    reg = await (await running.desk()).ledger.get(1)
    assert reg is not None and reg.active and reg.format == "online"
    await alice.send("/my")
    await alice.wait_for(has("You take part online", "846 8448 4087"))
