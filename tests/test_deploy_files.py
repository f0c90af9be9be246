"""The deployment files agree with the code (no docker build here: CI has no docker), and
`.env` in the working directory gives the token, the environment winning over it."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

from bot.__main__ import _parse
from core.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:FROM-dotenv"
OTHER = "654321:FROM-environment"


def _text(name: str) -> str:
    return (ROOT / name).read_text("utf-8")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in _text(name).splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_dockerfile_installs_from_the_lock_then_the_project_without_deps() -> None:
    lines = _lines("Dockerfile")
    assert lines[0] == "FROM python:3.11-slim"
    lock = next(i for i, x in enumerate(lines) if "--require-hashes -r requirements.lock" in x)
    project = next(i for i, x in enumerate(lines) if "pip install --no-deps ." in x)
    assert lock < project
    # Every package the wheel carries is copied in.
    include = tomllib.loads(_text("pyproject.toml"))["tool"]["setuptools"]["packages"]["find"]
    for package in include["include"]:
        assert f"COPY {package.rstrip('*')} ./{package.rstrip('*')}" in lines


def test_dockerfile_runs_the_entry_point_as_non_root_with_data_on_a_volume() -> None:
    lines = _lines("Dockerfile")
    users = [x.split()[1] for x in lines if x.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert 'VOLUME ["/data"]' in lines
    text = _text("Dockerfile")
    assert "REGBOT_STORAGE__PATH=/data/" in text
    assert "REGBOT_CONFIG=/config/config.toml" in text
    scripts = tomllib.loads(_text("pyproject.toml"))["project"]["scripts"]
    assert 'ENTRYPOINT ["regbot"]' in lines and "regbot" in scripts
    assert 'CMD ["run"]' in lines
    assert _parse(["run"]).command == "run"  # the command the image runs exists
    port = re.search(r"^EXPOSE (\d+)$", text, re.MULTILINE)
    assert port is not None and int(port.group(1)) == Settings.model_fields[
        "webhook"].default.listen_port


def test_dockerignore_keeps_secrets_and_state_out_of_the_image() -> None:
    lines = _lines(".dockerignore")
    for name in (".env", "config.toml", ".venv*", "*.sqlite3*", ".git"):
        assert name in lines


def test_compose_runs_the_image_with_a_volume_and_the_env_file() -> None:
    text = _text("compose.yaml")
    assert "build: ." in text
    assert "env_file: .env" in text
    assert re.search(r"^\s+- regbot-data:/data$", text, re.MULTILINE)
    assert "./config.toml:/config/config.toml:ro" in text
    assert re.search(r"^volumes:\n\s+regbot-data:", text, re.MULTILINE)
    assert "127.0.0.1:8080:8080" in text


def test_systemd_unit_restarts_on_failure_with_an_environment_file() -> None:
    lines = _lines("deploy/regbot.service")
    assert "Restart=on-failure" in lines
    assert "EnvironmentFile=/etc/regbot/regbot.env" in lines
    assert "ExecStart=/opt/regbot/venv/bin/regbot run" in lines
    assert "RestartPreventExitStatus=2" in lines  # config mistakes exit 2 (bot/__main__.py)
    assert "User=regbot" in lines
    assert "Environment=REGBOT_STORAGE__PATH=/var/lib/regbot/regbot.sqlite3" in lines
    assert "StateDirectory=regbot" in lines
    for section in ("[Unit]", "[Service]", "[Install]"):
        assert section in lines


def test_env_example_is_shipped_and_env_is_ignored() -> None:
    example = _text(".env.example")
    assert re.search(r"^REGBOT_TELEGRAM__TOKEN=", example, re.MULTILINE)
    assert ".env" in _lines(".gitignore")
    assert ".env.example" not in _lines(".gitignore")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in list(os.environ):
        if key.startswith("REGBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text((ROOT / "config.example.toml").read_text("utf-8"),
                                          "utf-8")
    return tmp_path


def test_dotenv_gives_the_token(folder: Path) -> None:
    # Other programs' lines share the file (compose reads it too): they are not ours.
    (folder / ".env").write_text(
        f"# the bot's\nREGBOT_TELEGRAM__TOKEN={TOKEN}\nTZ=Asia/Almaty\nCOMPOSE_PROJECT_NAME=x\n",
        "utf-8")
    settings = load_settings(folder / "config.toml")
    assert settings.telegram.token.get_secret_value() == TOKEN


def test_the_environment_wins_over_dotenv(folder: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / ".env").write_text(f"REGBOT_TELEGRAM__TOKEN={TOKEN}\n"
                                 "REGBOT_EVENT__OFFLINE_CAPACITY=7\n", "utf-8")
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", OTHER)
    settings = load_settings(folder / "config.toml")
    assert settings.telegram.token.get_secret_value() == OTHER
    assert settings.all_events[0].offline_capacity == 7  # .env still beats the file


def test_a_typo_in_dotenv_is_refused(folder: Path) -> None:
    from bot.errors import ConfigError, load_or_explain

    (folder / ".env").write_text(f"REGBOT_TELEGRAM__TOKEN={TOKEN}\nREGBOT_TELEGRAM__ADMINZ=[1]\n",
                                 "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_or_explain(folder / "config.toml")
    assert "adminz" in str(caught.value).lower()
    assert TOKEN not in str(caught.value)
