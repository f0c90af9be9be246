"""Form details a tester found (issue 21's follow-ups): Done with nothing ticked on an
optional multi is Skip ("not given", not blank); a choice, yes/no or role typed as its
button reads counts as the press; labels ending in "?" read well in the privacy notice
(one per line) and the summary (no ":" after the "?")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from loopback import BotMessage, FakeTelegram
from tests.harness import has, settings_for, start
from tests.own_form import QUESTIONS, label, option, texts

OWN = [QUESTIONS[0], {**QUESTIONS[1], "required": False}, QUESTIONS[2]]  # topic, themes, cert


def offers(button: str) -> Callable[[BotMessage], bool]:
    return lambda m: button in m.buttons


def asks(qid: str, language: str) -> Any:
    return lambda m: label(qid, language) in m.plain_text


async def test_typed_options_an_empty_optional_done_and_question_labels_read_well(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, settings_for(fake, tmp_path, questions=OWN))
    summaries, notices = {}, {}
    try:
        for user_id, language in enumerate(("ru", "kk", "en"), start=1):
            t = texts(language)
            user = fake.user(user_id, language_code=language)
            await user.send("/start")
            await user.wait_for(offers(t("btn-register")))
            await user.press(t("btn-register"))
            notice = await user.reply(offers(t("btn-consent-agree")))
            notices[language] = notice.plain_text
            await user.press(t("btn-consent-agree"))
            await user.reply(has(t("ask-name")))
            await user.send("Alice Smith")
            await user.reply(has(t("ask-org")))
            await user.send("NGO Help")
            await user.reply(offers(t("role-ngo")))
            await user.send(f"  {t('role-state').upper()} ")  # typed as the button reads
            await user.reply(lambda m: bool(m.reply_keyboard))
            await user.send(t("btn-skip"))
            await user.reply(asks("topic", language))
            await user.send(f" {option('topic', 1, language).lower()}  ")
            await user.reply(asks("themes", language))
            await user.press(t("btn-done"))  # nothing ticked, optional: as Skip
            await user.reply(asks("certificate", language))
            await user.send(t("answer-no").upper())
            await user.reply(offers(t("btn-online")))
            await user.press(t("btn-online"))
            summary = await user.reply(offers(t("btn-confirm")))
            summaries[language] = summary.plain_text
            await user.press(t("btn-confirm"))
            await user.reply(has(t("registered-head").split("<b>")[1].split("</b>")[0]))
        desk = await running.desk()
        regs = [await desk.get(user_id) for user_id in (1, 2, 3)]
    finally:
        await running.stop()
    for reg in regs:
        assert reg is not None and reg.role == "state"
        assert reg.answers == {"topic": "NGOs", "themes": None, "certificate": False}
    for language, text in summaries.items():
        t = texts(language)
        lines = text.splitlines()
        assert f"{label('topic', language)} {option('topic', 1, language)}" in lines, text
        assert f"{label('themes', language)} {t('answer-none')}" in lines, text
        assert f"{label('certificate', language)} {t('answer-no')}" in lines, text
        assert "?:" not in text and t("role-state") in text
    for language, text in notices.items():
        lines = text.splitlines()
        for qid in ("topic", "themes", "certificate"):
            assert f"• {label(qid, language)}" in lines, text
        assert "?," not in text and "?." not in text
