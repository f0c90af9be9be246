"""Black box: `python -m bot --config FILE` as a separate process against the loopback API."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from loopback import FakeTelegram, Fault, fault_on
from tests.harness import has
from tests.steps import reach

pytestmark = pytest.mark.slow  # runs the bot as a subprocess

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "424242:AAE-cli_Secret-Value-9x"
SECRET = TOKEN.partition(":")[2]
TITLE = "CLI round table"


def toml(api_base: str, db: Path, **event: str) -> str:
    values = {"title": f'"{TITLE}"', "starts_at": "2099-11-12T17:00:00",
              "timezone": '"Asia/Almaty"', "offline_capacity": "10",
              "venue": '"DKU"', "contact_phone": '"+7 777 397 11 27"',
              "zoom_conference_id": '"846 8448 4087"'}
    values.update(event)
    lines = "\n".join(f"{k} = {v}" for k, v in values.items())
    return (f'[telegram]\napi_base = "{api_base}"\n\n[storage]\npath = "{db.as_posix()}"\n\n'
            f"[event]\n{lines}\n")


@dataclass
class Bot:
    process: asyncio.subprocess.Process
    folder: Path

    @property
    def output(self) -> str:
        return "".join((self.folder / n).read_text("utf-8") for n in ("stdout", "stderr"))

    @property
    def stderr(self) -> str:
        return (self.folder / "stderr").read_text("utf-8")

    async def exit_code(self) -> int:
        async with asyncio.timeout(30):
            return await self.process.wait()


def _prepare(folder: Path, config: str, token: str | None) -> tuple[Path, dict[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(config, "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGBOT_")}
    if token is not None:
        env["REGBOT_TELEGRAM__TOKEN"] = token
    return path, env


def _outputs(folder: Path) -> tuple[IO[bytes], IO[bytes]]:
    return open(folder / "stdout", "wb"), open(folder / "stderr", "wb")


async def launch(folder: Path, config: str, token: str | None = TOKEN) -> Bot:
    """`python -m bot --config <folder>/config.toml`, the token (if any) in the environment."""
    path, env = _prepare(folder, config, token)
    out, err = _outputs(folder)
    with out, err:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(path), cwd=ROOT, env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=err)
    return Bot(process, folder)


async def test_registration_through_the_real_entry_point(tmp_path: Path) -> None:
    async with FakeTelegram(token=TOKEN) as fake:
        db = tmp_path / "data" / "cli.sqlite3"
        bot = await launch(tmp_path / "run", toml(fake.base_url, db))
        try:
            await fake.wait_until(lambda: fake.polling, timeout=60)  # started, long-polling
            alice = fake.user(1, language_code="en")
            await reach(alice, "confirm")
            # The answer to Confirm is slow to send; SIGTERM arrives while it is in flight.
            fake.add_fault(fault_on("sendMessage", Fault.slow(1.0),
                                    when=lambda p: "registered" in str(p.get("text"))))
            await alice.press("Confirm")
            await alice.answer_to_press()  # the ledger is written before this answer
            bot.process.send_signal(signal.SIGTERM)
            await alice.reply(has("You are registered"))
            assert await bot.exit_code() == 0, bot.output
        finally:
            if bot.process.returncode is None:
                bot.process.kill()
                await bot.process.wait()

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT user_id, full_name, status FROM registrations").fetchall()
    assert rows == [(1, "Alice Smith", "active")]
    log = bot.output
    assert "started: bot @regbot_test" in log and TITLE in log and str(db) in log, log
    assert TOKEN not in log and SECRET not in log


async def test_config_problems_stop_before_any_request(tmp_path: Path) -> None:
    async with FakeTelegram(token=TOKEN) as fake:
        db = tmp_path / "x.sqlite3"
        cases = {
            "no-token": (toml(fake.base_url, db), None),
            "empty-token": (toml(fake.base_url, db), ""),
            "zone": (toml(fake.base_url, db, timezone='"Mars/Base"'), TOKEN),
            "capacity": (toml(fake.base_url, db, offline_capacity="-1"), TOKEN),
        }
        bots = {name: await launch(tmp_path / name, config, token)
                for name, (config, token) in cases.items()}
        codes = {name: await bot.exit_code() for name, bot in bots.items()}
        assert fake.requests == []
    assert codes == dict.fromkeys(cases, 2), {n: b.output for n, b in bots.items()}
    for name in ("no-token", "empty-token"):
        said = bots[name].stderr.strip()
        assert len(said.splitlines()) == 1, said
        assert "REGBOT_TELEGRAM__TOKEN" in said and "@BotFather" in said
    assert "event.timezone" in bots["zone"].stderr and "Mars/Base" in bots["zone"].stderr
    assert "event.offline_capacity" in bots["capacity"].stderr
    assert "REGBOT_EVENT__OFFLINE_CAPACITY" in bots["capacity"].stderr
    for bot in bots.values():
        assert "Traceback" not in bot.output
        assert SECRET not in bot.output
    assert not db.exists()


async def test_a_rejected_token_is_explained(tmp_path: Path) -> None:
    async with FakeTelegram(token="111:other-token-entirely") as fake:
        bot = await launch(tmp_path / "run", toml(fake.base_url, tmp_path / "r.sqlite3"))
        code = await bot.exit_code()
        assert [r.method for r in fake.requests] == ["getMe"]
    assert code == 2, bot.output
    assert "rejected the bot token" in bot.stderr and "REGBOT_TELEGRAM__TOKEN" in bot.stderr
    assert "Traceback" not in bot.output and SECRET not in bot.output
