"""Checks on what people type. Plain Python, so the rules are unit-tested without Telegram.

Each check returns the cleaned value or a `Problem` whose code names a catalog text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

NAME_MAX = 100
ORG_MAX = 150


@dataclass(frozen=True)
class Problem:
    code: str  # catalog key suffix: error-<code>
    limit: int = 0


_INVISIBLE = ("Cc", "Cf", "Co", "Cs")
JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ: part of emoji sequences and of some scripts' words


def _visible(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE


def _kept(raw: str, i: int) -> bool:
    """Control and format characters go (invisible, they break layouts), except a joiner
    between two visible characters ("👩\u200d💻", a word written with ZWNJ): one at either
    end, or in a run of invisible characters, goes too."""
    ch = raw[i]
    if ch in "\t\n\r" or unicodedata.category(ch) not in _INVISIBLE:
        return True
    return (ch in JOINERS and 0 < i < len(raw) - 1
            and _visible(raw[i - 1]) and _visible(raw[i + 1]))


def clean_text(raw: str | None, limit: int) -> str | Problem:
    """Drop control and format characters (but joiners inside a word), fold spaces."""
    if raw is None:
        return Problem("not-text")
    kept = "".join(" " if ch in "\t\n\r" else ch for i, ch in enumerate(raw)
                   if _kept(raw, i))
    text = " ".join(kept.split())
    if not text:
        return Problem("empty")
    if len(text) > limit:
        return Problem("too-long", limit)
    return text


# Phone numbers have 10 or more digits; names, even with a number in them, far fewer.
NAME_DIGITS_MAX = 6  # "+7 777 ABC 11 27" (8 digits) is a phone, not a name


def clean_name(raw: str | None) -> str | Problem:
    text = clean_text(raw, NAME_MAX)
    if isinstance(text, str) and not any(ch.isalpha() for ch in text):
        return Problem("name-letters")
    if isinstance(text, str) and sum(ch.isdigit() for ch in text) > NAME_DIGITS_MAX:
        return Problem("name-digits")
    if isinstance(text, str) and (problem := name_shape(text)) is not None:
        return problem
    return text


NAME_LETTERS_MIN = 2  # "J" is an initial, not a name the door list can find
# A link or a Telegram handle is not a name (spam, or a username typed by mistake).
_LINK = re.compile(r"(?i)(?:https?://|www\.|t\.me/|\b[\w-]+\.(?:com|ru|kz|org|net|io|me|info)\b)")
_HANDLE = re.compile(r"(?:^|\s)@\w")


def name_shape(text: str) -> Problem | None:
    """Issue 19: at least two letters, and no links or @handles."""
    if _LINK.search(text) or _HANDLE.search(text):
        return Problem("name-link")
    if sum(ch.isalpha() for ch in text) < NAME_LETTERS_MIN:
        return Problem("name-short")
    return None


def clean_organisation(raw: str | None) -> str | Problem:
    """Letters, as for a name: "1", "-" or "." is a key pressed to get past the question,
    and the list at the door would show it (the question says what to write if none)."""
    text = clean_text(raw, ORG_MAX)
    if isinstance(text, str) and sum(ch.isalpha() for ch in text) < NAME_LETTERS_MIN:
        return Problem("org-letters")
    return text


_PHONE_CHARS = re.compile(r"\+?[\d\s().-]+")


def clean_phone(raw: str | None) -> str | Problem:
    """Accept +7 777 397 11 27, 87773971127, (777) 397-11-27 ... and store '+digits'.
    The phone is optional, so an empty answer is 'not a phone' (the reply offers Skip)."""
    text = (raw or "").strip()
    digits = re.sub(r"\D", "", text)
    if not _PHONE_CHARS.fullmatch(text) or not 10 <= len(digits) <= 15:
        return Problem("phone")
    if len(digits) == 11 and digits.startswith("8") and not text.startswith("+"):
        digits = "7" + digits[1:]  # Kazakh/Russian trunk prefix 8 -> +7
    return "+" + digits
