"""Issue 19's walk: every place an event shows (card, list, confirmation, /my, reminders,
notices, .ics, Google link, privacy notice, console line, export), in kk, ru and en, for a
config event and a chat-made event. Each text of each event carries a tag
(CFG-RU, CHAT-KK ...): a reader may only ever meet their own language's tags, and in a
place about one event, only that event's."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from core.config import EventSection, Settings
from core.i18n import LANGUAGES, Catalog, Texts
from loopback import BotMessage, FakeTelegram, FakeUser
from services.events import Event, fresh_copy
from tests.admin import open_details
from tests.harness import ADMIN, Running, has, has_button, start
from tests.reminders import with_reminders
from tests.travel import travel

CATALOG = Catalog()
TAG = re.compile(r"\b(CFG|CHAT)-(KK|RU|EN|PLAIN)\b")


def version(event: str, language: str, full: bool = True) -> dict[str, Any]:
    tag = f"{event}-{language.upper()}"
    texts: dict[str, Any] = {"title": f"Title {tag}", "venue": f"Hall {tag}",
                             "address": f"Street {tag}"}
    if full:
        texts |= {"organisers": f"Hosts {tag}", "agenda": [f"Item {tag}"]}
    return texts


def walk_settings(fake: FakeTelegram, folder: Path) -> Settings:
    settings = with_reminders(fake, folder, [{"before": "P1D"}])
    data = settings.model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    data["telegram"]["admins"] = [ADMIN, ADMIN + 1, ADMIN + 2]
    # The plain keys are only the fallback: with every language given, never shown.
    data["event"] |= version("CFG", "plain") | {
        "text": {code: version("CFG", code) for code in LANGUAGES}}
    return Settings.model_validate(data)


async def chat_made(running: Running) -> Event:
    """As /newevent saves it: written in English, Kazakh and Russian given (title, venue,
    address; no organisers or agenda, which would fall back to the English ones)."""
    base = (await running.event()).info
    info = fresh_copy(base, "en").model_copy(update={
        **version("CHAT", "en", full=False), "organisers": "", "agenda": [],
        "starts_at": datetime(2030, 11, 13, 17, 0)})
    info = EventSection.model_validate(info.model_dump() | {"text": {
        "kk": version("CHAT", "kk", full=False), "ru": version("CHAT", "ru", full=False)}})
    event = await running.app.registrations.events.create(info)
    await running.app.campaigns.plan_event(event)
    return event


def shown(message: BotMessage) -> str:
    parts = [message.plain_text, *message.buttons]
    parts += [unquote_plus(str(b.get("url") or "")) for b in message.inline_buttons]
    if message.document is not None:
        parts.append(message.document[1].decode("utf-8-sig", errors="replace"))
    return "\n".join(parts)


def tags(text: str) -> set[str]:
    return {f"{kind}-{code}" for kind, code in TAG.findall(text)}


def offline_label(t: Texts) -> str:
    one, seven = t("btn-offline", seats=1), t("btn-offline", seats=7)
    same = next(i for i, (a, b) in enumerate(zip(one, seven, strict=False)) if a != b)
    return one[:same]


async def journey(user: FakeUser, t: Texts, slug: str, name: str) -> tuple[str, list[BotMessage]]:
    """From the event's link to the confirmation, /my, the .ics and the Google link; the
    privacy notice as shown (its message becomes the first question)."""
    await user.send(f"/start {slug}")
    await user.wait_for(has_button(t("btn-register")))
    await user.press(t("btn-register"))
    await user.wait_for(has_button(t("btn-consent-agree")))
    notice = shown(user.last)
    await user.press(t("btn-consent-agree"))
    await user.wait_for(has(t("ask-name")))
    await user.send(name)
    await user.wait_for(has(t("ask-org")))
    await user.send("Sana")
    await user.wait_for(has_button(t("role-research")))
    await user.press(t("role-research"))
    await user.wait_for(has(t("ask-phone")))
    await user.send(t("btn-skip"))
    await user.wait_for(has_button(t("btn-online")))
    await user.press(offline_label(t))
    await user.wait_for(has_button(t("btn-confirm")))
    await user.press(t("btn-confirm"))
    await user.wait_for(has_button(t("btn-calendar")))
    await user.send("/my")
    await user.reply(has_button(t("btn-calendar")))
    await user.press(t("btn-calendar"))
    await user.wait_for(lambda m: m.document is not None)
    return notice, list(user.messages)


async def test_the_walk_finds_no_text_of_another_event_or_language(
        fake: FakeTelegram, tmp_path: Path) -> None:
    admins = {code: fake.user(ADMIN + n, language_code=code)
              for n, code in enumerate(("en", "ru", "kk"))}
    running = await start(fake, walk_settings(fake, tmp_path))
    try:
        chat = await chat_made(running)
        slugs = {"CFG": "event", "CHAT": chat.slug}
        readers: dict[tuple[str, str], FakeUser] = {}
        seen: dict[tuple[str, str], tuple[str, list[BotMessage]]] = {}
        for n, code in enumerate(LANGUAGES):
            t = CATALOG.for_language(code)
            for m, (kind, slug) in enumerate(slugs.items()):
                user = fake.user(10 * n + m + 1, language_code=code)
                readers[kind, code] = user
                seen[kind, code] = await journey(user, t, slug, f"Person {kind} {code}")
        lists = {}
        for code in LANGUAGES:  # the /start list of both events
            user = fake.user(100 + LANGUAGES.index(code), language_code=code)
            await user.send("/start")
            lists[code] = await user.reply(lambda m: len(m.buttons) == 2)
        for kind, when in (("CFG", (await running.event()).starts_utc),
                           ("CHAT", chat.starts_utc)):
            travel(running, when - running.clock() - timedelta(days=1) + timedelta(minutes=1))
            for code in LANGUAGES:
                await readers[kind, code].wait_for(has("⏰"))
        # The console, each organiser in their language: /events, /stats, /export.
        console: dict[str, list[BotMessage]] = {}
        for code, admin in admins.items():
            t = CATALOG.for_language(code)
            await admin.send("/events")
            await admin.reply(has_button("📌"))
            await admin.send("/stats")
            await admin.reply(has("📌"))
            await admin.send("/export")
            await admin.wait_for(lambda m: m.document is not None)
            console[code] = list(admin.messages)
        # Notices: the English organiser cancels everyone of the chat-made event (the one
        # the console works on: the config's has started).
        olga = admins["en"]
        for code in LANGUAGES:
            name = f"Person CHAT {code}"
            await open_details(olga, "📋 All", name, name)
            await olga.press("Cancel registration")
            await olga.reply(has_button("Yes"))
            await olga.press("Yes")
            await olga.reply(has("they have been told"))
            told = CATALOG.for_language(code)("by-organiser-cancelled",
                                              title=f"Title CHAT-{code.upper()}",
                                              phone="+7 777 397 11 27")
            await readers["CHAT", code].wait_for(has(told))
    finally:
        await running.stop()
    for (kind, code), (notice, _) in seen.items():
        found = tags(notice).union(*(tags(shown(m)) for m in readers[kind, code].messages))
        assert found == {f"{kind}-{code.upper()}"}, (kind, code, found)
    for code in LANGUAGES:  # the privacy notice names the organisers in the reader's language
        assert f"Hosts CFG-{code.upper()}" in seen["CFG", code][0]
        default = CATALOG.for_language(code)("privacy-controller-default")
        assert default in seen["CHAT", code][0]
    for code, message in lists.items():
        assert tags(shown(message)) == {f"CFG-{code.upper()}", f"CHAT-{code.upper()}"}
    for code, messages in console.items():
        found = set().union(*(tags(shown(m)) for m in messages))
        assert found <= {f"CFG-{code.upper()}", f"CHAT-{code.upper()}"}, (code, found)
        assert found, code
