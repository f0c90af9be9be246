"""The steps of /newevent and /editevent as plain Python (no Telegram): what each step
asks, how an answer is read, and the draft kept between steps (JSON in the FSM data)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.config import EventSection, EventText
from core.i18n import LANGUAGES, NAMES
from handlers.admin import rules

# In asking order; each is also the name of its state in handlers.admin.events.Draft.
# The plain fields are the organiser's own language; text_<code> asks another language's
# title, venue and address (left out: that language falls back to the organiser's text).
TEXT_STEPS = tuple(f"text_{code}" for code in LANGUAGES)
STEPS = ("title", "when", "capacity", "approval", "venue", "address", "organisers", "agenda",
         "zoom_id", "zoom_passcode", "zoom_url", "stream_url", *TEXT_STEPS)
LIMITS = {"title": 200, "venue": 300, "address": 300, "organisers": 300, "agenda": 2000,
          "zoom_id": 64, "zoom_passcode": 64, "zoom_url": 500, "stream_url": 500,
          **{step: 800 for step in TEXT_STEPS}}
# "-" leaves them empty (a language's texts: that language falls back to the organiser's).
OPTIONAL = frozenset({"address", "organisers", "agenda", "zoom_passcode", "zoom_url",
                      "stream_url", *TEXT_STEPS})
LINKS = frozenset({"zoom_url", "stream_url"})
TRANSLATED = ("title", "venue", "address")  # a text_<code> answer's lines, in this order
EMPTY = "-"
# Approval is answered with its two buttons, or typed: these words, in any of the three
# languages (an organiser writing Kazakh often types Russian), case and a final stop aside.
YES = frozenset({"yes", "y", "да", "д", "иә", "ия", "иа", "йә"})
NO = frozenset({"no", "n", "нет", "н", "жоқ", "жок"})
# The value() of the approval step: the keys adm-ev-approval-on / -off show it.
ON, OFF = "on", "off"
# The first form is the one the prompt shows; the second is how people here write dates.
WHEN_FORMATS = ("%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M")
FIELD = {"title": "title", "venue": "venue", "address": "address", "organisers": "organisers",
         "zoom_id": "zoom_conference_id", "zoom_passcode": "zoom_passcode",
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


def steps(own: str) -> tuple[str, ...]:
    """The steps an organiser writing in `own` is asked: every other language is offered."""
    return tuple(step for step in STEPS if step != f"text_{own}")


def next_step(step: str, own: str) -> str | None:
    """The step after this one; None after the last (the preview comes next)."""
    asked = steps(own)
    at = asked.index(step) + 1
    return asked[at] if at < len(asked) else None


def text_language(step: str) -> str | None:
    """'text_ru' -> 'ru'; None for the plain steps."""
    return step.removeprefix("text_") if step in TEXT_STEPS else None


def wall(info: EventSection) -> str:
    """The start as the organiser types it: '2027-03-20 18:00'."""
    return info.starts_at.strftime(WHEN_FORMATS[0])


def value(info: EventSection, step: str) -> str:
    """What a step holds now, as text ("" for an empty optional field)."""
    if step == "when":
        return wall(info)
    if step == "capacity":
        return str(info.offline_capacity)
    if step == "approval":
        return ON if info.approval else OFF
    if step == "agenda":
        return "\n".join(info.agenda)
    language = text_language(step)
    if language is not None:
        given = info.text.get(language)  # type: ignore[call-overload]
        if given is None:
            return ""
        lines = [getattr(given, name) or EMPTY for name in TRANSLATED]
        while lines and lines[-1] == EMPTY:
            lines.pop()
        return "\n".join(lines)
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
    if step == "approval":
        word = text.lower().rstrip(".!")
        if word in YES or word in NO:
            return {"approval": word in YES}
        return Bad("approval")
    language = text_language(step)
    if step in OPTIONAL and text == EMPTY:
        if language is not None:
            return {"text": _without(info, language)}
        return {"agenda": []} if step == "agenda" else {
            FIELD[step]: "" if step == "organisers" else None}
    if not text:
        return Bad("empty")
    if len(text) > LIMITS[step]:
        return Bad("long", {"max": LIMITS[step], "length": len(text)})
    if step in LINKS and not re.fullmatch(r"https?://\S+", text):
        return Bad("link")
    if step == "agenda":
        return {"agenda": [line.strip() for line in text.splitlines() if line.strip()]}
    if language is not None:
        return _translation(info, language, text)
    return {FIELD[step]: text}


def _without(info: EventSection, language: str) -> dict[str, Any]:
    return {code: given.model_dump(mode="json") for code, given in info.text.items()
            if code != language}


def _translation(info: EventSection, language: str, text: str) -> dict[str, Any] | Bad:
    """Up to three lines: title, venue, address; "-" (or nothing) lets one fall back."""
    lines = [line.strip() for line in text.splitlines()]
    if len(lines) > len(TRANSLATED):
        return Bad("lines", {"max": len(TRANSLATED)})
    given = {name: line for name, line in zip(TRANSLATED, lines, strict=False)
             if line and line != EMPTY}
    for name, line in given.items():
        if len(line) > LIMITS[name]:
            return Bad("long", {"max": LIMITS[name], "length": len(line)})
    texts = _without(info, language)
    old = info.text.get(language)  # type: ignore[call-overload]
    kept = old.model_dump(mode="json", exclude=set(TRANSLATED)) if old else {}
    if given or any(kept.values()):
        texts[language] = EventText.model_validate({**kept, **given}).model_dump(mode="json")
    return {"text": texts}


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


def prompt_key(step: str) -> tuple[str, dict[str, str]]:
    """The catalog key asking this step, and its arguments."""
    language = text_language(step)
    if language is None:
        return f"adm-ev-ask-{step}", {}
    return "adm-ev-ask-text", {"language": NAMES[language]}


def field_key(step: str) -> tuple[str, dict[str, str]]:
    """The preview's name of this step, and its arguments."""
    language = text_language(step)
    if language is None:
        return f"adm-ev-field-{step}", {}
    return "adm-ev-field-text", {"language": NAMES[language]}
