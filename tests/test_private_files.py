"""Issue 20, finding 3: the database, its WAL and SHM, the running lock, backups and the
folders made for them are the bot's user's alone (0600 / 0700) whatever the umask;
`check` warns when the config or `.env` is readable by everyone."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.cli_commands import backup
from bot.sandbox.screen import save
from loopback import FakeTelegram
from tests.harness import register, settings_for, start
from tests.test_commands import config


@pytest.fixture
def umask_022() -> Iterator[None]:
    """systemd's default umask: everything readable by every local user."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_finding3_database_lock_and_backups_are_private(
        fake: FakeTelegram, tmp_path: Path, umask_022: None) -> None:
    folder = tmp_path / "data" / "bot"
    settings = settings_for(fake, folder)
    running = await start(fake, settings)
    try:
        await register(fake.user(1, language_code="en"))
        db = settings.storage.path
        files = {p.name: mode(p) for p in (db, db.with_name(db.name + "-wal"),
                                          db.with_name(db.name + "-shm"),
                                          db.with_name(db.name + ".lock"))}
    finally:
        await running.stop()
    made, _ = backup(settings, tmp_path / "backups" / "daily", folder=True)
    assert files == dict.fromkeys(files, 0o600)
    assert {mode(tmp_path / "data"), mode(folder)} == {0o700}
    assert (mode(made), mode(made.parent), mode(made.parent.parent)) == (0o600, 0o700, 0o700)


def test_finding3_the_sandbox_files_are_private(tmp_path: Path, umask_022: None) -> None:
    sent = save(tmp_path / "sandbox-files", "pass.png", b"\x89PNG")
    assert (mode(sent), mode(sent.parent)) == (0o600, 0o700)


def test_finding3_check_warns_about_readable_secrets(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = config(tmp_path, "2099-03-20T18:00:00")
    monkeypatch.chdir(tmp_path)
    env = tmp_path / ".env"
    env.write_text("REGBOT_TELEGRAM__TOKEN=424242:AAE-commands_Secret-9x\n")
    path.chmod(0o640)  # its group may read it: usual, no warning
    env.chmod(0o644)
    assert main(["check", "--config", str(path)]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "warning" in line]
    assert said == ["warning: .env is readable by every user of this machine (it may hold"
                    " the token or personal details): chmod 600 .env"]
    env.chmod(0o600)
    assert main(["check", "--config", str(path)]) == 0
    assert "warning" not in capsys.readouterr().out
    old_database = tmp_path / "db.sqlite3"  # made 0644 by an older version
    old_database.write_bytes(b"")
    old_database.chmod(0o644)
    assert main(["check", "--config", str(path)]) == 0
    assert f"warning: {old_database} is readable" in capsys.readouterr().out


def test_finding3_the_service_runs_with_umask_0077() -> None:
    unit = (Path(__file__).resolve().parent.parent / "deploy" / "regbot.service").read_text()
    assert "\nUMask=0077\n" in unit
