"""Events as data. The config's events are synced into the database at start (the file
stays their source of truth); organisers add more from the chat. Everyone else asks this
service which events exist and what each says."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from core.config import EventSection, EventText, Reminder, Settings
from core.timeutil import Clock
from storage.events import EventRow, EventStore, Synced

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    id: int  # the database's; campaign keys and buttons use it
    slug: str  # the config's `id`; links use it
    source: str  # 'config' | 'chat'
    info: EventSection
    sequence: int  # raised when the time or the venue changes (calendar updates)
    version: int = 0  # raised by every change; cached copies may lag (Events.version reads it)

    @property
    def starts_utc(self) -> datetime:
        return self.info.starts_utc

    @property
    def closes_utc(self) -> datetime:
        return self.info.closes_utc

    @property
    def ends_utc(self) -> datetime:
        """An event is on from its start to its end (the start plus its duration)."""
        return self.info.starts_utc + self.info.duration

    @property
    def from_config(self) -> bool:
        return self.source == "config"

    def texts(self, language: str) -> EventSection:
        """The event as a reader of `language` sees it: every place that shows an event
        takes its texts from here (the rule is EventSection.in_language)."""
        return self.info.in_language(language)


@dataclass(frozen=True)
class Tally:
    """One event's numbers for the organisers' list of events."""

    capacity: int  # the room size in force (/capacity's, else the definition's)
    seated: int
    waitlisted: int
    online: int

    @property
    def active(self) -> int:
        return self.seated + self.waitlisted + self.online


def _event(row: EventRow) -> Event | None:
    if row.slug is None or row.definition in ("", "{}"):
        return None  # the placeholder for rows older than events, before adoption
    return Event(row.id, row.slug, row.source, EventSection.model_validate_json(row.definition),
                 row.sequence, row.version)


class Events:
    def __init__(self, store: EventStore, settings: Settings, clock: Clock) -> None:
        self.store, self.settings, self.clock = store, settings, clock
        self._cache: list[Event] | None = None  # this process writes every change itself

    async def sync(self) -> list[Synced]:
        """At start: create or update the config's events by id. The first adopts the rows
        kept from before events existed (one event, as the bot ran until then)."""
        done = []
        for index, info in enumerate(self.settings.all_events):
            synced = await self.store.sync(
                info.slug, info.model_dump_json(), info.starts_utc, info.offline_capacity,
                self.clock(), adopt=index == 0)
            if synced.override_cleared:
                log.warning("event %s: the config's room size changed to %d; the size set "
                            "with /capacity no longer applies", info.slug,
                            info.offline_capacity)
            done.append(synced)
        self._cache = None
        return done

    async def all(self) -> list[Event]:
        """Every event, the earliest first."""
        if self._cache is None:
            self._cache = [e for row in await self.store.all() if (e := _event(row))]
        return self._cache

    async def get(self, event_id: int) -> Event | None:
        return next((e for e in await self.all() if e.id == event_id), None)

    async def by_slug(self, slug: str) -> Event | None:
        return next((e for e in await self.all() if e.slug == slug), None)

    async def upcoming(self) -> list[Event]:
        """Events that have not started yet, the soonest first."""
        now = self.clock()
        return [e for e in await self.all() if e.starts_utc > now]

    async def not_over(self) -> list[Event]:
        """Events on now or still to come, the soonest first."""
        now = self.clock()
        return [e for e in await self.all() if e.ends_utc > now]

    async def latest_past(self) -> Event | None:
        now = self.clock()
        past = [e for e in await self.all() if e.starts_utc <= now]
        return past[-1] if past else None

    async def current_for(self, admin_id: int) -> Event:
        """The event an organiser works on: chosen with /events, else the next one to
        start, else the latest."""
        chosen = await self.store.current_of(admin_id)
        if chosen is not None and (event := await self.get(chosen)):
            return event
        upcoming = await self.upcoming()
        if upcoming:
            return upcoming[0]
        latest = await self.latest_past()
        if latest is None:  # sync() always makes one: the config has at least one
            raise LookupError("no events")
        return latest

    async def choose(self, admin_id: int, event: Event) -> None:
        await self.store.choose(admin_id, event.id)

    async def tallies(self) -> dict[int, Tally]:
        """Every event's room and active registrations (the counts in one query)."""
        counts = await self.store.counts()
        return {row.id: Tally(row.room_size, *counts.get(row.id, (0, 0, 0)))
                for row in await self.store.all()}

    def plan(self, event: Event) -> list[Reminder]:
        """The event's own reminders if it has them, else the config's default plan."""
        return self.settings.plan_for(event.info)

    async def create(self, info: EventSection) -> Event:
        """A new event from the chat; its id is made from its date, unique."""
        slug = await self.free_slug(info)
        info = info.model_copy(update={"id": slug})
        row = await self.store.create(slug, info.model_dump_json(), info.starts_utc,
                                      info.offline_capacity, self.clock())
        self._cache = None
        event = _event(row)
        if event is None:
            raise LookupError(slug)
        return event

    async def version(self, event_id: int) -> tuple[int, int] | None:
        """The event's version and room size as stored now (not the cached copy: /capacity,
        /close and /open raise the version without going through this cache)."""
        row = await self.store.get(event_id)
        return None if row is None else (row.version, row.room_size)

    def forget(self) -> None:
        """An event changed in a transaction of its own: read them again."""
        self._cache = None

    async def free_slug(self, info: EventSection) -> str:
        base = _ascii_words(info.title)[:20].strip("-") or "event"
        base = f"{base}-{info.starts_at:%Y-%m-%d}"
        taken = {e.slug for e in await self.all()}
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug


# The texts a language's version may give instead of the plain (organiser's) ones.
TRANSLATABLE = ("title", "venue", "address", "organisers", "agenda")


def fresh_copy(info: EventSection, language: str) -> EventSection:
    """The start of a new event made from another by an organiser writing in `language`:
    its facts in that language (what the organiser reads is what the new event's plain
    texts become), never its translations (they describe the other event: its title, its
    building) nor its agenda (the other event's questions)."""
    own = as_written_by(info, language)
    return own.model_copy(update={"id": None, "text": {}, "agenda": []})


def as_written_by(info: EventSection, language: str) -> EventSection:
    """The event as an organiser writing in `language` edits it: that language's version
    becomes the plain texts (what its readers see is what the organiser sees and changes)."""
    own = info.text.get(language)  # type: ignore[call-overload]
    if own is None:
        return info
    changes = own.model_dump(exclude_none=True, exclude={"roles"})
    rest: dict[str, EventText] = {code: text for code, text in info.text.items()
                                  if code != language}
    if own.roles:
        rest[language] = own.model_copy(update=dict.fromkeys(TRANSLATABLE))
    return info.model_copy(update={**changes, "text": rest})


def settle_texts(old: EventSection, new: EventSection) -> EventSection:
    """One rule for an edit: a language's version of a text the organiser changed is
    dropped (that language falls back to the new text) unless the edit gave it anew, so
    no reader keeps the old title or building after a change."""
    texts = {}
    for code, given in new.text.items():
        before = old.text.get(code)
        stale = {name: None for name in TRANSLATABLE
                 if getattr(new, name) != getattr(old, name)
                 and getattr(given, name) is not None and before is not None
                 and getattr(before, name) == getattr(given, name)}
        kept = given.model_copy(update=stale) if stale else given
        if kept.model_dump(exclude_none=True, exclude_defaults=True):
            texts[code] = kept
    return new.model_copy(update={"text": texts})


def _ascii_words(text: str) -> str:
    """"Round table: migration" -> "round-table-migration"; non-Latin titles give ""."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
