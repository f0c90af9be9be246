"""The bot as an organiser installs it: the wheel is built, installed (not editable) into a
fresh virtualenv and the installed `regbot` runs from another folder, against the loopback
API, through one registration. `make test` installs editable, so only this test sees what
the wheel leaves out (it once lacked the migrations: "no such table" at the first start).

Marked `packaging` (the slowest test: a build, a virtualenv, an install). It stays fast on a
second run: the dependencies' wheels are fetched once, as the lock file pins them, into a
wheelhouse inside the test virtualenv, and installed from there without the network."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from loopback import FakeTelegram
from tests.harness import has
from tests.steps import reach
from tests.test_cli import TOKEN, toml

ROOT = Path(__file__).resolve().parent.parent
WHEELHOUSE = Path(os.environ.get("REGBOT_WHEELHOUSE") or Path(sys.prefix) / "wheelhouse")
SOURCES = ("pyproject.toml", "README.md", "bot", "handlers", "services", "core", "storage",
           "scheduler", "loopback")


def _run(*command: str | Path, cwd: Path | None = None) -> None:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise AssertionError(f"{command} failed:\n{done.stdout}\n{done.stderr}")


def _build_wheel(folder: Path) -> Path:
    # From a copy of the sources, so the build leaves nothing in the work tree.
    source = folder / "src"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", folder / "dist",
         source)
    (wheel,) = (folder / "dist").glob("regbot-*.whl")
    return wheel


def _wheelhouse() -> Path:
    digest = hashlib.sha256((ROOT / "requirements.lock").read_bytes()).hexdigest()[:16]
    stamp = WHEELHOUSE / f".lock-{digest}"
    if not stamp.exists():
        _run(sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
             "--require-hashes", "-r", ROOT / "requirements.lock", "-d", WHEELHOUSE)
        stamp.touch()
    return WHEELHOUSE


def _install(wheel: Path, folder: Path) -> Path:
    venv = folder / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", "--no-index", "--find-links", _wheelhouse(),
         wheel)
    return venv


def test_the_packaged_example_is_config_example() -> None:
    # The sandbox runs bot/example.toml; the README sends people to config.example.toml.
    assert (ROOT / "bot" / "example.toml").read_text("utf-8") == (
        ROOT / "config.example.toml").read_text("utf-8")


@pytest.mark.packaging
@pytest.mark.slow
@pytest.mark.timeout(300)
def test_the_wheel_carries_migrations_and_catalogs(tmp_path: Path) -> None:
    names = zipfile.ZipFile(_build_wheel(tmp_path)).namelist()
    migrations = sorted(p.name for p in (ROOT / "storage" / "migrations").glob("*.sql"))
    assert migrations and all(f"storage/migrations/{m}" in names for m in migrations)
    catalogs = sorted(p.relative_to(ROOT).as_posix()
                      for p in (ROOT / "core").glob("locales/*/*.ftl"))
    assert catalogs and all(c in names for c in catalogs)
    assert "bot/example.toml" in names
    # The certificates' and the report's font, with its licence.
    assert {"services/fonts/DejaVuSans.ttf", "services/fonts/LICENSE-DejaVu.txt"} <= set(names)
    assert not any(n.startswith("tests/") for n in names)


@pytest.mark.packaging
@pytest.mark.slow
@pytest.mark.timeout(600)
async def test_installed_bot_runs_from_another_folder(tmp_path: Path) -> None:
    wheel = await asyncio.to_thread(_build_wheel, tmp_path / "build")
    venv = await asyncio.to_thread(_install, wheel, tmp_path / "install")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    async with FakeTelegram(token=TOKEN) as fake:
        db = elsewhere / "data" / "bot.sqlite3"
        (elsewhere / "config.toml").write_text(toml(fake.base_url, db), "utf-8")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("REGBOT_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["REGBOT_TELEGRAM__TOKEN"] = TOKEN
        with (elsewhere / "out").open("wb") as out:
            # No --config: ./config.toml of the folder it runs in.
            process = await asyncio.create_subprocess_exec(
                venv / "bin" / "regbot", cwd=elsewhere, env=env,
                stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        try:
            await fake.wait_until(lambda: fake.polling, timeout=60)
            alice = fake.user(1, language_code="en")
            await reach(alice, "confirm")
            await alice.press("Confirm")
            await alice.reply(has("You are registered"))
            process.send_signal(signal.SIGTERM)
            async with asyncio.timeout(30):
                assert await process.wait() == 0
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    log = (elsewhere / "out").read_text("utf-8")
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT user_id, status FROM registrations").fetchall()
    assert rows == [(1, "active")], log
    assert "site-packages" not in log and "Traceback" not in log, log
    # The installed sandbox (loopback is in the wheel); ./config.toml is not its business.
    def sandbox() -> subprocess.CompletedProcess[str]:
        return subprocess.run([venv / "bin" / "regbot", "sandbox"], input="/start\n/quit\n",
                              capture_output=True, text=True, encoding="utf-8", cwd=elsewhere,
                              env=env, timeout=120, check=False)

    tried = await asyncio.to_thread(sandbox)
    assert tried.returncode == 0, tried.stderr
    assert "The example event" in tried.stdout and "Register" in tried.stdout, tried.stdout
