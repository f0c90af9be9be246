"""/broadcast written once per language: each reader gets their language's version, else the
text for everyone, else the default language's (ru here), else any; the preview names each
version and who gets it; a broadcast resumed after a restart keeps its versions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.seed import seed
from loopback import FakeTelegram
from storage.database import Database
from storage.deliveries import EVERYONE, pick
from tests.admin import admin, ask, enrol
from tests.harness import Running, has, has_button, settings_for, start

KK = "Есік 16:30-да ашылады"
RU = "Двери откроются в 16:30"
EN = "Doors open at 16:30"


@pytest.fixture
async def running(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Running]:
    admin(fake)
    app = await start(fake, settings_for(fake, tmp_path, offline_capacity=10))
    yield app
    await app.stop()


def texts(fake: FakeTelegram, user_id: int) -> list[str]:
    return [m.plain_text for m in fake.user(user_id).messages
            if any(x in m.plain_text for x in (KK, RU, EN))]


def test_the_version_a_reader_gets() -> None:
    both = {"kk": KK, "ru": RU}
    assert pick(both, "kk", "ru") == "kk"
    assert pick(both, "en", "ru") == "ru"  # no English, none for everyone: the default's
    assert pick({"kk": KK, EVERYONE: EN}, "ru", "ru") == EVERYONE
    assert pick({"kk": KK}, "en", "ru") == "kk"  # else any: never nothing
    assert pick({}, "en", "ru") is None


async def test_kk_and_ru_versions_reach_each_reader_in_theirs(fake: FakeTelegram,
                                                              running: Running) -> None:
    await enrol(running, fake, 1, language="kk")
    await enrol(running, fake, 2, language="ru")
    await enrol(running, fake, 3, language="en")
    olga = admin(fake)
    await ask(olga, "/broadcast", "Send me the message")
    await olga.send(KK)
    draft = await olga.reply(has("This message is for: 🌐 everyone"))
    assert "🌐 Send this to everyone" not in draft.buttons
    await olga.reply(has("Who should get it?"))
    await olga.press("Only Қазақша")  # the text just written is the Kazakh version
    await olga.reply(has("This message is for: Қазақша"))
    await olga.press("Version: Русский")
    await olga.reply(has("Send me the version for Русский readers"))
    await olga.send(RU)
    await olga.reply(has("Versions in the draft: Қазақша, Русский"))
    await olga.press("everyone (3)")
    confirm = await olga.reply(has("Send the message below to 3 (everyone)?"))
    await olga.reply(has_button("Send"))
    # Each version previewed, named, with who gets it: English readers get the default's.
    assert confirm.plain_text.splitlines()[1:] == [
        "Preview, Қазақша: 1 will get it (Қазақша 1).",
        "Preview, Русский: 2 will get it (Русский 1, English 1)."]
    assert [m.plain_text for m in olga.messages[-2:]] == [KK, RU]
    await olga.press("Send")
    await olga.wait_for(has("Broadcast finished: 3 sent"))
    assert texts(fake, 1) == [KK]
    assert texts(fake, 2) == [RU]
    assert texts(fake, 3) == [RU]
    row = await running.app.db.fetchone("SELECT body, bodies FROM campaigns"
                                        " WHERE kind = 'broadcast'")
    assert row is not None and row["body"] is None and KK in row["bodies"]


async def test_a_text_for_everyone_with_a_kazakh_version(fake: FakeTelegram,
                                                         running: Running) -> None:
    await enrol(running, fake, 1, language="kk")
    await enrol(running, fake, 2, language="ru")
    olga = admin(fake)
    await ask(olga, "/broadcast", "Send me the message")
    await ask(olga, EN, "Who should get it?")
    await olga.press("Version: Қазақша")
    await olga.reply(has("Send me the version for Қазақша readers"))
    await ask(olga, KK, "Who should get it?")
    await olga.press("everyone (2)")
    await olga.reply(has("Send the message below to 2"))
    await olga.reply(has_button("Send"))
    heads = [line for m in olga.messages for line in m.plain_text.splitlines()
             if line.startswith("Preview")]
    assert heads == ["Preview, 🌐 everyone: 1 will get it (Русский 1).",
                     "Preview, Қазақша: 1 will get it (Қазақша 1)."]
    await olga.press("Send")
    await olga.wait_for(has("Broadcast finished: 2 sent"))
    assert texts(fake, 1) == [KK]
    assert texts(fake, 2) == [EN]


async def test_a_resumed_broadcast_keeps_its_versions(fake: FakeTelegram,
                                                      tmp_path: Path) -> None:
    users = range(1, 61)
    settings = settings_for(fake, tmp_path)
    settings.sender.rate_per_second = 20
    await seed(settings.storage.path, 10, online=users)
    db = await Database.open(settings.storage.path)
    # A third each in Kazakh, Russian and English.
    await db.execute("UPDATE registrations SET language = CASE user_id % 3 WHEN 0 THEN 'kk'"
                     " WHEN 1 THEN 'ru' ELSE 'en' END")
    await db.close()
    for user_id in users:
        fake.user(user_id)
    olga = admin(fake)

    first = await start(fake, settings)
    await ask(olga, "/broadcast", "Send me the message")
    await ask(olga, KK, "Who should get it?")
    await olga.press("Only Қазақша")
    await olga.reply(has("Who should get it?"))
    await olga.press("Version: Русский")
    await ask(olga, RU, "Who should get it?")
    await olga.press("everyone (60)")
    await olga.reply(has("Send the message below to 60"))
    await olga.reply(has_button("Send"))  # the preview, with Send
    await olga.press("Send")
    await fake.wait_until(lambda: sum(len(texts(fake, u)) for u in users) >= 15, timeout=20)
    await first.stop()
    assert sum(len(texts(fake, u)) for u in users) < 55, "the stop came too late"

    second = await start(fake, settings)
    await olga.wait_for(has("Broadcast finished: 60 sent"), timeout=30)
    await second.stop()
    assert {u: texts(fake, u) for u in users} == {
        u: [KK] if u % 3 == 0 else [RU] for u in users}
