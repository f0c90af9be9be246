"""What people type: the rules behind the form's answers."""

from __future__ import annotations

import pytest

from core.validation import (
    NAME_MAX,
    ORG_MAX,
    Problem,
    clean_name,
    clean_organisation,
    clean_phone,
    clean_text,
)


@pytest.mark.parametrize(("raw", "clean"), [
    ("  Alice   Smith ", "Alice Smith"),
    ("Alice\nSmith\t", "Alice Smith"),
    ("Ali\x00ce\u202e Sm\u200bith", "Alice Smith"),  # control and bidi/zero-width marks
    ("Айгерим Нурланова", "Айгерим Нурланова"),
    ("O'Brien-Smith, Jr.", "O'Brien-Smith, Jr."),
    ("<b>Eve</b>", "<b>Eve</b>"),  # kept as typed; escaped when shown
    ("A" * NAME_MAX, "A" * NAME_MAX),
])
def test_names_are_cleaned(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(("raw", "code"), [
    (None, "not-text"), ("", "empty"), ("   \n\t", "empty"), ("\x00\x07\x1b\x7f", "empty"),
    ("\u200b\u200d\u2060", "empty"), ("A" * (NAME_MAX + 1), "too-long"), ("12345", "name-letters"),
    ("!!! ???", "name-letters"),
    # Issue 19, finding 9: at least two letters, no links or @handles.
    ("J", "name-short"), ("J.", "name-short"), ("https://spam.example.com", "name-link"),
    ("www.spam.kz", "name-link"), ("@spammer", "name-link"), ("Bob t.me/spam", "name-link"),
])
def test_bad_names_are_refused(raw: str | None, code: str) -> None:
    problem = clean_name(raw)
    assert isinstance(problem, Problem) and problem.code == code


def test_limits_are_reported() -> None:
    assert clean_name("x" * 500) == Problem("too-long", NAME_MAX)
    assert clean_organisation("x" * 500) == Problem("too-long", ORG_MAX)
    assert clean_organisation("x" * ORG_MAX) == "x" * ORG_MAX
    assert clean_organisation("private person") == "private person"
    assert clean_text("a\u0085b", 10) == "ab"  # NEL is a control character


@pytest.mark.parametrize(("raw", "clean"), [
    ("+7 777 397 11 27", "+77773971127"),
    ("87773971127", "+77773971127"),  # trunk prefix 8 -> +7
    ("8 (777) 397-11-27", "+77773971127"),
    ("77011234567", "+77011234567"),  # contacts arrive without '+'
    ("+49 30 1234567", "+49301234567"),
    ("+1 (212) 555-0100", "+12125550100"),
    (" +77011234567 ", "+77011234567"),
])
def test_phones_are_normalised(raw: str, clean: str) -> None:
    assert clean_phone(raw) == clean


@pytest.mark.parametrize("raw", [
    None, "", "   ", "12345", "call me", "+7 777 abc 11 27", "+7-701\x00-1234567",
    "1" * 16, "++77011234567", "+7 701 123 45 67 ext 5",
])
def test_bad_phones_are_refused(raw: str | None) -> None:
    assert clean_phone(raw) == Problem("phone")
