"""The steps of /newevent and /editevent as plain Python (no Telegram): what each step
asks, how an answer is read, and the draft kept between steps (JSON in the FSM data)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.config import EventSection
from handlers.admin import rules

# In asking order; each is also the name of its state in handlers.admin.events.Draft.
STEPS = ("title", "when", "capacity", "venue", "zoom_id", "zoom_url", "stream_url")
LIMITS = {"title": 200, "venue": 300, "zoom_id": 64, "zoom_url": 500, "stream_url": 500}
OPTIONAL = frozenset({"zoom_url", "stream_url"})  # "-" leaves them empty
EMPTY = "-"
# The first form is the one the prompt shows; the second is how people here write dates.
WHEN_FORMATS = ("%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M")
FIELD = {"title": "title", "venue": "venue", "zoom_id": "zoom_conference_id",
         "zoom_url": "zoom_url", "stream_url": "stream_url"}


@dataclass(frozen=True)
class Bad:
    """Why an answer was refused: adm-ev-bad-<key> with these arguments."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)


def dump(info: EventSection) -> dict[str, Any]:
    return info.model_dump(mode="json")


def load(data: dict[str, Any]) -> EventSection:
    return EventSection.model_validate(data)


def next_step(step: str) -> str | None:
    """The step after this one; None after the last (the preview comes next)."""
    at = STEPS.index(step) + 1
    return STEPS[at] if at < len(STEPS) else None


def wall(info: EventSection) -> str:
    """The start as the organiser types it: '2027-03-20 18:00'."""
    return info.starts_at.strftime(WHEN_FORMATS[0])


def value(info: EventSection, step: str) -> str:
    """What a step holds now, as text ("" for an empty optional field)."""
    if step == "when":
        return wall(info)
    if step == "capacity":
        return str(info.offline_capacity)
    found = getattr(info, FIELD[step])
    return "" if found is None else str(found)


def parse(step: str, text: str, info: EventSection, now: datetime,
          seated: int = 0) -> dict[str, Any] | Bad:
    """The fields an answer sets, or why it is refused. `seated`: seats already given
    (an edited event's room may not shrink below them)."""
    text = text.strip()
    if step == "when":
        return _when(text, info, now)
    if step == "capacity":
        wanted = rules.parse_capacity(text)
        if wanted is None:
            return Bad("capacity", {"max": rules.MAX_CAPACITY})
        if wanted < seated:
            return Bad("taken", {"seated": seated, "capacity": wanted})
        return {"offline_capacity": wanted}
    if step in OPTIONAL and text == EMPTY:
        return {FIELD[step]: None}
    if not text:
        return Bad("empty")
    if len(text) > LIMITS[step]:
        return Bad("long", {"max": LIMITS[step], "length": len(text)})
    if step in OPTIONAL and not re.fullmatch(r"https?://\S+", text):
        return Bad("link")
    return {FIELD[step]: text}


def keep(step: str, info: EventSection, now: datetime, creating: bool) -> Bad | None:
    """A new event may not keep a start that has passed (it is a copy of an older one)."""
    if creating and step == "when" and info.starts_utc <= now:
        return Bad("past-kept")
    return None


def apply(info: EventSection, changes: dict[str, Any]) -> EventSection:
    """The draft with the changes, validated as the config's events are."""
    return load({**dump(info), **changes})


def _when(text: str, info: EventSection, now: datetime) -> dict[str, Any] | Bad:
    wall_clock = None
    for form in WHEN_FORMATS:
        try:
            wall_clock = datetime.strptime(text, form)
            break
        except ValueError:
            continue
    if wall_clock is None:
        return Bad("when")
    moved = info.model_copy(update={"starts_at": wall_clock})
    if moved.starts_utc <= now:
        return Bad("past")
    changes: dict[str, Any] = {"starts_at": wall_clock.isoformat()}
    if info.registration_closes_at is not None:
        # Registration closes as long before the start as it did.
        shift = wall_clock - info.starts_at
        changes["registration_closes_at"] = (info.registration_closes_at + shift).isoformat()
    return changes


def changed(base: EventSection, draft: EventSection) -> list[str]:
    """The steps whose value the draft changes."""
    return [step for step in STEPS if value(base, step) != value(draft, step)]
