"""B7: one person's flood must not slow down everyone else (issue 20, finding 9). 40
accounts each send 15 /start at once, without waiting for answers; meanwhile other people
send /start one after another and time their answer. Beside it: the same people with no
flood, and with the flood but the per-person limit switched off (the bot before it)."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from bench.common import percentile, settings
from bench.report import Row, Section
from bot.factory import create_app
from loopback import BotMessage, FakeTelegram, TravelClock


def _card(m: BotMessage) -> bool:
    return "Round table" in m.plain_text


async def _probes(fake: FakeTelegram, count: int, first_id: int) -> list[float]:
    """People who are not flooding: each sends /start and waits for the card."""
    waits = []
    for n in range(count):
        user = fake.user(first_id + n, language_code="en")
        began = time.monotonic()
        await user.send("/start")
        await user.wait_for(_card, timeout=600)
        waits.append(time.monotonic() - began)
    return waits


async def measure(flooders: int, each: int, probes: int, limited: bool) -> tuple[list[float],
                                                                                 int]:
    """The probes' waits, and the updates the limit dropped."""
    with tempfile.TemporaryDirectory() as folder:
        async with FakeTelegram(token="123456:BENCH-TOKEN") as fake:
            conf = settings(Path(folder), api_base=fake.base_url)
            app = await create_app(conf, clock=TravelClock())
            if not limited:
                app.dp.limit.burst = 10**9
            task = asyncio.create_task(app.run(handle_signals=False, polling_timeout=1))
            await fake.wait_until(lambda: fake.polling, timeout=30)
            try:
                await _probes(fake, 3, 900_000)  # warm-up: first-use costs out of the figure
                for n in range(flooders):
                    user = fake.user(2_000_000 + n, language_code="en")
                    for _ in range(each):
                        await user.send("/start")
                waits = await _probes(fake, probes, 1_000_000)
            finally:
                await app.dp.stop_polling()
                await task
            return waits, app.dp.limit.dropped


async def section(flooders: int = 40, each: int = 15, probes: int = 20) -> Section:
    result = Section("B7", f"Another person's answer while {flooders} accounts flood "
                           f"({each} /start each, at once)")
    quiet, _ = await measure(0, 0, probes, limited=True)
    flood, dropped = await measure(flooders, each, probes, limited=True)
    unlimited, _ = await measure(flooders, each, probes, limited=False)
    base = percentile(quiet, 50) * 1000
    result.rows += [
        Row("reply p50, flood, per-person limit on", percentile(flood, 50) * 1000, "ms",
            baseline=base, baseline_name="no flood", target="<= 1.5x no flood",
            passed=percentile(flood, 50) * 1000 <= 1.5 * base, digits=1),
        Row("reply p50, flood, limit off (the bot before)", percentile(unlimited, 50) * 1000,
            "ms", baseline=base, baseline_name="no flood", digits=1),
        Row("reply p99, flood, per-person limit on", percentile(flood, 99) * 1000, "ms",
            baseline=percentile(quiet, 99) * 1000, baseline_name="no flood", digits=1),
        Row("flood updates dropped", dropped, "updates", baseline=flooders * each,
            baseline_name="sent"),
    ]
    result.notes.append(
        "In one process with the loopback API, sender at 200/s and no per-chat spacing "
        "(as B1a). A flooding account gets its first 5 answered and one 'slow down'; the "
        "rest is dropped until it pauses for 2 s (core/flood.py).")
    return result
