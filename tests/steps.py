"""The registration form step by step, as an English-speaking user sees it.

`reach(user, step)` fills the form with the standard answers up to (not including)
`step` and returns once the bot has asked that step's question."""

from __future__ import annotations

from collections.abc import Callable

from loopback import BotMessage, FakeUser
from tests.harness import has, has_button

Predicate = Callable[[BotMessage], bool]

STEPS = ("name", "org", "role", "phone", "format", "confirm")
QUESTION: dict[str, Predicate] = {
    "name": has("What is your full name?"),
    "org": has("Which organisation do you represent?"),
    "role": lambda m: "Who are you at this round table?" in m.plain_text and "NGO" in m.buttons,
    "phone": lambda m: "Your phone number" in m.plain_text and bool(m.reply_keyboard),
    "format": lambda m: "How will you take part?" in m.plain_text
    and any("Online" in b for b in m.buttons),
    "confirm": lambda m: "Please check your registration" in m.plain_text
    and any("Confirm" in b for b in m.buttons),
}
NAME, ORG, PHONE_TYPED, PHONE = "Alice Smith", "NGO Help", "+7 701 123 45 67", "+77011234567"
# What the summary shows after the standard answers (role NGO, online).
SUMMARY_LINES = (f"Name: {NAME}", f"Organisation: {ORG}", "Role: NGO", f"Phone: {PHONE}",
                 "Format: online")


async def open_form(user: FakeUser) -> BotMessage:
    await user.send("/start")
    await user.wait_for(has_button("Register"))
    await user.press("Register")
    await user.wait_for(has_button("I agree"))  # the privacy notice comes first
    await user.press("I agree")
    return await user.reply(QUESTION["name"])


async def answer(user: FakeUser, step: str) -> BotMessage:
    """Give the standard answer to `step`; returns the next question (or the summary)."""
    if step == "name":
        await user.send(NAME)
    elif step == "org":
        await user.send(ORG)
    elif step == "role":
        await user.press("NGO")
    elif step == "phone":
        await user.send(PHONE_TYPED)
    elif step == "format":
        await user.press("Online")
    else:
        raise ValueError(step)
    return await user.reply(QUESTION[STEPS[STEPS.index(step) + 1]])


async def reach(user: FakeUser, step: str) -> BotMessage:
    question = await open_form(user)
    for done in STEPS[:STEPS.index(step)]:
        question = await answer(user, done)
    return question


async def finish(user: FakeUser, step: str) -> BotMessage:
    """From the question of `step`, answer the rest; returns the summary."""
    summary = None
    for todo in STEPS[STEPS.index(step):-1]:
        summary = await answer(user, todo)
    return summary or user.last


async def expect(user: FakeUser, error: Predicate, step: str) -> BotMessage:
    """After the latest action: ONE reply that says what was wrong and asks `step`'s
    question again."""
    said = await user.reply(lambda m: error(m) and QUESTION[step](m))
    since = [m for m in user.messages if m.seq >= said.seq]
    assert since == [said], user.transcript()
    return said
