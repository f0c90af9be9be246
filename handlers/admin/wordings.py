"""/form's question draft in every language, as plain Python (no Telegram): the organiser's
own wording, then each other language's (kk, ru, en; left out, that language's readers see
the main wording), kept as the config keeps them (`Question.text`), so the model checks a
draft exactly as it checks the config: a language with the wrong number of options is
refused there.

The draft is the question as JSON (the FSM keeps it between steps). Where the organiser's
own words go: the main wording, unless the question already has a version in their
language (a question another organiser wrote, or one from a copy); then that version, so
the main options, which stored answers name, stay as they are."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from core.i18n import LANGUAGES
from core.questions import LABEL_MAX, Question

EMPTY = "-"  # typed at another language's step: that language sees the main wording
CHOICES = ("choice", "multi")

Draft = dict[str, Any]


@dataclass(frozen=True)
class Bad:
    """Why a step's answer was refused: adm-form-bad-<key> with these arguments."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)


def others(own: str) -> tuple[str, ...]:
    """The languages asked after the organiser's own, in the catalogs' order."""
    return tuple(code for code in LANGUAGES if code != own)


def after(own: str, language: str | None) -> str | None:
    """The language asked after `language` (None: after the organiser's own); None when
    all are asked."""
    rest = others(own)
    at = 0 if language is None else rest.index(language) + 1
    return rest[at] if at < len(rest) else None


def has_options(draft: Draft) -> bool:
    return draft.get("kind") in CHOICES


def label(text: str) -> str | Bad:
    """A typed label: one to LABEL_MAX characters."""
    text = text.strip()
    return text if 0 < len(text) <= LABEL_MAX else Bad("label")


def options(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def start(question: Question | None, kind: str, qid: str, own: str) -> tuple[Draft, bool]:
    """The draft a new question (`question` None) or a reworded one starts from, and whether
    the organiser's words go into their language's version (see the module's note). A
    reworded question starts without the other languages: each is asked again (or kept)."""
    if question is None:
        return {"id": qid, "kind": kind}, False
    was = question.model_dump(mode="json")
    texts = was.pop("text")
    into_own = own in texts
    was["text"] = {own: texts[own]} if into_own else {}
    return was, into_own


def set_own(draft: Draft, own: str, into_own: bool, **given: Any) -> Draft:
    """The organiser's `label` or `options`, where their words go."""
    changed = copy.deepcopy(draft)
    if into_own:
        changed.setdefault("text", {}).setdefault(own, {}).update(given)
    else:
        changed.update(given)
    return changed


def set_other(draft: Draft, language: str, **given: Any) -> Draft:
    changed = copy.deepcopy(draft)
    changed.setdefault("text", {}).setdefault(language, {}).update(given)
    return changed


def drop(draft: Draft, language: str) -> Draft:
    """Leave `language` to the main wording."""
    changed = copy.deepcopy(draft)
    changed.get("text", {}).pop(language, None)
    return changed


def keep(draft: Draft, language: str, was: Draft | None) -> Draft:
    """A reworded question's `language` version as it was (none: the main wording)."""
    before = ((was or {}).get("text") or {}).get(language)
    if before is None:
        return drop(draft, language)
    changed = copy.deepcopy(draft)
    changed.setdefault("text", {})[language] = copy.deepcopy(before)
    return changed


def own_options(draft: Draft, own: str) -> list[str]:
    """The options as the organiser wrote them (their language's version, else the main
    ones): what the other languages translate, in this order."""
    given = ((draft.get("text") or {}).get(own) or {}).get("options")
    return [str(o) for o in given or draft.get("options") or []]


def check(draft: Draft, language: str | None = None) -> Question | Bad:
    """The draft as the model reads it, or why not: `language` names the version whose
    options were just given (None: the main options)."""
    try:
        return Question.model_validate(draft)
    except ValidationError:
        pass
    main = draft.get("options")
    if not has_options(draft) or main is None:
        return Bad("label")
    given = main if language is None else (draft.get("text", {}).get(language) or {}).get(
        "options")
    if language is not None and given is not None and len(given) != len(main):
        return Bad("count", {"count": len(main)})
    return Bad("options")


def current(was: Draft | None, language: str) -> dict[str, Any] | None:
    """A reworded question's version in `language` before the rewording, if it had one."""
    found = ((was or {}).get("text") or {}).get(language)
    return found if isinstance(found, dict) else None


def languages(question: Question) -> list[str]:
    """The languages given a wording of their own, in the catalogs' order."""
    return [code for code in LANGUAGES if code in question.text]
