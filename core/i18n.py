"""Every text people read comes from the Fluent catalogs in core/locales/<language>/*.ftl.

Arguments are HTML-escaped here, once, so no handler can forget to quote user text;
wrap a pre-rendered fragment in `Safe` to pass it through unescaped."""

from __future__ import annotations

import html
from importlib import resources
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

FALLBACK = "ru"  # the default language when the config names none
LANGUAGES = ("kk", "ru", "en")
# How each language names itself: the /language buttons are read by someone who may not
# read the current language.
NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def known(code: str | None) -> str | None:
    """'kk', 'ru' or 'en' for a Telegram language_code like 'en-GB'; None for any other."""
    base = (code or "").split("-")[0].lower()
    return base if base in LANGUAGES else None


class Safe(str):
    """Already-rendered HTML (from the catalogs themselves)."""


class Texts:
    def __init__(self, language: str, bundle: FluentBundle) -> None:
        self.language = language
        self._bundle = bundle

    def __call__(self, key: str, **args: Any) -> str:
        message = self._bundle.get_message(key)
        if message is None or message.value is None:
            raise KeyError(f"no text {key!r} for {self.language}")
        quoted = {k: v if isinstance(v, Safe) or not isinstance(v, str) else html.escape(v, False)
                  for k, v in args.items()}
        text, errors = self._bundle.format_pattern(message.value, quoted)
        if errors:
            raise ValueError(f"text {key!r} ({self.language}): {errors}")
        return str(text)

    def has(self, key: str) -> bool:
        return bool(self._bundle.has_message(key))


class Catalog:
    """`for_language` picks a catalog, the default language (the config's `[bot]
    default_language`) for any language we do not have. The default one is read at once;
    the others when first needed: parsing a language's files takes about 20 ms, and the
    bot should answer as soon as it starts (the menus in every language are set just
    after)."""

    def __init__(self, default: str = FALLBACK) -> None:
        if default not in LANGUAGES:
            raise ValueError(f"no texts for the default language {default!r}")
        self.default = default
        self._texts: dict[str, Texts] = {}
        self.for_language(default)

    def for_language(self, code: str | None) -> Texts:
        language = known(code) or self.default
        found = self._texts.get(language)
        if found is None:
            found = self._texts[language] = Texts(language, _bundle(language))
        return found

    @property
    def languages(self) -> tuple[str, ...]:
        return LANGUAGES


def _bundle(language: str) -> FluentBundle:
    # use_isolating=False: bidi isolation marks would end up inside <code> and phone numbers.
    bundle = FluentBundle([language], use_isolating=False)
    folder = resources.files("core.locales").joinpath(language)
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".ftl"):
            bundle.add_resource(FluentResource(item.read_text("utf-8")))
    return bundle
