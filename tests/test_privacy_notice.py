# ruff: noqa: RUF001  (Kazakh and Russian texts: Cyrillic letters are meant)
"""Issue 20, finding 12: the privacy notice is in one language: the controller (and
contact) can be given per language, and without one the notice names the organisers in
the reader's language."""

from __future__ import annotations

from pathlib import Path

from core.config import Settings
from loopback import FakeTelegram
from tests.harness import has, settings_for, start


async def notices(fake: FakeTelegram, settings: Settings) -> dict[str, str]:
    running = await start(fake, settings)
    try:
        said = {}
        for number, language in enumerate(("kk", "ru", "en"), start=1):
            user = fake.user(number, language_code=language)
            await user.send("/privacy")
            said[language] = (await user.reply(has("/forget_me"))).plain_text
    finally:
        await running.stop()
    return said


async def test_finding12_without_a_controller_each_notice_names_its_own_organisers(
        fake: FakeTelegram, tmp_path: Path) -> None:
    # An event that names its organisers: the notice names them (issue 19's walk checks
    # each language's own); one that does not: the catalogs' words, in the reader's language.
    said = await notices(fake, settings_for(fake, tmp_path, organisers=""))
    assert "организаторы мероприятия" in said["ru"]
    assert "іс-шара ұйымдастырушылары" in said["kk"]
    assert "the event's organisers" in said["en"]
    assert not any("organisers" in said[lang] for lang in ("kk", "ru"))


async def test_finding12_the_controller_is_given_per_language(
        fake: FakeTelegram, tmp_path: Path) -> None:
    data = settings_for(fake, tmp_path).model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    data["privacy"] = {"controller": "Kazakh-German University", "contact": "+7 777",
                       "text": {"ru": {"controller": "Казахстанско-Немецкий университет",
                                       "contact": "+7 777 (рус.)"},
                                "kk": {"controller": "Қазақ-неміс университеті"}}}
    said = await notices(fake, Settings.model_validate(data))
    assert "Казахстанско-Немецкий университет (контакт: +7 777 (рус.))" in said["ru"]
    assert "Қазақ-неміс университеті (байланыс: +7 777)" in said["kk"]
    assert "Kazakh-German University (contact: +7 777)" in said["en"]
    assert "Kazakh-German" not in said["ru"] + said["kk"]
