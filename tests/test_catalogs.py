"""Every language has every text, and every text renders."""

from __future__ import annotations

import re
from importlib import resources

from core.i18n import LANGUAGES, Catalog


def _keys(language: str) -> set[str]:
    keys: set[str] = set()
    for item in resources.files("core.locales").joinpath(language).iterdir():
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


def _variables(language: str) -> dict[str, set[str]]:
    """key -> the $variables its text uses (multi-line texts included)."""
    found: dict[str, set[str]] = {}
    for item in resources.files("core.locales").joinpath(language).iterdir():
        if not item.name.endswith(".ftl"):
            continue
        key = None
        for line in item.read_text("utf-8").splitlines():
            start = re.match(r"^([a-z][\w-]*) =", line)
            if start:
                key = start.group(1)
                found[key] = set()
            elif line.strip() and not line.startswith(" "):
                key = None  # a comment ends the text (blank lines may be inside one)
                continue
            if key is not None:
                found[key] |= set(re.findall(r"\{\s*\$([a-z_]+)", line))
    return found


# Texts given more arguments than they need, where each language picks its own.
CHOICE = {"when": {"moment", "zone", "city"}}


def test_languages_have_the_same_placeholders() -> None:
    reference = _variables("en")
    for language in LANGUAGES:
        for key, names in _variables(language).items():
            if key in CHOICE:
                assert "moment" in names and names <= CHOICE[key], (language, key)
            else:
                assert names == reference[key], (language, key, names, reference[key])


def test_kazakh_is_complete_and_kazakh() -> None:
    kk = _keys("kk")
    assert kk == _keys("ru") == _keys("en")
    t = Catalog().for_language("kk")
    assert t.language == "kk"
    # Kazakh letters, not Russian text under a Kazakh name.
    for key in ("ask-name", "ask-format", "registration-closed", "adm-list-choose"):
        assert re.search("[әғқңөұүһі]", t(key)), key


def test_every_text_renders_in_every_language() -> None:
    catalog = Catalog()
    for language in LANGUAGES:
        t = catalog.for_language(language)
        for key, names in _variables(language).items():
            assert t(key, **dict.fromkeys(names, "x")), (language, key)


def test_the_default_language_is_configurable() -> None:
    catalog = Catalog("kk")
    assert catalog.for_language("de").language == "kk"
    assert catalog.for_language(None).language == "kk"
    assert catalog.for_language("ru-RU").language == "ru"
