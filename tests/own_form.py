# ruff: noqa: RUF001  (Kazakh and Russian texts: Cyrillic letters are meant)
"""A test event with one question of every kind, in kk, ru and en, and the walk through
its form (tests/test_own_questions.py, tests/test_tidy_chat.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.config import Settings
from core.i18n import Catalog, Texts
from loopback import BotMessage, FakeTelegram, FakeUser
from tests.harness import settings_for


def _q(qid: str, kind: str, labels: dict[str, str], options: dict[str, list[str]] | None = None,
       **extra: Any) -> dict[str, Any]:
    question: dict[str, Any] = {"id": qid, "kind": kind, "label": labels["en"], **extra}
    if options:
        question["options"] = options["en"]
    question["text"] = {lang: {"label": labels[lang]} | (
        {"options": options[lang]} if options else {}) for lang in ("kk", "ru")}
    return question


QUESTIONS = [
    _q("topic", "choice",
       {"en": "Which agenda question interests you most?",
        "ru": "Какой вопрос повестки вам интереснее всего?",
        "kk": "Күн тәртібінің қай сұрағы сізге ең қызық?"},
       {"en": ["Labour migration", "NGOs", "Authorities"],
        "ru": ["Трудовая миграция", "НКО", "Госорганы"],
        "kk": ["Еңбек көші-қоны", "ҮЕҰ", "Мемлекеттік органдар"]}),
    _q("themes", "multi",
       {"en": "Which themes do you work on?", "ru": "С какими темами вы работаете?",
        "kk": "Қандай тақырыптармен жұмыс істейсіз?"},
       {"en": ["Housing", "Health", "Law"], "ru": ["Жильё", "Здоровье", "Право"],
        "kk": ["Тұрғын үй", "Денсаулық", "Құқық"]}),
    _q("certificate", "yesno",
       {"en": "Do you need a certificate?", "ru": "Нужен ли вам сертификат?",
        "kk": "Сізге сертификат керек пе?"}),
    _q("years", "number",
       {"en": "How many years have you worked with migrants?",
        "ru": "Сколько лет вы работаете с мигрантами?",
        "kk": "Мигранттармен неше жыл жұмыс істейсіз?"}, min=0, max=60),
    _q("email", "email",
       {"en": "Your email for the materials", "ru": "Ваша почта для материалов",
        "kk": "Материалдарға арналған поштаңыз"}, required=False),
    _q("mobile", "phone",
       {"en": "A phone for the day of the event", "ru": "Телефон на день мероприятия",
        "kk": "Іс-шара күніне арналған телефон"}, required=False),
    _q("pass-id", "text",
       {"en": "ID number for the building pass", "ru": "Номер удостоверения для пропуска",
        "kk": "Рұқсатнамаға арналған куәлік нөмірі"}, formats=["offline"], max_length=12),
]
FORM = ["name", "org", "topic", "role", "phone", "themes", "certificate", "years", "email",
        "mobile", "pass-id"]
PASS_ID, EMAIL = "QZX778899", "zqx.unique@example.org"


def own_settings(fake: FakeTelegram, folder: Path, **event: Any) -> Settings:
    return settings_for(fake, folder, questions=QUESTIONS, form=FORM, **event)


def texts(language: str) -> Texts:
    return Catalog().for_language(language)


def label(qid: str, language: str) -> str:
    question = next(q for q in QUESTIONS if q["id"] == qid)
    return str(question["label"] if language == "en" else question["text"][language]["label"])


def option(qid: str, n: int, language: str) -> str:
    question = next(q for q in QUESTIONS if q["id"] == qid)
    return str((question["options"] if language == "en"
                else question["text"][language]["options"])[n])


def asks(qid: str, language: str) -> Any:
    return lambda m: label(qid, language) in m.plain_text


async def once(user: FakeUser, qid: str, language: str, *error: str) -> BotMessage:
    """After a bad answer: ONE reply that says what is wrong and asks `qid` again."""
    said = await user.reply(lambda m: all(e in m.plain_text for e in error)
                            and label(qid, language) in m.plain_text)
    since = [m for m in user.messages if m.seq >= said.seq]
    assert since == [said], user.transcript()
    return said


async def open_own_form(user: FakeUser, t: Texts) -> str:
    """Up to the name question; returns the privacy notice's text (edited away since)."""
    await user.send("/start")
    await user.wait_for(lambda m: t("btn-register") in m.buttons)
    await user.press(t("btn-register"))
    notice = (await user.reply(lambda m: t("btn-consent-agree") in m.buttons)).plain_text
    await user.press(t("btn-consent-agree"))
    await user.reply(lambda m: t("ask-name") in m.plain_text)
    return notice


async def walk(user: FakeUser, language: str, offline: bool = True) -> BotMessage:
    """The form with good answers only, from the name question to the summary."""
    t = texts(language)
    await user.send("Alice Smith")
    await user.reply(lambda m: t("ask-org") in m.plain_text)
    await user.send("NGO Help")
    await user.reply(asks("topic", language))
    await user.press(option("topic", 0, language))
    await user.reply(lambda m: t("role-ngo") in m.buttons)
    await user.press(t("role-ngo"))
    await user.reply(lambda m: bool(m.reply_keyboard))
    await user.send(t("btn-skip"))
    await user.reply(asks("themes", language))
    await user.press(option("themes", 1, language))
    await user.reply(lambda m: "✓ " + option("themes", 1, language) in m.buttons)
    await user.press(t("btn-done"))
    await user.reply(asks("certificate", language))
    await user.press(t("answer-no"))
    await user.reply(asks("years", language))
    await user.send("3")
    await user.reply(asks("email", language))
    await user.press(t("btn-skip"))
    await user.reply(asks("mobile", language))
    await user.send(t("btn-skip"))
    await user.reply(lambda m: t("btn-online") in m.buttons)
    await user.press("🪑" if offline else t("btn-online"))
    if offline:
        await user.reply(asks("pass-id", language))
        await user.send(PASS_ID)
    return await user.reply(lambda m: t("btn-confirm") in m.buttons)
