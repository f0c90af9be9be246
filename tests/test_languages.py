# ruff: noqa: RUF001  (Kazakh and Russian texts: Cyrillic letters are meant)
"""Every participant in their own language: Telegram's language or the default, /language
remembered over it, event texts per language, and the bot's profile set once."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from core.config import Settings, load_settings
from core.i18n import LANGUAGES, Catalog, Texts
from loopback import FakeTelegram, FakeUser, TravelClock
from tests.harness import Running, has, has_button, settings_for, start
from tests.reminders import EVENT_UTC, with_reminders
from tests.travel import travel

CATALOG = Catalog()

# The seed event's texts per language; the plain keys (English) stay the fallback.
TEXTS: dict[str, dict[str, Any]] = {
    "kk": {"title": "Пандемия кезіндегі көші-қон жағдайы",
           "venue": "Қазақ-неміс университеті", "address": "Пушкин к-сі, 111",
           "organisers": "ҚНУ және Фридрих Эберт қоры",
           "agenda": ["Бүгінгі көші-қон", "ҮЕҰ рөлі"], "roles": {"ngo": "Үкіметтік емес ұйым"}},
    "ru": {"title": "Миграционная ситуация в период пандемии",
           "venue": "Казахстанско-Немецкий университет", "address": "ул. Пушкина, 111",
           "organisers": "КНУ и Фонд Фридриха Эберта",
           "agenda": ["Миграция сегодня", "Роль НКО"]},
    "en": {"title": "Migration during the pandemic", "venue": "Kazakh-German University",
           "address": "111 Pushkin St", "organisers": "DKU and FES",
           "agenda": ["Migration today", "Role of NGOs"]},
}
# Words of one language that must not show up in a message meant for another.
KEYS = ("ask-name", "ask-org", "ask-role", "ask-phone", "ask-format", "btn-register",
        "btn-confirm", "btn-edit", "btn-skip", "registered-head", "phone-skipped",
        "registration-closed", "field-name")


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def translated(fake: FakeTelegram, tmp_path: Path, **extra: Any) -> Settings:
    settings = settings_for(fake, tmp_path, text=TEXTS, address="111 Pushkin Street")
    data = settings.model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    data.update(extra)
    return Settings.model_validate(data)


def everything(user: FakeUser) -> str:
    """All the bot showed this person: texts (as last edited) and buttons."""
    return "\n".join(m.plain_text + "\n" + " ".join(m.buttons) + " ".join(m.reply_keyboard or [])
                     for m in user.messages)


def assert_only(language: str, shown: str) -> None:
    t = CATALOG.for_language(language)
    for other in LANGUAGES:
        if other == language:
            continue
        o = CATALOG.for_language(other)
        for key in KEYS:
            if plain(o(key)) != plain(t(key)):
                assert plain(o(key)) not in shown, (language, other, key)
        assert TEXTS[other]["title"] not in shown, (language, other)
        assert TEXTS[other]["agenda"][0] not in shown, (language, other)


async def journey(user: FakeUser, t: Texts, fmt: str = "btn-online") -> str:
    """The whole registration, every step found by its text in `t`'s language; returns the
    card as it was shown (pressing Register turns it into the first question)."""
    await user.send("/start")
    card = (await user.wait_for(has_button(t("btn-register")))).plain_text
    await user.press(t("btn-register"))
    await user.wait_for(has_button(t("btn-consent-agree")))
    await user.press(t("btn-consent-agree"))
    await user.wait_for(has(t("ask-name")))
    await user.send("Айгерим Нурланова")
    await user.wait_for(has(t("ask-org")))
    await user.send("Сана")
    await user.wait_for(has_button(t("role-research")))
    await user.press(t("role-research"))
    await user.wait_for(has(t("ask-phone")))
    await user.send(t("btn-skip"))
    await user.wait_for(has_button(t(fmt)))
    await user.press(t(fmt))
    await user.wait_for(has_button(t("btn-confirm")))
    await user.press(t("btn-confirm"))
    await user.wait_for(has(plain(t("registered-head"))))
    return card


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
async def test_one_registration_in_each_language(fake: FakeTelegram, tmp_path: Path,
                                                  language: str) -> None:
    running = await start(fake, translated(fake, tmp_path))
    try:
        user = fake.user(1, first_name="Aigerim", language_code=language)
        t = CATALOG.for_language(language)
        card = await journey(user, t)
        shown = card + "\n" + everything(user)
        assert TEXTS[language]["title"] in shown and TEXTS[language]["agenda"][1] in shown
        assert_only(language, shown)
        reg = await (await running.desk()).ledger.get(1)
        assert reg is not None and reg.language == language
    finally:
        await running.stop()


async def test_the_card_is_in_one_language(fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, translated(fake, tmp_path))
    try:
        for user_id, language in enumerate(LANGUAGES, start=1):
            user = fake.user(user_id, language_code=language)
            await user.send("/start")
            card = (await user.reply()).plain_text
            own = TEXTS[language]
            for piece in (own["title"], own["venue"], own["address"], own["organisers"],
                          *own["agenda"]):
                assert piece in card, (language, piece)
            assert "111 Pushkin Street" not in card  # the plain address is only the fallback
            assert_only(language, card)
            month = {"kk": "12 қараша 2030", "ru": "12 ноября 2030", "en": "12 November 2030"}
            assert month[language] in card
    finally:
        await running.stop()


async def test_untranslated_keys_fall_back_to_the_plain_ones(fake: FakeTelegram,
                                                             tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path, text={"kk": {"title": "Дөңгелек үстел"}})
    running = await start(fake, settings)
    try:
        user = fake.user(1, language_code="kk")
        await user.send("/start")
        card = (await user.reply()).plain_text
        assert "Дөңгелек үстел" in card and "Round table" not in card
        assert "DKU, Almaty" in card and "Migration today" in card
    finally:
        await running.stop()


async def test_other_languages_get_the_default(fake: FakeTelegram, tmp_path: Path) -> None:
    settings = translated(fake, tmp_path, bot={"default_language": "kk"})
    running = await start(fake, settings)
    try:
        kk = CATALOG.for_language("kk")
        for user_id, code in ((1, "de"), (2, None), (3, "kk"), (4, "en-GB")):
            user = fake.user(user_id, language_code=code)
            await user.send("/start")
            expected = CATALOG.for_language("en") if code == "en-GB" else kk
            assert expected("btn-register") in (await user.reply()).buttons, code
    finally:
        await running.stop()


async def test_the_default_language_is_russian_unless_configured(fake: FakeTelegram,
                                                                 running: Running) -> None:
    ru = CATALOG.for_language("ru")
    user = fake.user(1, language_code="de")
    await user.send("/start")
    assert ru("btn-register") in (await user.reply()).buttons


async def test_language_choice_is_remembered_over_telegrams(fake: FakeTelegram,
                                                           tmp_path: Path) -> None:
    settings = translated(fake, tmp_path)
    running = await start(fake, settings)
    user = fake.user(1, language_code="ru")
    try:
        await user.send("/language")
        menu = await user.reply()
        assert menu.buttons == ["Қазақша", "✅ Русский", "English"]
        await user.press("Қазақша")
        chosen = await user.reply()
        kk = CATALOG.for_language("kk")
        assert chosen.message_id == menu.message_id  # the menu turned into the answer
        assert chosen.plain_text == kk("language-chosen") and not chosen.buttons
        await user.send("/start")
        assert kk("btn-register") in (await user.reply()).buttons
    finally:
        await running.stop()
    running = await start(fake, settings)  # remembered across a restart
    try:
        await user.send("/start")
        assert CATALOG.for_language("kk")("btn-register") in (await user.reply()).buttons
    finally:
        await running.stop()


async def test_a_switch_moves_reminders_to_the_new_language(fake: FakeTelegram,
                                                            tmp_path: Path) -> None:
    settings = with_reminders(fake, tmp_path, [{"before": 3600, "audience": "all"}])
    running = await start(fake, settings, TravelClock(EVENT_UTC - timedelta(hours=3)))
    try:
        user = fake.user(1, language_code="en")
        await journey(user, CATALOG.for_language("en"))
        await user.send("/language")
        await user.wait_for(has_button("Қазақша"))
        await user.press("Қазақша")
        await user.reply()
        reg = await (await running.desk()).ledger.get(1)
        assert reg is not None and reg.language == "kk"
        travel(running, timedelta(hours=2))
        reminder = await user.wait_for(has("Еске салу: Round table"), timeout=20)
        assert "12 қараша 2030" in reminder.plain_text and "November" not in reminder.plain_text
    finally:
        await running.stop()


async def test_profile_is_set_per_language_and_only_when_changed(fake: FakeTelegram,
                                                                 tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path)
    running = await start(fake, settings)
    await running.stop()
    for code in ("kk", "ru", "en"):
        t = CATALOG.for_language(code)
        assert fake.state.profile[("description", code)] == t("bot-description")
        assert fake.state.profile[("short_description", code)] == t("bot-short-description")
        assert fake.commands("default", code)[0]["description"] == t("cmd-start")
    ru = CATALOG.for_language("ru")
    assert fake.state.profile[("description", "")] == ru("bot-description")
    assert len(ru("bot-description")) <= 512 and len(ru("bot-short-description")) <= 120
    written = ("setMyDescription", "setMyShortDescription", "setMyCommands")
    before = {m: len(fake.calls(m)) for m in written}
    assert all(before.values())
    running = await start(fake, settings)  # the same texts: nothing is set again
    await running.stop()
    assert {m: len(fake.calls(m)) for m in written} == before
    assert fake.calls("getMyDescription")


def test_the_example_config_has_the_seed_event_in_three_languages(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", "123456:ABC-def")
    settings = load_settings(Path(__file__).parent.parent / "config.example.toml")
    assert settings.bot.default_language == "ru"
    event = settings.all_events[0]
    assert set(event.text) == {"kk", "ru", "en"}
    for code, given in event.text.items():
        assert given.title and given.venue and given.address and given.organisers, code
        assert given.agenda is not None and len(given.agenda) == len(event.agenda), code
    assert event.in_language("kk").title.startswith("COVID-19 кезеңіндегі")
