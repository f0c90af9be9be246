"""Settings: a TOML file with REGBOT_<SECTION>__<KEY> environment overrides.

Every key is documented in config.example.toml; the next event edits only that file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.timeutil import Duration, local_to_utc, zone

# The audience rule lives with the ledger (storage may not import bot); re-exported here
# because [[reminders]] `audience` is one of its values.
from storage.models import Audience as Audience

TOKEN_PATTERN = r"^\d+:[\w-]{1,}$"


class TelegramSection(BaseModel):
    token: SecretStr = Field(description="from @BotFather; prefer the environment")
    api_base: str = "https://api.telegram.org"
    admins: list[int] = Field(default_factory=list)

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        import re

        if not re.fullmatch(TOKEN_PATTERN, value.get_secret_value()):
            raise ValueError("does not look like a bot token (digits:letters, from @BotFather)")
        return value

    @field_validator("api_base")
    @classmethod
    def _api_base_shape(cls, value: str) -> str:
        # Checked here, not at the first request: aiohttp's error for a bad URL quotes the
        # whole request URL, and that carries the token (/bot<token>/getMe).
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(value)
            port_ok = parts.port is None or parts.port > 0  # .port raises when out of range
        except ValueError:
            parts, port_ok = None, False
        if (parts is None or not port_ok or parts.scheme not in ("http", "https")
                or not parts.hostname or parts.query or parts.fragment
                or any(c.isspace() for c in value)):
            raise ValueError("must be an http(s) URL like https://api.telegram.org")
        return value


# The languages the bot speaks (bot/locales/<code>); kept here as a type so a config naming
# another one fails at start, not at the first message.
Language = Literal["kk", "ru", "en"]


class BotSection(BaseModel):
    # For people whose Telegram language is none of ours (or unknown), until they choose
    # one with /language.
    default_language: Language = "ru"


class StorageSection(BaseModel):
    path: Path = Path("data/regbot.sqlite3")
    # How long one write waits for another process's write lock before trying again
    # (three more times) and then telling the person "temporary problem, try again".
    busy_timeout: Duration = timedelta(seconds=30)


class Reminder(BaseModel):
    before: Duration
    audience: Audience = Audience.ALL
    # Offline attendees get "Still coming?" Yes / No buttons with this reminder.
    ask_attendance: bool = False

    @property
    def key(self) -> str:
        """Stable id for the job and the delivery ledger: the same config gives the same key."""
        return f"{int(self.before.total_seconds())}s-{self.audience.value}"


def check_plan(reminders: list[Reminder], where: str) -> None:
    keys = [r.key for r in reminders]
    if len(keys) != len(set(keys)):
        raise ValueError(f"two reminders in {where} have the same `before` and `audience`")
    if sum(r.ask_attendance for r in reminders) > 1:
        raise ValueError(f"only one reminder in {where} may set ask_attendance")


# An event id goes into links (?start=<id>, ?start=<id>_offline): Telegram allows
# letters, digits, "_" and "-" there; "_" separates the id from the format.
SLUG_PATTERN = r"[a-z0-9][a-z0-9-]{1,39}"
DEFAULT_SLUG = "event"  # an old config's single [event] without `id`


class EventText(BaseModel):
    """One language's version of an event's texts ([event.text.kk] ...); a key left out
    falls back to the event's plain key."""

    model_config = {"extra": "forbid"}

    title: str | None = None
    venue: str | None = None
    address: str | None = None
    organisers: str | None = None
    agenda: list[str] | None = None
    # Role labels by role code (ngo, state, research, migrant, media, other); a role left
    # out keeps the catalog's label.
    roles: dict[str, str] = Field(default_factory=dict)


class EventSection(BaseModel):
    id: str | None = None
    title: str
    starts_at: datetime  # local wall-clock time in `timezone`
    timezone: str = "Asia/Almaty"
    offline_capacity: int = Field(ge=0)
    venue: str
    contact_phone: str
    zoom_conference_id: str
    zoom_url: str | None = None
    stream_url: str | None = None
    address: str | None = None  # shown after the venue
    organisers: str = ""
    agenda: list[str] = Field(default_factory=list)
    # The texts per language; the plain keys above are the fallback.
    text: dict[Language, EventText] = Field(default_factory=dict)
    registration_closes_at: datetime | None = None  # local; default: the start
    # How long it lasts: the calendar entry's end (the start plus this).
    duration: Duration = timedelta(hours=2)
    # This event's own reminder plan; absent: the top-level [[reminders]].
    reminders: list[Reminder] | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str | None) -> str | None:
        import re

        if value is not None and not re.fullmatch(SLUG_PATTERN, value):
            raise ValueError("use 2-40 lowercase letters, digits and '-' (it is part of the "
                             "event's links), e.g. \"roundtable-2027-03\"")
        return value

    @field_validator("reminders")
    @classmethod
    def _plan(cls, value: list[Reminder] | None) -> list[Reminder] | None:
        if value is not None:
            check_plan(value, "this event's reminders")
        return value

    @property
    def slug(self) -> str:
        return self.id or DEFAULT_SLUG

    def in_language(self, language: str) -> EventSection:
        """This event as a reader of `language` sees it: that language's texts where the
        organisers gave them, the plain keys elsewhere."""
        given = self._text_for(language)
        if given is None:
            return self
        changes = given.model_dump(exclude_none=True, exclude={"roles"})
        return self.model_copy(update=changes) if changes else self

    def _text_for(self, language: str) -> EventText | None:
        return next((text for code, text in self.text.items() if code == language), None)

    def role_label(self, language: str, role: str) -> str | None:
        """The organisers' label for `role` in `language`, if they gave one."""
        given = self._text_for(language)
        return None if given is None else given.roles.get(role)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        zone(value)
        return value

    @field_validator("starts_at", "registration_closes_at")
    @classmethod
    def _wall_clock(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            raise ValueError("give local wall-clock time without an offset; see `timezone`")
        return value

    @property
    def starts_utc(self) -> datetime:
        return local_to_utc(self.starts_at, self.timezone)

    @property
    def closes_utc(self) -> datetime:
        return local_to_utc(self.registration_closes_at or self.starts_at, self.timezone)


class SenderSection(BaseModel):
    rate_per_second: float = Field(default=25.0, gt=0)
    per_chat_interval: float = Field(default=1.0, ge=0)
    max_attempts: int = Field(default=5, ge=1)
    retry_backoff: float = Field(default=0.5, ge=0)  # first pause after a 5xx/timeout, doubling
    request_timeout: float = Field(default=20.0, gt=0)


class DeliverySection(BaseModel):
    # A reminder missed while the bot was down is still sent until this long after the start.
    catch_up_grace: Duration = timedelta(0)


class AttendanceSection(BaseModel):
    # Release the seats of offline attendees who did not answer "Still coming?" by
    # `deadline` before the start. Off by default: silence is not a "no".
    release_silent: bool = False
    deadline: Duration = timedelta(hours=3)


class PrivacySection(BaseModel):
    # Who collects the data (named in the consent notice) and how to reach them.
    controller: str = "the event's organisers"
    contact: str = ""
    # The notice's version: stored with each consent, so a changed notice is traceable.
    notice_version: str = "1"
    # Personal data of an event is erased this many days after its start (the organisers
    # are reminded the day before, with a button to export first).
    retain_days: int = Field(default=90, ge=1)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="REGBOT_", env_nested_delimiter="__", extra="forbid"
    )

    telegram: TelegramSection
    bot: BotSection = BotSection()
    storage: StorageSection = StorageSection()
    # One event as [event], or a series as [[events]] (both may be given).
    event: EventSection | None = None
    events: list[EventSection] = Field(default_factory=list)
    reminders: list[Reminder] = Field(default_factory=list)  # the default plan
    sender: SenderSection = SenderSection()
    delivery: DeliverySection = DeliverySection()
    attendance: AttendanceSection = AttendanceSection()
    privacy: PrivacySection = PrivacySection()

    @model_validator(mode="after")
    def _events_and_plans(self) -> Settings:
        check_plan(self.reminders, "[[reminders]]")
        given = self.all_events
        if not given:
            raise ValueError("no event: describe it in [event] (or several in [[events]])")
        if len(given) > 1 and any(e.id is None for e in given):
            raise ValueError("with several events, give each an `id` (used in its links)")
        slugs = [e.slug for e in given]
        if len(slugs) != len(set(slugs)):
            raise ValueError("two events have the same `id`")
        return self

    @property
    def all_events(self) -> list[EventSection]:
        return ([self.event] if self.event else []) + self.events

    def plan_for(self, event: EventSection) -> list[Reminder]:
        return self.reminders if event.reminders is None else event.reminders

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(path: Path, **overrides: Any) -> Settings:
    """Read `path` (which must exist) under the environment's overrides."""
    if not path.is_file():
        raise FileNotFoundError(path)
    bound = type("FileSettings", (Settings,), {
        "model_config": SettingsConfigDict(**{**Settings.model_config, "toml_file": path}),
    })
    settings: Settings = bound(**overrides)
    return settings
