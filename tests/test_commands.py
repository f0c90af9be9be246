"""`check`, `backup` and `restore` (bot/cli_commands.py), through the entry point."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.__main__ import main
from bot.cli_commands import CommandError, backup, restore
from core.config import Settings
from loopback import FakeTelegram
from tests.harness import register, settings_for, start

TOKEN = "424242:AAE-commands_Secret-9x"
LEDGER = "SELECT event_id, user_id, full_name, status, format FROM registrations ORDER BY user_id"


def config(tmp_path: Path, starts_at: str, extra: str = "") -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f"""[telegram]
admins = [7]
[storage]
path = "{(tmp_path / "db.sqlite3").as_posix()}"
[event]
id = "round-table"
title = "Round table"
starts_at = {starts_at}
timezone = "Asia/Almaty"
offline_capacity = 10
venue = "DKU"
contact_phone = "+7 777"
zoom_conference_id = "846"
{extra}
[[reminders]]
before = "P1D"
[[reminders]]
before = "PT1H"
""", "utf-8")
    return path


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGBOT_CONFIG", raising=False)
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)


def test_check_prints_the_plan_local_and_utc(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Starts in 12 hours: the one-day reminder is already past, the one-hour one is not.
    start_local = (datetime.now(UTC) + timedelta(hours=12, minutes=30)).astimezone(
        ZoneInfo("Asia/Almaty")).replace(tzinfo=None, second=0, microsecond=0)
    path = config(tmp_path, start_local.isoformat())
    assert main(["check", "--config", str(path)]) == 0
    said = capsys.readouterr().out
    assert "event round-table: Round table" in said, said
    assert f"{start_local:%Y-%m-%d %H:%M} Asia/Almaty" in said, said
    assert " UTC" in said
    reminders = [line for line in said.splitlines() if "reminder" in line]
    assert len(reminders) == 2 and "already past" in reminders[0], said
    assert "already past" not in reminders[1], said
    assert TOKEN not in said
    assert not (tmp_path / "db.sqlite3").exists()  # check touches nothing


def test_check_needs_no_token_yet_but_refuses_the_placeholder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = config(tmp_path, "2099-03-20T18:00:00")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REGBOT_TELEGRAM__TOKEN")
    assert main(["check", "--config", str(path)]) == 0
    assert "token: not set yet" in capsys.readouterr().out
    monkeypatch.delenv("REGBOT_TELEGRAM__TOKEN")  # main() stood one in, for this process
    (tmp_path / ".env").write_text("REGBOT_TELEGRAM__TOKEN=123456789:replace-with-your-token\n")
    assert main(["check", "--config", str(path)]) == 2
    assert "placeholder from .env.example" in capsys.readouterr().err


def test_check_refuses_a_bad_config_with_exit_2(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, "2099-03-20T18:00:00", extra='zoom_link = "x"')
    assert main(["check", "--config", str(path)]) == 2
    assert "did you mean `zoom_url`" in capsys.readouterr().err


def ledger(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(LEDGER).fetchall()


def wipe(db: Path) -> None:
    """The database is lost, with its write-ahead log."""
    for suffix in ("", "-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


async def test_backup_while_busy_then_restore_gives_the_same_ledger(
        fake: FakeTelegram, tmp_path: Path) -> None:
    settings: Settings = settings_for(fake, tmp_path)
    running = await start(fake, settings)
    try:
        users = [fake.user(100 + i, language_code="en") for i in range(6)]
        # Backups taken while the registrations are being written, each a consistent file.
        work = asyncio.gather(*(register(u, name=f"Person {i}", fmt="Online")
                                for i, u in enumerate(users)))
        copies: list[tuple[Path, int]] = []
        while not work.done():
            dest = tmp_path / "busy" / f"{len(copies)}.sqlite3"
            copies.append(await asyncio.to_thread(backup, settings, dest))
            await asyncio.sleep(0.05)
        await work
        for dest, count in copies:
            assert len(ledger(dest)) == count <= len(users)
        # A restore is refused while the bot runs.
        with pytest.raises(CommandError, match="running"):
            await asyncio.to_thread(restore, settings, copies[0][0], True)
        final = tmp_path / "final.sqlite3"
        assert await asyncio.to_thread(backup, settings, final) == (final, len(users))
    finally:
        await running.stop()
    before = ledger(settings.storage.path)
    assert len(before) == len(users)
    wipe(settings.storage.path)
    assert restore(settings, final, yes=True).registrations == len(users)
    assert ledger(settings.storage.path) == before
    # The restored database runs: the bot starts on it and knows the people.
    running = await start(fake, settings)
    try:
        desk = await running.desk()
        assert all([await desk.active(u.id) for u in users])
    finally:
        await running.stop()


def test_backup_and_restore_through_the_entry_point(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGBOT_TELEGRAM__TOKEN")  # not needed for either
    path = config(tmp_path, "2099-03-20T18:00:00")
    assert main(["backup", str(tmp_path / "b.sqlite3"), "--config", str(path)]) == 2
    assert "no database" in capsys.readouterr().err
    with sqlite3.connect(tmp_path / "db.sqlite3") as conn:
        conn.execute("CREATE TABLE registrations (event_id, user_id, full_name, status, format)")
        conn.execute("CREATE TABLE events (id)")
        conn.execute("INSERT INTO registrations VALUES (1, 5, 'A', 'active', 'online')")
    assert main(["backup", str(tmp_path / "b.sqlite3"), "--config", str(path)]) == 0
    assert "1 registrations" in capsys.readouterr().out
    assert main(["backup", str(tmp_path / "b.sqlite3"), "--config", str(path)]) == 2
    assert "exists already" in capsys.readouterr().err
    # A name ending in / is a folder (made if need be) for a dated file, every time.
    for _ in range(2):
        assert main(["backup", f"{tmp_path / 'backups'}/", "--config", str(path)]) == 0
        made = capsys.readouterr().out.split(" to ")[1].split(" (")[0]
        assert Path(made).parent == tmp_path / "backups" and Path(made).is_file(), made
        Path(made).rename(Path(made).with_suffix(".old"))  # the next second's name may clash
    (tmp_path / "db.sqlite3").unlink()
    assert main(["restore", str(tmp_path / "b.sqlite3"), "--config", str(path)]) == 0
    assert "erased again: 0 registrations" in capsys.readouterr().out
    assert ledger(tmp_path / "db.sqlite3") == [(1, 5, "A", "active", "online")]
    (tmp_path / "junk").write_text("not a database")
    assert main(["restore", str(tmp_path / "junk"), "--config", str(path)]) == 2
    assert "not a regbot backup" in capsys.readouterr().err


def test_finding_4_restore_asks_and_keeps_the_replaced_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: `restore` overwrote the live database without asking or keeping a copy."""
    monkeypatch.delenv("REGBOT_TELEGRAM__TOKEN")
    path = config(tmp_path, "2099-03-20T18:00:00")
    live = tmp_path / "db.sqlite3"
    with sqlite3.connect(live) as conn:
        conn.execute("CREATE TABLE registrations (event_id, user_id, full_name, status, format)")
        conn.execute("CREATE TABLE events (id)")
        conn.execute("INSERT INTO registrations VALUES (1, 5, 'Old', 'active', 'online')")
    assert main(["backup", str(tmp_path / "b.sqlite3"), "--config", str(path)]) == 0
    with sqlite3.connect(live) as conn:
        conn.execute("INSERT INTO registrations VALUES (1, 6, 'New', 'active', 'online')")
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "b.sqlite3"), "--config", str(path)]) == 2
    assert "--yes" in capsys.readouterr().err
    assert len(ledger(live)) == 2  # nothing replaced
    assert main(["restore", str(tmp_path / "b.sqlite3"), "--config", str(path), "--yes"]) == 0
    assert ledger(live) == [(1, 5, "Old", "active", "online")]
    assert len(ledger(tmp_path / "db.sqlite3.before-restore")) == 2


def test_init_writes_the_example_that_check_then_reads(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A user who installed the wheel has no config.example.toml: `regbot init` writes the
    packaged one, and never over a file that exists."""
    monkeypatch.delenv("REGBOT_TELEGRAM__TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "regbot init config.toml" in capsys.readouterr().err
    assert main(["init"]) == 0
    assert "wrote config.toml" in capsys.readouterr().out
    assert (tmp_path / "config.toml").read_text("utf-8") == (
        Path(__file__).resolve().parent.parent / "config.example.toml").read_text("utf-8")
    assert main(["check"]) == 0
    (tmp_path / "config.toml").write_text("# mine\n", "utf-8")
    assert main(["init"]) == 2
    assert "exists already" in capsys.readouterr().err
    assert (tmp_path / "config.toml").read_text("utf-8") == "# mine\n"


def test_check_warns_of_a_token_written_in_the_config(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGBOT_TELEGRAM__TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    text = (tmp_path / "config.toml").read_text("utf-8")
    (tmp_path / "config.toml").write_text(
        text.replace("[telegram]\n", '[telegram]\ntoken = "123456:' + "A" * 35 + '"\n', 1),
        "utf-8")
    capsys.readouterr()
    assert main(["check"]) == 0
    said = capsys.readouterr().out
    assert "warning: [telegram] token is written in config.toml: move it to .env" in said
    assert "A" * 35 not in said
