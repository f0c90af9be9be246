"""[logging]: a JSON line per handled update (latency, numeric user id, no personal data),
and never the token."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from loopback import FakeTelegram
from tests.harness import has
from tests.steps import reach
from tests.test_cli import SECRET, TOKEN, Bot, launch, toml


async def register_at(tmp_path: Path, logging: str, user_id: int) -> Bot:
    """The real bot with this [logging] section: one person registers, then SIGTERM."""
    async with FakeTelegram(token=TOKEN) as fake:
        config = toml(fake.base_url, tmp_path / "log.sqlite3") + f"\n[logging]\n{logging}\n"
        bot = await launch(tmp_path / "run", config)
        try:
            await fake.wait_until(lambda: fake.polling, timeout=60)
            alice = fake.user(user_id, first_name="Alice", language_code="en")
            await reach(alice, "confirm")
            await alice.press("Confirm")
            await alice.reply(has("You are registered"))
            bot.process.send_signal(signal.SIGTERM)
            assert await bot.exit_code() == 0, bot.output
        finally:
            if bot.process.returncode is None:
                bot.process.kill()
                await bot.process.wait()
    return bot


async def test_json_lines_per_update_without_personal_data(tmp_path: Path) -> None:
    bot = await register_at(tmp_path, 'level = "info"\nformat = "json"', 4242)
    lines = [json.loads(line) for line in bot.stderr.splitlines() if line.strip()]
    handled = [e for e in lines if e["logger"] == "regbot.updates"]
    assert len(handled) >= 6, lines
    assert all(e["user_id"] == 4242 and e["latency_ms"] >= 0 for e in handled), handled
    text = bot.output
    for private in ("Alice Smith", "NGO Help", "+77011234567", TOKEN, SECRET):
        assert private not in text, private


async def test_finding4_debug_level_carries_no_personal_data(tmp_path: Path) -> None:
    bot = await register_at(tmp_path, 'level = "debug"', 4243)
    lines = bot.output.splitlines()
    private = ("Alice Smith", "NGO Help", "+77011234567", "7011234567", "+7 701 123 45 67")
    assert [line for line in lines if any(p in line for p in private)] == []
