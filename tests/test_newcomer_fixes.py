"""What a newcomer trying the bot found: the event's zone named as a city in every
language, counts in the grammar of each language, erased people in the organiser's list,
organiser notices in the organiser's language, and registrations that end with the event."""

from __future__ import annotations

from loopback import FakeTelegram
from tests.harness import Running, has


async def test_every_language_names_the_zone_by_its_city(fake: FakeTelegram,
                                                          running: Running) -> None:
    said = {}
    for user_id, language in ((1, "en"), (2, "ru"), (3, "kk")):
        user = fake.user(user_id, language_code=language)
        await user.send("/start")
        said[language] = (await user.reply(has("🗓"))).plain_text
    assert "(Almaty time)" in said["en"]
    assert "(по времени Алматы)" in said["ru"]
    assert "(Алматы уақыты бойынша)" in said["kk"]
    assert not any("Asia/Almaty" in text for text in said.values())
