"""`check`, `backup` and `restore`: the organiser's commands besides running the bot.

They need no token and no network, and never import aiogram (so they answer at once)."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
import sys
import tomllib
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.runlock import lock_path, take_exclusive
from core.config import EventSection, Settings
from core.render import exact_span
from core.timeutil import format_local
from storage import reapply
from storage.db import connect
from storage.private import create_file, make_folders

# Tables every regbot database has (migration 001 and 005): what `restore` checks a file by.
OUR_TABLES = ("registrations", "events")


class CommandError(Exception):
    """One plain line for the organiser; the command exits 2."""


def secrets_in_file(config: Path) -> list[tuple[str, str]]:
    """The secrets the config file itself holds (they belong in the environment or .env):
    (key, its environment variable)."""
    try:
        data = tomllib.loads(config.read_text("utf-8"))
    except (OSError, ValueError):
        return []
    found = []
    for section, key in (("telegram", "token"), ("webhook", "secret")):
        table = data.get(section)
        if isinstance(table, dict) and table.get(key):
            found.append((f"[{section}] {key}", f"REGBOT_{section.upper()}__{key.upper()}"))
    return found


def check(settings: Settings, config: Path, out: TextIO | None = None,
          now: datetime | None = None) -> None:
    """The plan the config describes, in local time and UTC, with what is already past."""
    out = out or sys.stdout
    now = now or datetime.now(UTC)

    def when(moment: datetime, tz: str) -> str:
        past = "  (already past)" if moment <= now else ""
        return f"{format_local(moment, tz)} = {moment:%Y-%m-%d %H:%M} UTC{past}"

    print(f"{config}: OK", file=out)
    db = settings.storage.path
    # A database made before the bot created its files 0600 may still be readable.
    for secret in exposed_files(config, [db, db.with_name(db.name + "-wal")]):
        print(f"warning: {secret} is readable by every user of this machine (it may hold "
              f"the token or personal details): chmod 600 {secret}", file=out)
    for key, variable in secrets_in_file(config):
        print(f"warning: {key} is written in {config}: move it to .env ({variable}=...) and "
              "delete it from the file (a config file gets copied, shared and committed)",
              file=out)
    print(f"database: {settings.storage.path}", file=out)
    admins = ", ".join(map(str, settings.telegram.admins)) or (
        "none (nobody can use the organiser commands; send /id to the bot to learn an id)")
    print(f"admins: {admins}", file=out)
    for event in settings.all_events:
        tz = event.timezone
        print(f"\nevent {event.slug}: {event.title}", file=out)
        print(f"  starts        {when(event.starts_utc, tz)}", file=out)
        if event.registration_closes_at is not None:
            print(f"  closes        {when(event.closes_utc, tz)}", file=out)
        print(f"  seats         {event.offline_capacity} offline, online unlimited", file=out)
        print(f"  form          {form_line(event)}", file=out)
        if event.approval:
            print("  approval      on: each registration waits for an organiser (/pending)",
                  file=out)
        plan = settings.plan_for(event)
        if not plan:
            print("  reminders     none", file=out)
        for reminder in plan:
            ask = ", asks \"Still coming?\"" if reminder.ask_attendance else ""
            ahead = exact_span(reminder.before, "en")
            print(f"  reminder      {when(event.starts_utc - reminder.before, tz)}"
                  f"  [{reminder.audience.value}, {ahead} before{ask}]", file=out)
        feedback = event.feedback_after
        if event.followups or event.certificates or feedback is not None:
            print(f"  ends          {when(event.ends_utc, tz)}", file=out)
        if event.certificates:
            print(f"  certificates  {when(event.ends_utc, tz)}  [offered to those who came]",
                  file=out)
        if feedback is not None:
            later = exact_span(feedback, "en")
            print(f"  feedback poll {when(event.ends_utc + feedback, tz)}"
                  f"  [to those who came, {later} after the end]", file=out)
        for followup in event.followups:
            later = exact_span(followup.after, "en")
            languages = ", ".join(sorted(followup.translations)) or "one text for all"
            print(f"  follow-up     {when(event.ends_utc + followup.after, tz)}"
                  f"  [{followup.audience.value}, {later} after the end; {languages}]",
                  file=out)


def form_line(event: EventSection) -> str:
    """The questions in the order asked, an own one with its kind and limits:
    "name, org, topic (choice), role, phone, pass-id (text, offline only, optional)"."""
    model = event.form_model
    said = []
    for qid in model.order:
        question = model.question(qid)
        if question is None:
            said.append(qid)
            continue
        notes: list[str] = [question.kind]
        if question.limited:
            notes.append(" and ".join(question.formats) + " only")
        if not question.required:
            notes.append("optional")
        said.append(f"{qid} ({', '.join(notes)})")
    return ", ".join(said)


def exposed_files(config: Path, data: list[Path] | None = None) -> list[Path]:
    """The config file, `.env` (the settings read it from the working folder) and the
    `data` files, when any user of the machine may read them (the owner's group may:
    0640 is usual)."""
    env_file = Settings.model_config.get("env_file")
    found = [config] + ([Path(env_file)] if isinstance(env_file, str) else []) + (data or [])
    exposed = []
    for path in found:
        try:
            mode = path.stat().st_mode
        except OSError:
            continue  # no such file: nothing to read
        if mode & (stat.S_IROTH | stat.S_IWOTH):
            exposed.append(path)
    return exposed


def backup(settings: Settings, dest: Path, folder: bool = False) -> tuple[Path, int]:
    """A consistent copy with SQLite's online backup API (the database runs in WAL mode, so
    copying the file alone can miss committed writes); safe while the bot runs. `dest` is
    the file to make, or a folder for a dated file (an existing one, or `folder`: the name
    was given with a trailing slash). Returns the file made and the registrations copied."""
    source = settings.storage.path
    if not source.is_file():
        raise CommandError(f"no database at {source} (see `path` under [storage])")
    if folder and dest.exists() and not dest.is_dir():
        raise CommandError(f"{dest} is a file, not a folder (nothing was written)")
    if folder or dest.is_dir():
        dest = dest / f"regbot-{datetime.now(UTC):%Y%m%d-%H%M%S}.sqlite3"
    if dest.exists():
        raise CommandError(f"{dest} exists already: choose a new name (nothing was written)")
    make_folders(dest.parent)
    partial = dest.with_name(dest.name + ".partial")
    busy_ms = int(settings.storage.busy_timeout.total_seconds() * 1000)
    try:
        create_file(partial)  # 0600: a backup holds everyone's personal data
        # A single self-contained file: no -wal beside it to forget.
        count = _copy(source, partial, "DELETE", busy_ms)
        partial.replace(dest)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot back up {source} to {dest}: {exc}") from None
    return dest, count


@dataclass(frozen=True)
class Restored:
    registrations: int  # in the backup
    erased_again: int  # registrations erased since the backup was taken, erased again


def kept_copy(target: Path) -> Path:
    """Where `restore` keeps the database it replaces."""
    return target.with_name(target.name + ".before-restore")


def restore(settings: Settings, src: Path, yes: bool = False) -> Restored:
    """Put a backup back in place of the database; refused while a bot runs on it, and
    over an existing database unless confirmed (`yes`), which is kept as
    <file>.before-restore. Every erasure the database records that the backup predates
    (/forget_me, retention) is made again in it: a restore never brings an erased person
    back."""
    target = settings.storage.path
    if not src.is_file():
        raise CommandError(f"no backup at {src}")
    _check_backup(src)
    if target.exists() and not yes:
        raise CommandError(
            f"restore replaces the database {target} with {src}: run it again with --yes "
            f"(the database it replaces is kept as {kept_copy(target)})")
    lock = take_exclusive(target)
    if lock is None:
        raise CommandError(
            f"the bot is running on {target} (it holds {lock_path(target)}): stop it first, "
            "then restore")
    try:
        erasures = reapply.read(target)
        if target.exists():
            kept_copy(target).unlink(missing_ok=True)
            _copy(target, kept_copy(target), "DELETE", 0)
        create_file(target)  # 0600 when it is new (its -wal and -shm follow)
        count = _copy(src, target, "WAL", 0)
        again = _erase_again(target, erasures)
    except (sqlite3.Error, OSError) as exc:
        raise CommandError(f"cannot restore {src} into {target}: {exc}") from None
    finally:
        lock.close()
    return Restored(count, again)


def _erase_again(target: Path, erasures: reapply.Erasures) -> int:
    if not (erasures.rows or erasures.events):
        return 0
    asyncio.run(_migrate(target))  # an older backup gets the columns erasure needs
    with closing(sqlite3.connect(target, isolation_level=None)) as conn:
        return reapply.reapply(conn, erasures)


async def _migrate(path: Path) -> None:
    conn = await connect(path)
    await conn.close()


def _copy(source: Path, target: Path, journal_mode: str, busy_ms: int) -> int:
    """SQLite's online backup of `source` (opened read-only) into `target`, left in
    `journal_mode`; returns the registrations copied."""
    with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src:
        src.execute(f"PRAGMA busy_timeout = {busy_ms}")
        with closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
            dst.execute(f"PRAGMA journal_mode = {journal_mode}")
            return int(dst.execute("SELECT count(*) FROM registrations").fetchone()[0])


def _check_backup(src: Path) -> None:
    try:
        conn = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CommandError(f"{src} is not a regbot backup: {exc}") from None
    if not ok or not all(t in names for t in OUR_TABLES):
        raise CommandError(f"{src} is not a regbot backup (or it is damaged): nothing changed")
