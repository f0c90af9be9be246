"""`python -m bot sandbox`: the real bot in a terminal chat, with no token and no network.

The loopback Bot API (the stand-in for Telegram the tests use) runs in this process, and
the app `python -m bot` runs (bot.factory.create_app) polls it; you type as the people on
the other side (bot.sandbox_console) and read what the bot sends them (bot.sandbox_screen).
A clock that follows real time until /wait moves it forward lets reminders be seen now."""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot import sandbox_config
from bot.errors import ConfigError
from bot.factory import App, create_app
from bot.sandbox_config import Source
from bot.sandbox_console import Console, Engine, Tracker, start_reader
from bot.sandbox_screen import Screen
from bot.timeutil import format_local
from loopback import FakeTelegram, TravelClock

ADMIN = 9000  # the organiser you become with /as admin
START_WITHIN = 60.0


def main(config: Path | None, db: Path | None) -> int:
    try:
        source = sandbox_config.read(config, datetime.now(UTC))
        # Checked before anything starts, with stand-ins for what is known only then.
        sandbox_config.settings(source, "1:sandbox", "http://127.0.0.1:1", ADMIN,
                                Path("sandbox.sqlite3"))
    except ConfigError as exc:
        print(f"regbot sandbox: {exc}", file=sys.stderr)
        return 2
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:  # emoji on a terminal that cannot show them become "?"
        reconfigure(errors="replace")
    with tempfile.TemporaryDirectory(prefix="regbot-sandbox-") as folder:
        log_file = Path(folder) / "regbot.log"
        handler = _log_to(log_file)
        try:
            return asyncio.run(_session(source, db or Path(folder) / "regbot.sqlite3",
                                        db is None, log_file))
        except KeyboardInterrupt:  # Ctrl-C: asyncio.run has stopped the app on its way out
            print("\n(interrupted: stopped)", flush=True)
            return 130
        finally:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _log_to(path: Path) -> logging.Handler:
    """The app's log goes to a file, so the chat stays readable; errors show here too."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    loud = logging.StreamHandler(sys.stderr)
    loud.setLevel(logging.ERROR)
    logging.basicConfig(level=logging.INFO, handlers=[handler, loud], force=True)
    return handler


async def _session(source: Source, db: Path, temporary: bool, log_file: Path) -> int:
    from storage.db import StorageError

    fake = FakeTelegram(bot_username="regbot_sandbox_bot", bot_first_name="RegBot")
    await fake.start()
    try:
        settings = sandbox_config.settings(source, fake.token, fake.base_url, ADMIN, db)
        clock = TravelClock(now=datetime.now(UTC))
        clock.follow_real_time()
        try:
            app = await create_app(settings, clock=clock)
        except StorageError as exc:
            print(f"regbot sandbox: {exc} (see --db)", file=sys.stderr)
            return 2
        tracker = Tracker()
        app.dp.update.outer_middleware(tracker)
        tracker.watch(app.scheduler)
        task = asyncio.create_task(app.run(handle_signals=False, polling_timeout=1))
        try:
            await fake.wait_until(lambda: fake.polling or task.done(), timeout=START_WITHIN)
            if task.done():
                await task  # the start-up failed: its error, as `python -m bot` shows it
                return 1
            engine = Engine(fake, clock, app.scheduler, lambda: _sending(app), tracker,
                            settings.all_events[0].timezone, ADMIN)
            screen = Screen(sys.stdout)
            console = Console(engine, screen, interactive=sys.stdin.isatty())
            screen.say(_banner(source, app, console, db, temporary, log_file))
            lines: asyncio.Queue[str | None] = asyncio.Queue()
            start_reader(asyncio.get_running_loop(), lines)
            await console.run(lines)
        finally:
            if not task.done():
                await app.stop()
            await task
            await app.bot.session.close()
    finally:
        await fake.stop()
    print("(sandbox stopped)", flush=True)
    return 0


def _sending(app: App) -> bool:
    return bool(app.reminders.tasks or app.campaigns.tasks)


def _banner(source: Source, app: App, console: Console, db: Path, temporary: bool,
            log_file: Path) -> str:
    lines = ["regbot sandbox: the real bot, talking to a stand-in for Telegram inside this "
             "program (no token, no network; REGBOT_* variables and .env are not used)."]
    if source.moved_to is not None:
        lines.append(f"The example event ({sandbox_config.EXAMPLE}), moved to "
                     f"{source.moved_to:%a %d %b %Y, %H:%M} ({source.timezone}) so "
                     "registration is open.")
    else:
        now = console.engine.clock()
        for event in app.settings.all_events:
            past = " - already past" if event.starts_utc <= now else ""
            lines.append(f"Event {event.slug} from {source.where}: {event.title}, starts "
                         f"{format_local(event.starts_utc, event.timezone)}{past}")
    kept = " (deleted at exit)" if temporary else ""
    lines.append(f"Database: {db}{kept}. The bot's log: {log_file} (deleted at exit).")
    lines.append(f"Sandbox time: {console.now_text()}.")
    lines.append("You are participant 1. Type /start to talk to the bot, a number to press "
                 "that button, /help for the sandbox commands, /quit to stop.")
    return "\n".join(lines)
