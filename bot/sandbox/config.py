"""The sandbox's settings: the packaged example event (moved a few days ahead, so that
registration is open) or the organiser's own file, always pointed at the loopback Bot API.

The environment is not read: a `.env` or REGBOT_* variables meant for the real bot (its
token, api_base, webhook, database) must not reach the sandbox."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from bot.errors import ConfigError, explain
from core.config import Settings, TomlSyntaxError, complete_times
from core.timeutil import zone

# As named in messages: bot/example.toml, read from the installed package, is a copy of the
# config.example.toml that the README names.
EXAMPLE = "the example config (config.example.toml)"
DAYS_AHEAD = 3


class SandboxSettings(Settings):
    """Settings from the given values only: no environment, no `.env`, no file lookup."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


@dataclass
class Source:
    data: dict[str, Any]  # the TOML, as read
    where: str  # for messages: the file's name
    moved_to: datetime | None = None  # the example's new local start, if it was moved
    timezone: str = "Asia/Almaty"


def read(config: Path | None, now_utc: datetime) -> Source:
    if config is None:
        text = resources.files("bot").joinpath("example.toml").read_text("utf-8")
        source = Source(_parse(text, EXAMPLE), EXAMPLE)
        _move_ahead(source, now_utc)
        return source
    try:
        text = config.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file {config} not found (leave out --config to try the "
                          "example event)") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {config}: {exc}") from None
    return Source(_parse(text, str(config)), str(config))


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(complete_times(text))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot read {where}: {TomlSyntaxError(exc)}") from None


def _events(data: dict[str, Any]) -> list[dict[str, Any]]:
    single = data.get("event")
    many = data.get("events")
    found = [single] if isinstance(single, dict) else []
    if isinstance(many, list):
        found += [e for e in many if isinstance(e, dict)]
    return found


def _move_ahead(source: Source, now_utc: datetime) -> None:
    """Every event by the same shift (their order and closing times stay valid), so that
    the first starts at its own time of day, DAYS_AHEAD to DAYS_AHEAD + 1 days from now."""
    events = _events(source.data)
    if not events or not isinstance(events[0].get("starts_at"), datetime):
        return
    first: datetime = events[0]["starts_at"]
    source.timezone = str(events[0].get("timezone", source.timezone))
    now = now_utc.astimezone(zone(source.timezone)).replace(tzinfo=None)
    target = datetime.combine(now.date() + timedelta(days=DAYS_AHEAD), first.time())
    if target - now < timedelta(days=DAYS_AHEAD):
        target += timedelta(days=1)
    shift = target - first
    for event in events:
        for key in ("starts_at", "registration_closes_at"):
            if isinstance(event.get(key), datetime):
                event[key] += shift
    source.moved_to = target


def settings(source: Source, token: str, api_base: str, admin: int, db: Path) -> Settings:
    """The source's settings, talking to `api_base` with `token`, `admin` an organiser,
    the database at `db`, polling (a [webhook] section is dropped)."""
    data = {key: value for key, value in source.data.items() if key != "webhook"}
    telegram = dict(data.get("telegram") or {})
    admins = telegram.get("admins")
    telegram.update(token=token, api_base=api_base, start_attempts=1,
                    admins=[*(admins if isinstance(admins, list) else []), admin])
    data["telegram"] = telegram
    data["storage"] = {**(data.get("storage") or {}), "path": db}
    try:
        return SandboxSettings(**data)
    except ValidationError as exc:
        raise ConfigError(explain(exc, Path(source.where), environment=False)) from None
