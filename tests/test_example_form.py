"""The example config's conversation is the one it was before the form became data
(issue 21): the registration in kk, ru and en, screen by screen, equals the transcript
recorded from the code before (tests/golden/example_form_<language>.txt).

REGBOT_WRITE_GOLDEN=1 writes the files instead of comparing (how they were recorded, on
the commit before the form model)."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from core.config import Settings
from core.i18n import Catalog
from loopback import BotMessage, FakeTelegram, FakeUser
from tests.harness import start

GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = Path(__file__).parent.parent / "bot" / "example.toml"


def example(fake: FakeTelegram, folder: Path) -> Settings:
    data: dict[str, Any] = tomllib.loads(EXAMPLE.read_text("utf-8"))
    data["event"]["starts_at"] = "2030-11-12T17:00:00"  # the example's own date has passed
    data["telegram"] = {"token": fake.token, "api_base": fake.base_url, "admins": []}
    data["storage"] = {"path": folder / "regbot.sqlite3"}
    data["sender"] = {"rate_per_second": 200, "per_chat_interval": 0, "retry_backoff": 0.05}
    return Settings.model_validate(data)


def screen(user: FakeUser) -> str:
    """Every message in the chat as the user sees it now: text, buttons, keyboard."""
    lines = []
    for m in user.messages:
        if m.deleted:
            continue
        # The entry code is random: masked.
        lines.append(f"[{m.message_id}] " + re.sub(r"<code>[A-Z0-9]{4,12}</code>",
                                                   "<code>CODE</code>", m.text))
        if m.buttons:
            lines.append(f"  buttons: {m.buttons}")
        if m.reply_keyboard:
            lines.append(f"  keyboard: {m.reply_keyboard}")
    return "\n".join(lines)


async def conversation(user: FakeUser, language: str) -> str:
    t = Catalog().for_language(language)
    shots: list[str] = []

    async def step(action: str, until: Any) -> BotMessage:
        found: BotMessage = await user.reply(until)
        shots.append(f"## after {action}\n{screen(user)}")
        return found

    def shows(text: str) -> Any:
        return lambda m: text in m.plain_text

    await user.send("/start")
    await step("/start", lambda m: t("btn-register") in m.buttons)
    await user.press(t("btn-register"))
    await step("register", lambda m: t("btn-consent-agree") in m.buttons)
    await user.press(t("btn-consent-agree"))
    await step("agree", shows(t("ask-name")))
    await user.send_sticker()
    await step("sticker", shows(t("error-not-text")))
    await user.send("Alice Smith")
    await step("name", shows(t("ask-org")))
    await user.send("NGO Help")
    await step("org", lambda m: t("role-ngo") in m.buttons)
    await user.send("typed role")
    await step("typed role", shows(t("error-use-buttons")))
    await user.press(t("role-ngo"))
    await step("role", lambda m: bool(m.reply_keyboard))
    await user.send("12")
    await step("bad phone", shows(t("error-phone")))
    await user.send("+7 701 123 45 67")
    await step("phone", lambda m: t("btn-online") in m.buttons)
    await user.press("🪑")
    await step("format", lambda m: t("btn-confirm") in m.buttons)
    await user.press(t("btn-edit"))
    await step("edit", lambda m: t("field-org") in m.buttons)
    await user.press(t("field-org"))
    await step("edit org", shows(t("ask-org")))
    await user.send("Other Org")
    await step("new org", lambda m: t("btn-confirm") in m.buttons)
    await user.press(t("btn-confirm"))
    await step("confirm", lambda m: t("btn-cancel-reg") in m.buttons)
    return "\n\n".join(shots) + "\n"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
async def test_the_example_configs_conversation_is_unchanged(
        fake: FakeTelegram, tmp_path: Path, language: str) -> None:
    running = await start(fake, example(fake, tmp_path))
    try:
        said = await conversation(fake.user(1, language_code=language), language)
    finally:
        await running.stop()
    golden = GOLDEN / f"example_form_{language}.txt"
    if os.environ.get("REGBOT_WRITE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(said, "utf-8")
    assert said == golden.read_text("utf-8")
