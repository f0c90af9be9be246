"""Settings: TOML file, environment overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError, load_or_explain
from core.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:ABC-def_ghi"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("REGBOT_"):
            monkeypatch.delenv(key)


def test_example_config_loads_with_the_token_from_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)
    settings = load_settings(ROOT / "config.example.toml")
    assert settings.telegram.token.get_secret_value() == TOKEN
    assert TOKEN not in repr(settings) and TOKEN not in str(settings.telegram)
    assert settings.all_events[0].offline_capacity == 10
    assert settings.all_events[0].timezone == "Asia/Almaty"
    assert settings.all_events[0].starts_utc.isoformat() == "2020-11-12T11:00:00+00:00"
    assert settings.reminders and all(r.before.total_seconds() > 0 for r in settings.reminders)


def test_environment_beats_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)
    monkeypatch.setenv("REGBOT_EVENT__OFFLINE_CAPACITY", "3")
    settings = load_settings(ROOT / "config.example.toml")
    assert settings.all_events[0].offline_capacity == 3
    # The rest still from TOML.
    assert settings.all_events[0].title.startswith("Migration situation")


def test_missing_token_names_the_variable_and_botfather() -> None:
    with pytest.raises(ConfigError) as caught:
        load_or_explain(ROOT / "config.example.toml")
    message = str(caught.value)
    assert "REGBOT_TELEGRAM__TOKEN" in message and "@BotFather" in message
    assert len(message.splitlines()) == 1


def test_bad_values_name_the_key_and_never_echo_the_token(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", "not a token " + "S3CRET" * 3)
    monkeypatch.setenv("REGBOT_EVENT__OFFLINE_CAPACITY", "-1")
    monkeypatch.setenv("REGBOT_EVENT__TIMEZONE", "Mars/Base")
    with pytest.raises(ConfigError) as caught:
        load_or_explain(ROOT / "config.example.toml")
    message = str(caught.value)
    assert "telegram.token" in message and "S3CRET" not in message
    assert "event.offline_capacity" in message and "event.timezone" in message


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_or_explain(tmp_path / "nope.toml")


def _example_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "config.example.toml").read_text("utf-8")
    assert old in text
    path = tmp_path / "config.toml"
    path.write_text(text.replace(old, new), "utf-8")
    return path


def test_reminders_may_go_to_the_waitlist(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)
    path = _example_with(tmp_path, 'audience = "online"', 'audience = "waitlist"')
    settings = load_settings(path)
    assert [r.audience.value for r in settings.reminders] == ["all", "all", "waitlist"]
    assert settings.reminders[2].key == "900s-waitlist"


def test_durations_in_any_case_and_as_seconds(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)
    monkeypatch.setenv("REGBOT_ATTENDANCE__DEADLINE", "5400")
    settings = load_settings(_example_with(tmp_path, 'before = "PT15M"', 'before = "pt15m"'))
    assert settings.reminders[2].before.total_seconds() == 900
    assert settings.attendance.deadline.total_seconds() == 5400
    assert settings.delivery.catch_up_grace.total_seconds() == 0


@pytest.mark.parametrize("before", ['"P15M"', '"1 day"', '"-PT1H"', "-5", "true"])
def test_bad_durations_name_the_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                    before: str) -> None:
    # "P15M" is 15 months in ISO-8601: refused rather than taken for 450 days.
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)
    path = _example_with(tmp_path, 'before = "PT15M"', f"before = {before}")
    with pytest.raises(ConfigError) as caught:
        load_or_explain(path)
    message = str(caught.value)
    assert "`before` of [[reminders]] number 3" in message  # as the file counts them
    assert len(message.splitlines()) == 1
    assert "ISO-8601 duration" in message or "must not be negative" in message
