"""Issue 20, finding 6: a stop (SIGTERM, a deploy) answers every update the bot has
already taken from Telegram before it closes the database: Telegram will not send them
again."""

from __future__ import annotations

import signal
from pathlib import Path

from loopback import FakeTelegram, Fault, fault_on
from tests.harness import has
from tests.test_cli import TOKEN, Bot, launch, toml


async def stopped(bot: Bot) -> None:
    bot.process.send_signal(signal.SIGTERM)
    assert await bot.exit_code() == 0, bot.output


async def test_finding6_sigterm_answers_every_update_already_fetched(tmp_path: Path) -> None:
    notice = has("Your personal data")
    async with FakeTelegram(token=TOKEN) as fake:
        config = toml(fake.base_url, tmp_path / "stop.sqlite3")
        bot = await launch(tmp_path / "first", config)
        try:
            await fake.wait_until(lambda: fake.polling, timeout=60)
            alice = fake.user(1, language_code="en")
            # The first answer is slow: the other four wait behind it, already fetched.
            fake.add_fault(fault_on("sendMessage", Fault.slow(1.5)))
            for _ in range(5):
                await alice.send("/privacy")
            await fake.wait_until(lambda: fake.pending_updates == 0 and fake.polling)
            await stopped(bot)
            answered_before_restart = len([m for m in alice.messages if notice(m)])
            bot = await launch(tmp_path / "second", config)
            await fake.wait_until(lambda: fake.polling, timeout=60)
            await alice.send("/privacy")  # answered after anything left over
            await alice.wait_for(lambda m: notice(m) and
                                 len([x for x in alice.messages if notice(x)]) >= 6)
            await stopped(bot)
        finally:
            if bot.process.returncode is None:
                bot.process.kill()
                await bot.process.wait()
    assert answered_before_restart == 5
    assert len([m for m in alice.messages if notice(m)]) == 6
    assert "Traceback" not in bot.output
