"""`python -m bot sandbox`: the real bot in a terminal chat, with no token and no network.

The loopback Bot API (the stand-in for Telegram the tests use) runs in this process, and
the app `python -m bot` runs (bot.factory.create_app) polls it; you type as the people on
the other side (bot.sandbox.console) and read what the bot sends them (bot.sandbox.screen).
A clock that follows real time until /wait moves it forward lets reminders be seen now."""

from __future__ import annotations

import asyncio
import fcntl
import logging
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot.errors import ConfigError
from bot.factory import App, create_app
from bot.runlock import lock_path
from bot.sandbox import config as sandbox_config
from bot.sandbox.config import Source
from bot.sandbox.console import (
    ORGANISER,
    PARTICIPANT_BASE,
    Console,
    Engine,
    Planned,
    Tracker,
    start_reader,
)
from bot.sandbox.screen import Screen
from core.timeutil import format_local
from loopback import FakeTelegram, TravelClock
from storage.people import known_chats
from storage.private import open_private

ADMIN = 9000  # the organiser you become with /as admin
START_WITHIN = 60.0


def main(config: Path | None, db: Path | None, files: Path | None = None) -> int:
    """`files`: where to keep the files the bot sends; by default next to `db` when it is
    given (<db name>-files), else in the temporary folder, deleted at exit."""
    try:
        source = sandbox_config.read(config, datetime.now(UTC))
        # Checked before anything starts, with stand-ins for what is known only then.
        sandbox_config.settings(source, "1:sandbox", "http://127.0.0.1:1", ADMIN,
                                Path("sandbox.sqlite3"))
    except ConfigError as exc:
        print(f"regbot sandbox: {exc}", file=sys.stderr)
        return 2
    if db is not None and in_use(db):
        print(f"regbot sandbox: {db} is in use by another sandbox or a running bot; stop it "
              "first, or give another --db", file=sys.stderr)
        return 2
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:  # emoji on a terminal that cannot show them become "?"
        reconfigure(errors="replace")
    with tempfile.TemporaryDirectory(prefix="regbot-sandbox-") as folder:
        log_file = Path(folder) / "regbot.log"
        handler = _log_to(log_file)
        if files is None:
            files = Path(folder) / "files" if db is None else db.with_name(f"{db.stem}-files")
        try:
            return asyncio.run(_session(source, db or Path(folder) / "regbot.sqlite3",
                                        db is None, log_file, files.absolute()))
        except KeyboardInterrupt:  # Ctrl-C: asyncio.run has stopped the app on its way out
            print("\n(interrupted: stopped)", flush=True)
            return 130
        finally:
            logging.getLogger().removeHandler(handler)
            handler.close()


def in_use(db: Path) -> bool:
    """Whether a bot (or a sandbox) holds `db`'s running lock (bot/runlock.py). That lock is
    shared, since what it keeps out is a restore: the app takes it whether another process
    holds it or not, so a second sandbox would run beside the first on one database, each
    polling its own stand-in for Telegram. Hence this check: could we have it alone? The
    lock file stays behind, as the bot leaves it."""
    if not db.parent.is_dir():
        return False  # nobody uses a database in a folder that is not there
    try:
        with open_private(lock_path(db)) as fh:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:  # e.g. a read-only folder: the database's own error will say more
        return False
    return False


def _log_to(path: Path) -> logging.Handler:
    """The app's log goes to a file, so the chat stays readable; errors show here too."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    loud = logging.StreamHandler(sys.stderr)
    loud.setLevel(logging.ERROR)
    logging.basicConfig(level=logging.INFO, handlers=[handler, loud], force=True)
    return handler


async def _session(source: Source, db: Path, temporary: bool, log_file: Path,
                   files: Path) -> int:
    from storage.db import StorageError

    fake = FakeTelegram(bot_username="regbot_sandbox_bot", bot_first_name="RegBot")
    await fake.start()
    try:
        settings = sandbox_config.settings(source, fake.token, fake.base_url, ADMIN, db)
        clock = TravelClock(now=datetime.now(UTC))
        clock.follow_real_time()
        # The organiser's chat exists from the start, so that the bot's start-up can set
        # its command menu there (Telegram would say "chat not found" otherwise).
        fake.user(ADMIN, first_name=ORGANISER, language_code="en")
        try:
            app = await create_app(settings, clock=clock)
        except StorageError as exc:
            print(f"regbot sandbox: {exc} (see --db)", file=sys.stderr)
            return 2
        # A reused --db: the people registered in it are known to the stand-in for
        # Telegram again, so a broadcast or a reminder still reaches them.
        for chat_id, language in await known_chats(app.db):
            number = chat_id - PARTICIPANT_BASE
            name = f"Participant {number}" if number > 0 else "User"
            fake.user(chat_id, first_name=name, language_code=language)
        tracker = Tracker()
        app.dp.update.outer_middleware(tracker)
        tracker.watch(app.scheduler)
        task = asyncio.create_task(app.run(handle_signals=False, polling_timeout=1))
        try:
            await fake.wait_until(lambda: fake.polling or task.done(), timeout=START_WITHIN)
            if task.done():
                await task  # the start-up failed: its error, as `python -m bot` shows it
                return 1
            engine = Engine(fake, clock, app.scheduler, lambda: _sending(app),
                            app.registrations.outbox.settled, tracker,
                            settings.all_events[0].timezone, ADMIN,
                            reminders=lambda: _planned(app))
            screen = Screen(sys.stdout, files)
            console = Console(engine, screen, interactive=sys.stdin.isatty())
            screen.say(_banner(source, app, console, db, temporary, log_file, files))
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


async def _planned(app: App) -> list[Planned]:
    """Every reminder of every event, as /wait reports what it went past."""
    found = []
    for event in await app.registrations.events.all():
        for status in await app.reminders.status(event):
            found.append(Planned(event.slug, status.key, status.reminder.before, status.due,
                                 status.state, status.report.sent))
    return found


def _sending(app: App) -> bool:
    return bool(app.reminders.tasks or app.campaigns.tasks)


def _banner(source: Source, app: App, console: Console, db: Path, temporary: bool,
            log_file: Path, files: Path) -> str:
    lines = ["regbot sandbox: the real bot, talking to a stand-in for Telegram inside this "
             "program (no token, no network; REGBOT_* variables and .env are not used)."]
    if source.moved_to is not None:
        lines.append(f"The example event from {sandbox_config.EXAMPLE}, moved to "
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
    kept = " (deleted at exit)" if files.is_relative_to(log_file.parent) else ""
    lines.append(f"Files the bot sends (exports, passes, calendar files) are saved in "
                 f"{files}{kept}.")
    lines.append(f"Sandbox time: {console.now_text()}.")
    lines.append("You are participant 1. Type /start to talk to the bot, a number to press "
                 "that button, /help for the sandbox commands, /quit to stop.")
    return "\n".join(lines)
