"""The participant journey end to end: real Bot over HTTP, real SQLite, real dispatcher."""

from __future__ import annotations

from loopback import FakeTelegram
from tests.harness import Running, has, has_button, register


async def test_start_shows_the_event_card(fake: FakeTelegram, running: Running) -> None:
    alice = fake.user(1, first_name="Alice", language_code="en")
    await alice.send("/start")
    card = await alice.reply()
    assert "Round table" in card.plain_text
    assert "12 November 2030, 17:00" in card.plain_text  # Almaty wall clock
    assert "10 of 10 seats left" in card.plain_text
    assert "846 8448 4087" in card.plain_text and "+7 777 397 11 27" in card.plain_text
    assert "Migration today" in card.plain_text and "DKU & FES" in card.plain_text
    assert card.buttons == ["📝 Register"]


async def test_offline_registration_gets_a_seat_and_code(fake: FakeTelegram,
                                                         running: Running) -> None:
    alice = fake.user(1, first_name="Alice", language_code="en")
    done = await register(alice, phone="+7 701 123 45 67")
    assert "You have a seat in the room" in done.plain_text
    reg = await (await running.desk()).ledger.get(1)
    assert reg is not None and reg.entry_code and reg.entry_code in done.plain_text
    assert (reg.full_name, reg.organisation, reg.role, reg.phone) == (
        "Alice Smith", "NGO Help", "ngo", "+77011234567")
    assert reg.language == "en"


async def test_online_registration_gets_zoom_and_time(fake: FakeTelegram,
                                                      running: Running) -> None:
    bob = fake.user(2, first_name="Bob", language_code="en")
    done = await register(bob, fmt="Online")
    assert "online" in done.plain_text and "846 8448 4087" in done.plain_text
    assert "17:00" in done.plain_text and "facebook.com/dku" in done.plain_text
    reg = await (await running.desk()).ledger.get(2)
    assert reg is not None and reg.format == "online" and reg.entry_code is None


async def test_russian_is_the_fallback_language(fake: FakeTelegram, running: Running) -> None:
    for code, word in (("ru", "Зарегистрироваться"), ("de", "Зарегистрироваться"),
                       ("en", "Register")):
        user = fake.user(100 + len(code) + ord(code[0]), language_code=code)
        await user.send("/start")
        assert word in " ".join((await user.reply()).buttons)


async def test_start_when_registered_shows_the_registration(fake: FakeTelegram,
                                                            running: Running) -> None:
    alice = fake.user(1, language_code="en")
    await register(alice)
    await alice.send("/start")
    mine = await alice.reply()
    assert "Alice Smith" in mine.plain_text and "Entry code" in mine.plain_text
    assert any("Switch to online" in b for b in mine.buttons)
    await alice.wait_for(has_button("Cancel registration"))


async def test_user_text_is_escaped(fake: FakeTelegram, running: Running) -> None:
    eve = fake.user(5, language_code="en")
    done = await register(eve, name="Eve <b>&</b>", org="<script>x</script>")
    assert "Eve <b>&</b>" in done.plain_text  # shown literally, not as markup
    assert "&lt;script&gt;" in done.text
    assert has("<script>x</script>")(done)
