"""Settings: a TOML file with REGBOT_<SECTION>__<KEY> environment overrides.

Every key is documented in config.example.toml; the next event edits only that file."""

from __future__ import annotations

import codecs
import difflib
import re
import tomllib
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from core.questions import FormModel, Question, check_form
from core.roles import ROLES
from core.timeutil import Duration, local_to_utc, zone

# The audience rule lives with the ledger (storage may not import bot); re-exported here
# because [[reminders]] `audience` is one of its values.
from storage.models import Audience as Audience

TOKEN_PATTERN = r"^\d+:[\w-]{1,}$"
ADMIN_HELP = (
    "{item!r} is not a numeric Telegram user id (usernames cannot be used: they change and "
    "the bot cannot look them up). Send /id to the bot from the organiser's account: it "
    "answers with the numeric id and the line to paste, e.g. admins = [123456789]"
)
DATE_ONLY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")
# How people here write a date and time: 12.11.2026 17:00, 12/11/2026 17:00.
LOCAL_DATE = re.compile(
    r"\s*(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?:[ T,]+(?P<hm>\d{1,2}:\d{2}))?\s*")
# A zone written as an offset: UTC+5, GMT+05:00, +5, UTC-3:30.
OFFSET_ZONE = re.compile(r"\s*(?:UTC|GMT)?\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?\s*",
                         re.IGNORECASE)


class Section(BaseModel):
    # A key the bot does not know is a typo until proven otherwise: silently ignoring
    # `zoom_link` or `release_silnt` would run the event without them.
    model_config = ConfigDict(extra="forbid")


# .env.example's token: copied but not yet replaced.
PLACEHOLDER_TOKEN = ":replace-with-your-token"


class TelegramSection(Section):
    token: SecretStr = Field(description="from @BotFather; prefer the environment")
    api_base: str = "https://api.telegram.org"
    admins: list[int] = Field(default_factory=list)
    # Tries to reach the Bot API at start before giving up (0: keep trying, with pauses
    # doubling up to a minute: a bot started before the network is up comes up with it).
    start_attempts: int = Field(default=0, ge=0)

    @field_validator("token", mode="before")
    @classmethod
    def _trim(cls, value: Any) -> Any:
        # A token pasted with a space or a newline around it is still the token.
        return value.strip() if isinstance(value, str) else value

    @field_validator("admins", mode="before")
    @classmethod
    def _numeric_ids(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        ids = []
        for item in value:
            if isinstance(item, str):
                text = item.strip()
                if not re.fullmatch(r"-?\d+", text):
                    raise ValueError(ADMIN_HELP.format(item=item))
                ids.append(int(text))
            else:
                ids.append(item)
        return ids

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        if value.get_secret_value().endswith(PLACEHOLDER_TOKEN):
            raise ValueError("is still the placeholder from .env.example: paste the token "
                             "@BotFather gave you (/newbot, or /token for an existing bot)")
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


# The languages the bot speaks (core/locales/<code>); kept here as a type so a config naming
# another one fails at start, not at the first message.
Language = Literal["kk", "ru", "en"]


class BotSection(Section):
    # For people whose Telegram language is none of ours (or unknown), until they choose
    # one with /language.
    default_language: Language = "ru"


class StorageSection(Section):
    path: Path = Path("data/regbot.sqlite3")
    # How long one write waits for another process's write lock before trying again
    # (three more times) and then telling the person "temporary problem, try again".
    busy_timeout: Duration = timedelta(seconds=30)


class Reminder(Section):
    before: Duration
    audience: Audience = Audience.ALL
    # Offline attendees get "Still coming?" Yes / No buttons with this reminder.
    ask_attendance: bool = False

    @field_validator("audience")
    @classmethod
    def _before_the_start(cls, value: Audience) -> Audience:
        # Who came is known only after the start: a reminder to them would reach nobody.
        if value.came is not None:
            raise ValueError(f"a reminder goes before the start, so `{value.value}` reaches"
                             " nobody: use [[event.followups]] (after the end) for it")
        return value

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


class EventText(Section):
    """One language's version of an event's texts ([event.text.kk] ...); a key left out
    falls back to the event's plain key."""

    title: str | None = None
    venue: str | None = None
    address: str | None = None
    organisers: str | None = None
    agenda: list[str] | None = None
    # Role labels by role code (ngo, state, research, migrant, media, other); a role left
    # out keeps the catalog's label.
    roles: dict[str, str] = Field(default_factory=dict)


class FollowupText(Section):
    """One language's version of a follow-up ([event.followups.translations.kk]); a key
    left out falls back to the follow-up's plain one. (Not `text.kk`: TOML cannot make
    `text` both the plain string and a table.)"""

    text: str | None = None
    link: str | None = None


class Followup(Section):
    """A message after the event ([[event.followups]]): `after` its end (the start plus
    `duration`), to `audience`, in each reader's language."""

    after: Duration
    audience: Audience = Audience.ALL
    text: str = Field(min_length=1)
    link: str | None = None
    translations: dict[Language, FollowupText] = Field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable id for its campaign: the same config gives the same key."""
        return f"{int(self.after.total_seconds())}s-{self.audience.value}"

    def in_language(self, language: str) -> tuple[str, str | None]:
        """(text, link) as a reader of `language` gets them."""
        given = next((v for k, v in self.translations.items() if k == language), None)
        if given is None:
            return self.text, self.link
        return given.text or self.text, given.link or self.link


class FeedbackSection(Section):
    """[event.feedback]: a 1-5 poll to those who came, then "What should we change?"."""

    enabled: bool = True
    after: Duration = timedelta(minutes=30)  # after the end


class EventSection(Section):
    id: str | None = None
    title: str
    starts_at: datetime  # local wall-clock time in `timezone`
    timezone: str = "Asia/Almaty"
    offline_capacity: int = Field(ge=0)
    venue: str
    contact_phone: str
    zoom_conference_id: str
    # Told to online participants (their registration, reminders), not on the public card.
    zoom_passcode: str | None = None
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
    # The event's own questions ([[event.questions]], core/questions.py) and the order of
    # the whole form (default: name, org, role, phone, then the questions in order).
    questions: list[Question] = Field(default_factory=list)
    form: list[str] | None = None
    # Registrations wait for an organiser's Approve / Decline.
    approval: bool = False
    # The role question's options (codes; labels per language in [event.text.<lang>] roles,
    # else the catalog's for the six default codes). Absent: the six default roles.
    roles: list[str] | None = None

    @field_validator("roles")
    @classmethod
    def _role_codes(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        if len(value) < 2 or len(set(value)) != len(value):
            raise ValueError("give two or more different role codes, e.g. "
                             '["student", "teacher", "other"]')
        bad = [code for code in value if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,29}", code)]
        if bad:
            raise ValueError(f"role code {bad[0]!r}: use 1-30 lowercase letters, digits and "
                             "'-' (the labels go in [event.text.<language>] roles)")
        return value

    @property
    def role_codes(self) -> tuple[str, ...]:
        return tuple(self.roles) if self.roles else ROLES
    # Messages after the end ([[event.followups]]), each once per person.
    followups: list[Followup] = Field(default_factory=list)
    # The feedback poll; absent: on (30 minutes after the end) when there are follow-ups.
    feedback: FeedbackSection | None = None
    # A PDF certificate of attendance, verifiable by its link, to each who came.
    certificates: bool = False

    @field_validator("followups")
    @classmethod
    def _distinct_followups(cls, value: list[Followup]) -> list[Followup]:
        keys = [f.key for f in value]
        if len(keys) != len(set(keys)):
            raise ValueError("two follow-ups of this event have the same `after` and "
                             "`audience`: merge their texts into one")
        return value

    @property
    def ends_utc(self) -> datetime:
        return self.starts_utc + self.duration

    @property
    def feedback_after(self) -> timedelta | None:
        """How long after the end the poll goes out; None: no poll."""
        if self.feedback is None:
            return FeedbackSection().after if self.followups else None
        return self.feedback.after if self.feedback.enabled else None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(SLUG_PATTERN, value):
            raise ValueError("use 2-40 lowercase letters, digits and '-' (it is part of the "
                             "event's links), e.g. \"roundtable-2027-03\"")
        return value

    @field_validator("title", "venue", "contact_phone", "zoom_conference_id")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        # A blank title is a card with an empty heading: refused like a missing key.
        if not value.strip():
            raise ValueError("is empty: write the text people should see (in quotes)")
        return value

    @field_validator("reminders")
    @classmethod
    def _plan(cls, value: list[Reminder] | None) -> list[Reminder] | None:
        if value is not None:
            check_plan(value, "this event's reminders")
        return value

    @model_validator(mode="after")
    def _form(self) -> EventSection:
        check_form(self.questions, self.form, f"event {self.slug!r}")
        return self

    @property
    def slug(self) -> str:
        return self.id or DEFAULT_SLUG

    @property
    def form_model(self) -> FormModel:
        return FormModel.of(self.questions, self.form)

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
        try:
            zone(value)
        except ValueError:
            offset = OFFSET_ZONE.fullmatch(value)
            if offset is not None:
                raise ValueError(offset_help(value, offset)) from None
            close = closest_zones(value)
            hint = (f": did you mean {' or '.join(repr(z) for z in close)}?" if close
                    else " (IANA names look like 'Asia/Almaty' or 'Europe/Berlin')")
            raise ValueError(f"unknown time zone {value!r}{hint}") from None
        return value

    @field_validator("starts_at", "registration_closes_at", mode="before")
    @classmethod
    def _with_time(cls, value: Any) -> Any:
        # pydantic would read a bare date as midnight: an event at 00:00 is never meant.
        if ((isinstance(value, date) and not isinstance(value, datetime))
                or (isinstance(value, str) and DATE_ONLY.fullmatch(value))):
            raise ValueError(f"{value} has no time of day: give the local start time too, "
                             f"e.g. {str(value).strip()}T18:00:00")
        local = LOCAL_DATE.fullmatch(value) if isinstance(value, str) else None
        if local is not None:
            hm = local["hm"] or "18:00"
            hour, minute = hm.split(":")
            form = (f"{local['y']}-{int(local['m']):02d}-{int(local['d']):02d}"
                    f"T{int(hour):02d}:{minute}:00")
            raise ValueError(f"write {value.strip()!r} as {form} (year-month-day, the local "
                             "time, no quotes)")
        return value

    @model_validator(mode="after")
    def _closes_before_start(self) -> EventSection:
        if self.registration_closes_at is not None and self.registration_closes_at > self.starts_at:
            raise ValueError(
                f"registration_closes_at ({self.registration_closes_at:%Y-%m-%d %H:%M}) is after "
                f"starts_at ({self.starts_at:%Y-%m-%d %H:%M}): registration closes at the start "
                "at the latest (leave registration_closes_at out to close at the start)")
        return self

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


class SenderSection(Section):
    # Under Telegram's ~30/s; the Pacer adds 2 % for network jitter.
    rate_per_second: float = Field(default=29.0, gt=0)
    per_chat_interval: float = Field(default=1.0, ge=0)
    max_attempts: int = Field(default=5, ge=1)
    retry_backoff: float = Field(default=0.5, ge=0)  # first pause after a 5xx/timeout, doubling
    request_timeout: float = Field(default=20.0, gt=0)


class DeliverySection(Section):
    # A reminder missed while the bot was down is still sent until this long after the start.
    catch_up_grace: Duration = timedelta(0)


class AttendanceSection(Section):
    # Release the seats of offline attendees who did not answer "Still coming?" by
    # `deadline` before the start. Off by default: silence is not a "no".
    release_silent: bool = False
    deadline: Duration = timedelta(hours=3)


class PrivacyText(Section):
    """One language's controller and contact ([privacy.text.kk] ...): the notice quotes
    them, so each reader's notice stays in one language."""

    controller: str | None = None
    contact: str | None = None


class PrivacySection(Section):
    # Who collects the data (named in the consent notice) and how to reach them.
    # Left out: the event's organisers, in the reader's language ([event] organisers and
    # [event.text.<language>] organisers), so the notice keeps to one language.
    controller: str | None = None
    contact: str = ""
    text: dict[Language, PrivacyText] = Field(default_factory=dict)
    # The notice's version: stored with each consent, so a changed notice is traceable.
    notice_version: str = "1"
    # Personal data of an event is erased this many days after its start (the organisers
    # are reminded the day before, with a button to export first).
    retain_days: int = Field(default=90, ge=1)
    # An unfinished form (name, organisation, phone typed, never confirmed) is erased this
    # long after its last answer, and in any case with its event's retention.
    form_expiry: Duration = timedelta(days=7)


class LoggingSection(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # "json": one object per line, for a log collector; "text" for people.
    format: Literal["text", "json"] = "text"

    @field_validator("level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value


# Telegram accepts 1-256 of these in X-Telegram-Bot-Api-Secret-Token.
WEBHOOK_SECRET_PATTERN = r"[A-Za-z0-9_-]{1,256}"
WEBHOOK_SECRET_MIN = 16  # ours: shorter is guessable
HEALTH_PATH = "/healthz"


class WebhookSection(Section):
    """Webhook mode: set `url` to receive updates over HTTPS instead of polling."""

    # The public HTTPS address Telegram calls (e.g. behind a reverse proxy); its path is
    # where the bot listens. Absent: the bot polls (the default).
    url: str | None = None
    # Telegram sends it with every update; a request without it is refused (401). Required
    # with `url`; keep it out of the file: REGBOT_WEBHOOK__SECRET.
    secret: SecretStr | None = None
    listen_host: str = "127.0.0.1"
    listen_port: int = Field(default=8080, ge=1, le=65535)

    @field_validator("url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from urllib.parse import urlsplit

        value = value.strip()
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname or any(c.isspace() for c in value):
            raise ValueError("must be the public https:// address Telegram calls, e.g. "
                             "https://bot.example.org/telegram")
        if (parts.path or "/") == HEALTH_PATH:
            raise ValueError(f"{HEALTH_PATH} is the health check: choose another path")
        return value

    @field_validator("secret", mode="before")
    @classmethod
    def _trim(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    @field_validator("secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < WEBHOOK_SECRET_MIN:
            raise ValueError(f"is too short: use at least {WEBHOOK_SECRET_MIN} characters (a "
                             "short one can be guessed), e.g. from: python -c 'import "
                             "secrets; print(secrets.token_urlsafe(32))'")
        if value is not None and not re.fullmatch(WEBHOOK_SECRET_PATTERN,
                                                  value.get_secret_value()):
            raise ValueError("use 1-256 letters, digits, '_' and '-' (Telegram's rule), e.g. "
                             "from: python -c 'import secrets; print(secrets.token_urlsafe(32))'")
        return value

    @model_validator(mode="after")
    def _secret_with_url(self) -> WebhookSection:
        if self.url is not None and self.secret is None:
            raise ValueError("webhook mode needs a secret: set REGBOT_WEBHOOK__SECRET (or "
                             "`secret` under [webhook]) so that only Telegram can send updates")
        return self

    @property
    def path(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.url or "").path or "/"


def check_role_labels(event: EventSection, table: str) -> None:
    """An event's own role needs a label in every language the bot speaks: without one, a
    reader of that language would see the bare code ("student"). The six default roles have
    the catalogs' labels. (The config's check only: events stored earlier still load.)"""
    for code in event.role_codes:
        if code in ROLES:
            continue
        for language in get_args(Language):
            if not event.role_label(language, code):
                section = f"[{table.strip('[]')}.text.{language}]"
                raise ValueError(
                    f"role `{code}` of event {event.slug!r} has no {language} label: add"
                    f' roles = {{ {code} = "..." }} under {section} (readers of each'
                    " language see the roles in it)")


class Settings(BaseSettings):
    # `.env` in the working directory is read too (for the token, like docker compose's
    # env_file), but real environment variables win over it.
    model_config = SettingsConfigDict(
        env_prefix="REGBOT_", env_nested_delimiter="__", extra="forbid",
        env_file=".env", env_file_encoding="utf-8",
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


    logging: LoggingSection = LoggingSection()
    webhook: WebhookSection = WebhookSection()

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
        for event in given:
            check_role_labels(event, "[event]" if event is self.event else "[[events]]")
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
        # Order is precedence: the environment, then .env, then the TOML file.
        return (init_settings, env_settings, OwnDotEnv(settings_cls), FriendlyToml(settings_cls))


class OwnDotEnv(DotEnvSettingsSource):
    """`.env` lines for other programs (compose's, TZ, ...) share the file: only REGBOT_*
    ones are ours. (pydantic-settings would hand the others to the model, where the strict
    config refuses them.) A REGBOT_ line with a typo is still refused."""

    def __call__(self) -> dict[str, Any]:
        prefix = (self.env_prefix or "").lower()
        fields = self.settings_cls.model_fields
        return {key: value for key, value in super().__call__().items()
                if key in fields or key.lower().startswith(prefix)}


# TOML requires seconds in a time ("2027-03-20 18:00" is a syntax error there), but that is
# the likeliest way to write it: a value that is a date and an hour:minute is completed.
_NO_SECONDS = re.compile(
    r"^(?P<key>[ \t]*[\w.\"'-]+[ \t]*=[ \t]*)(?P<day>\d{4}-\d{2}-\d{2})[Tt ](?P<hm>\d{2}:\d{2})"
    r"(?P<rest>[ \t]*(#.*)?)$", re.MULTILINE)
TOML_HELP = (
    "TOML syntax: text in quotes (venue = \"DKU\"), dates and times without quotes "
    "(starts_at = 2027-03-20T18:00:00), lists in brackets (admins = [123456789])"
)


def complete_times(text: str) -> str:
    return _NO_SECONDS.sub(r"\g<key>\g<day>T\g<hm>:00\g<rest>", text)


class TomlSyntaxError(ValueError):
    pass


def not_utf8(raw: bytes, exc: UnicodeDecodeError) -> str:
    """A file saved in a legacy code page (cp1251 is common here): say where and how to fix."""
    line = raw[:exc.start].count(b"\n") + 1
    return (f"the file is not saved as UTF-8 (line {line} has a character in another "
            "encoding, such as Windows-1251). Save it as UTF-8: in Notepad, File → Save as"
            " → Encoding: UTF-8")


class FriendlyToml(TomlConfigSettingsSource):
    def _read_file(self, file_path: Any) -> dict[str, Any]:
        with file_path.open(mode="rb") as fh:
            raw = fh.read()
        try:
            # utf-8-sig: Windows Notepad may save UTF-8 with a byte-order mark in front;
            # "Unicode" in its Save as is UTF-16, which says so by its own mark.
            utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            text = raw.decode("utf-16" if utf16 else "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TomlSyntaxError(not_utf8(raw, exc)) from None
        try:
            data: dict[str, Any] = tomllib.loads(complete_times(text))
        except tomllib.TOMLDecodeError as exc:
            raise TomlSyntaxError(f"{exc}. {TOML_HELP}") from None
        return data


@cache
def _zone_names() -> tuple[str, ...]:
    from zoneinfo import available_timezones

    return tuple(sorted(available_timezones()))


# Offered first for an offset, where the bot's events are (Almaty has been UTC+5 since 2024).
PREFERRED_ZONES = ("Asia/Almaty", "Asia/Tashkent", "Asia/Bishkek", "Europe/Moscow",
                   "Europe/Berlin", "Europe/London")


def zones_at(offset: timedelta, limit: int = 3) -> list[str]:
    """IANA zones whose offset is `offset` now (never one with another offset)."""
    from zoneinfo import ZoneInfo

    now = datetime.now(ZoneInfo("UTC"))
    names = [*PREFERRED_ZONES, *(z for z in _zone_names()
                                 if z.startswith(("Asia/", "Europe/", "America/", "Africa/",
                                                  "Australia/", "Pacific/", "Atlantic/",
                                                  "Indian/")))]
    found = [z for z in dict.fromkeys(names) if now.astimezone(ZoneInfo(z)).utcoffset() == offset]
    return found[:limit]


def offset_help(value: str, offset: re.Match[str]) -> str:
    minutes = int(offset["h"]) * 60 + int(offset["m"] or 0)
    delta = timedelta(minutes=minutes if offset["sign"] == "+" else -minutes)
    close = zones_at(delta)
    hint = (f"e.g. {' or '.join(repr(z) for z in close)}" if close
            else "e.g. 'Asia/Almaty' or 'Europe/Berlin'")
    return (f"{value!r} is an offset, not a time zone: give the IANA name of the place, "
            f"which follows its clock changes ({hint})")


def closest_zones(name: str, limit: int = 3) -> list[str]:
    """IANA names close to a typo: "Almaty" -> Asia/Almaty, "Europe/Berln" -> Europe/Berlin."""
    wanted = name.strip().lower().replace(" ", "_")
    names = _zone_names()
    by_city = [z for z in names if z.lower().rsplit("/", 1)[-1] == wanted]
    if by_city:
        return by_city[:limit]
    lowered = {z.lower(): z for z in names}
    cities = {z.lower().rsplit("/", 1)[-1]: z for z in names}
    found = [lowered[m] for m in difflib.get_close_matches(wanted, lowered, limit, 0.75)]
    found += [cities[m] for m in difflib.get_close_matches(wanted, cities, limit, 0.75)]
    return list(dict.fromkeys(found))[:limit]


def load_settings(path: Path, **overrides: Any) -> Settings:
    """Read `path` (which must exist) under the environment's overrides."""
    if not path.is_file():
        raise FileNotFoundError(path)
    bound = type("FileSettings", (Settings,), {
        "model_config": SettingsConfigDict(**{**Settings.model_config, "toml_file": path}),
    })
    settings: Settings = bound(**overrides)
    return settings
