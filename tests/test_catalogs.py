"""Every language has every text, and every text renders."""

from __future__ import annotations

import re
from importlib import resources

from bot.i18n import LANGUAGES, Catalog


def _keys(language: str) -> set[str]:
    keys: set[str] = set()
    for item in resources.files("bot.locales").joinpath(language).iterdir():
        if item.name.endswith(".ftl"):
            keys |= set(re.findall(r"^([a-z][\w-]*) =", item.read_text("utf-8"), re.M))
    return keys


def test_languages_have_the_same_keys() -> None:
    reference = _keys("en")
    assert reference, "no texts found"
    for language in LANGUAGES:
        assert _keys(language) == reference, language


def test_unknown_language_falls_back_to_russian() -> None:
    catalog = Catalog()
    assert catalog.for_language("de").language == "ru"
    assert catalog.for_language("en-GB").language == "en"
    assert catalog.for_language(None).language == "ru"


def test_arguments_are_escaped() -> None:
    t = Catalog().for_language("en")
    assert t("phone-saved", phone="<b>") == "Phone saved: &lt;b&gt;"
