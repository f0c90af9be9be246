"""B6: registration opens and everyone comes at once. People arrive spread over a window,
each walks the whole form against the loopback Bot API enforcing Telegram's flood control
(30 messages/s for the bot, 1/s per chat, 429 retry_after 1). Every reply the bot makes goes
through its Pacer; the question is whether anyone is left waiting for a reply that never
comes, and how close the last registration is to the floor (messages sent / 30 per s).
One row has the stand-in allow only 20 a second while the bot keeps its default 29: the
Pacer must find the real limit by itself (core/pacer.py, "How the pace adapts")."""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import percentile, settings
from bench.report import Row, Section
from bench.seed import seed
from bench.steps import REGISTER, Step
from bot.factory import create_app
from core.config import SenderSection
from loopback import BotMessage, FakeTelegram, FakeUser, FloodControl, TravelClock
from loopback.flood import MESSAGES

LIMIT = 30  # Telegram's messages per second for a bot
RATE = SenderSection().rate_per_second  # the bot's default pace: a little under the limit
WAIT = 900.0  # a reply later than this counts as lost


@dataclass
class Run:
    finished: int = 0
    lost: int = 0
    waits: list[float] = field(default_factory=list)
    last: float = 0.0
    messages: int = 0
    refused: int = 0
    floor: float = 0.0
    arrived: float = 0.0  # the last arrival, seconds after the start


async def _walk(user: FakeUser, steps: tuple[Step, ...], run: Run, started: float) -> None:
    for step in steps:
        before = time.monotonic()
        if step.press:
            await user.press(step.what)
        else:
            await user.send(step.what)
        want_button, want_text = step.button, step.text

        def arrived(m: BotMessage, b: str | None = want_button,
                    t: str | None = want_text) -> bool:
            return (b is not None and any(b in x for x in m.buttons)) or (
                t is not None and t in m.plain_text)

        try:
            await user.wait_for(arrived, timeout=WAIT)
        except AssertionError:
            run.lost += 1
            return
        run.waits.append(time.monotonic() - before)
    run.finished += 1
    run.last = max(run.last, time.monotonic() - started)


async def stampede(people: int, window: float, broadcast: int = 0, seed_no: int = 6,
                   limit: int = LIMIT) -> Run:
    rng = random.Random(seed_no)
    run = Run()
    with tempfile.TemporaryDirectory() as folder:
        async with FakeTelegram(token="123456:BENCH-TOKEN") as fake:
            flood = FloodControl(per_second=limit, per_chat=1.0)
            conf = settings(Path(folder), api_base=fake.base_url, rate=RATE)
            conf.sender.per_chat_interval = 1.0
            if broadcast:
                await seed(conf.storage.path, 10, online=range(500_000, 500_000 + broadcast))
                for user_id in range(500_000, 500_000 + broadcast):
                    fake.user(user_id)
            app = await create_app(conf, clock=TravelClock())
            task = asyncio.create_task(app.run(handle_signals=False, polling_timeout=1))
            await fake.wait_until(lambda: fake.polling, timeout=30)
            fake.add_fault(flood)  # from now on, as Telegram would
            try:
                if broadcast:
                    event = (await app.registrations.events.all())[0]
                    await app.campaigns.broadcast("News for everyone", "all", 9000, event)
                started = time.monotonic()
                users = [fake.user(1_000_000 + n, first_name=f"U{n}") for n in range(people)]
                moments = sorted(rng.uniform(0, window) for _ in users)
                run.arrived = moments[-1]

                async def arrive(user: FakeUser, at: float) -> None:
                    await asyncio.sleep(max(at - (time.monotonic() - started), 0))
                    await _walk(user, REGISTER, run, started)

                await asyncio.gather(*(arrive(u, at) for u, at in zip(users, moments,
                                                                         strict=True)))
            finally:
                await app.dp.stop_polling()
                await task
            run.messages, run.refused = flood.accepted, flood.refused
            # Replies only: the broadcast goes after them, so by the last registration it
            # has sent little, and its messages are not the registrants' to wait for.
            replies = sum(1 for r in fake.requests if r.status == 200
                          and r.method in MESSAGES
                          and int(r.params.get("chat_id", 0)) >= 1_000_000)
            # No faster than Telegram lets the bot send them all, nor than the last person
            # can walk the form at one message a second to their chat.
            run.floor = max(replies / limit, run.arrived + replies / max(people, 1))
    return run


def _rows(label: str, run: Run, people: int, limit: int = LIMIT, over: float = 1.1,
          refused: float = 1.0) -> list[Row]:
    """`over`: the last registration's target, times the floor; `refused`: the most sends
    Telegram may refuse, in % of all."""
    sends = run.messages + run.refused
    return [
        Row(f"{label}: registered", run.finished, "people", baseline=people,
            baseline_name="arrived", target="all (0 lost replies)",
            passed=run.finished == people and run.lost == 0),
        Row(f"{label}: last registration", run.last, "s", baseline=run.floor,
            baseline_name=f"floor: replies / {limit} per s, or the last arrival + 1 s per "
                          "reply",
            target=f"<= {over:g}x the floor",
            passed=run.last <= over * run.floor if run.floor else None, digits=1),
        Row(f"{label}: sends refused (429)", 100 * run.refused / max(sends, 1), "%",
            target=f"<= {refused:g} %", passed=run.refused <= refused / 100 * sends,
            digits=2),
        Row(f"{label}: wait per reply p50", percentile(run.waits, 50), "s", digits=2),
        Row(f"{label}: wait per reply p99", percentile(run.waits, 99), "s", digits=2),
    ]


async def section(big: int = 1000, big_window: float = 60.0, small: int = 300,
                  small_window: float = 10.0, broadcast: int = 1000, slow: int = 80,
                  slow_window: float = 5.0, slow_limit: int = 20) -> Section:
    result = Section("B6", "Stampede against Telegram's flood control (30/s, 1/s per chat)")
    for label, people, window, cast in (
            (f"{small} in {small_window:.0f} s", small, small_window, 0),
            (f"{big} in {big_window:.0f} s", big, big_window, 0),
            (f"{small} in {small_window:.0f} s + {broadcast}-recipient broadcast", small,
             small_window, broadcast)):
        run = await stampede(people, window, cast)
        result.rows += _rows(label, run, people)
    result.rows += await slower_telegram(slow, slow_window, slow_limit)
    result.notes.append(
        "The loopback API and the bot share one process and one core here; replies are "
        f"paced by core/pacer.py ({RATE:g}/s, the default), bulk sends yield to replies.")
    return result


async def slower_telegram(people: int = 80, window: float = 5.0,
                          limit: int = 20) -> list[Row]:
    """Telegram allows the bot less than its configured pace (the real limit is not
    published and varies by bot and load): the Pacer has to learn it from the 429s."""
    run = await stampede(people, window, limit=limit)
    return _rows(f"{people} in {window:.0f} s, Telegram at {limit}/s, bot at {RATE:g}/s", run,
                 people, limit, over=1.2, refused=2.0)
