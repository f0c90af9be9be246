"""What simulated users do: the registration form step by step (the same walk as
tests.harness.register), and the matching updates for the echo baseline. No aiogram
import here: the fake's process (bench.fakeproc) uses this too."""

from __future__ import annotations

from dataclasses import dataclass

TOKEN = "123456:BENCH-TOKEN"  # the bench bot's token, known to the fake Bot API


@dataclass(frozen=True)
class Step:
    """Send `what` as text, or press the button labelled `what`; then the bot's latest
    messages must include one with `button` among its buttons or `text` in its text."""

    press: bool
    what: str
    button: str | None = None
    text: str | None = None


REGISTER = (
    Step(False, "/start", button="Register"),
    Step(True, "Register", button="I agree"),
    Step(True, "I agree", text="full name"),
    Step(False, "Alice Smith", text="organisation"),
    Step(False, "NGO Help", button="NGO"),
    Step(True, "NGO", text="phone number"),
    Step(False, "Skip", button="Online"),
    Step(True, "Offline", button="Confirm"),
    Step(True, "Confirm", text="registered"),
)
# Stopping after the organisation leaves the user mid-form (an FSM row at the role step).
MID_FORM = REGISTER[:4]


def echo_steps(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """The same kinds of updates for the echo bot: texts come back, presses are answered."""
    return tuple(Step(True, f"echo:{s.what}") if s.press else Step(False, s.what, text=s.what)
                 for s in steps)
