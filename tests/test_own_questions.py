"""The organiser's own questions (issue 21): one question of every kind, in kk, ru and en:
asked in order, bad input answered once per kind, the offline-only question asked only of
seat-takers, the answers in the summary, /my, the details and the export, and erased by
/forget_me with no bytes left."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from loopback import FakeTelegram
from services.events import Event
from tests.admin import admin, open_details
from tests.dbfiles import raw_bytes
from tests.harness import ADMIN, Running, has, has_button, settings_for, start
from tests.own_form import (
    EMAIL,
    PASS_ID,
    asks,
    label,
    once,
    open_own_form,
    option,
    own_settings,
    texts,
    walk,
)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
async def test_every_kind_asked_in_order_with_bad_input_answered_once(
        fake: FakeTelegram, tmp_path: Path, language: str) -> None:
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        t = texts(language)
        alice = fake.user(1, language_code=language)
        notice = await open_own_form(alice, t)
        assert label("topic", language) in notice  # the notice names them
        await alice.send("Alice Smith")
        await alice.reply(lambda m: t("ask-org") in m.plain_text)
        await alice.send("NGO Help")
        # choice: typed text is refused, the buttons answer
        await alice.reply(asks("topic", language))
        await alice.send("whatever")
        await once(alice, "topic", language, t("error-use-buttons"))
        await alice.press(option("topic", 2, language))
        await alice.reply(lambda m: t("role-ngo") in m.buttons)
        await alice.press(t("role-ngo"))
        await alice.reply(lambda m: bool(m.reply_keyboard))
        await alice.send(t("btn-skip"))
        # multi: Done with nothing ticked is refused in an alert; ticks toggle in place
        themes = await alice.reply(asks("themes", language))
        await alice.press(t("btn-done"))
        assert (await alice.answer_to_press()).get("text") == t("error-pick-one")
        await alice.press(option("themes", 0, language))
        await alice.reply(lambda m: "✓ " + option("themes", 0, language) in m.buttons)
        await alice.press(option("themes", 2, language))
        ticked = await alice.reply(lambda m: "✓ " + option("themes", 2, language) in m.buttons)
        assert ticked.message_id == themes.message_id  # edited, not a new message
        await alice.press(t("btn-done"))
        # yes/no: a sticker is refused
        await alice.reply(asks("certificate", language))
        await alice.send_sticker()
        await once(alice, "certificate", language, t("error-use-buttons"))
        await alice.press(t("answer-yes"))
        # number: not a number, then out of range
        await alice.reply(asks("years", language))
        await alice.send("many")
        await once(alice, "years", language, t("error-number"))
        await alice.send("99")
        await once(alice, "years", language, t("error-number-max", limit=60))
        await alice.send("7")
        # email
        await alice.reply(asks("email", language))
        await alice.send("not an address")
        await once(alice, "email", language, t("error-email"))
        await alice.send(EMAIL.upper())
        # phone: a bad number, then the shared contact
        await alice.reply(asks("mobile", language))
        await alice.send("12")
        await once(alice, "mobile", language, t("error-phone").split(".")[0])
        await alice.send_contact("+77017654321")
        # the format, then the offline-only question with its length limit
        await alice.reply(lambda m: t("btn-online") in m.buttons)
        await alice.press("🪑")
        await alice.reply(asks("pass-id", language))
        await alice.send("X" * 13)
        await once(alice, "pass-id", language, t("error-too-long", limit=12))
        await alice.send(PASS_ID)
        summary = await alice.reply(lambda m: t("btn-confirm") in m.buttons)
        for part in (option("topic", 2, language), option("themes", 0, language),
                     option("themes", 2, language), "7", EMAIL, "+77017654321", PASS_ID):
            assert part in summary.plain_text, (part, summary.plain_text)
        await alice.press(t("btn-confirm"))
        done = await alice.reply(lambda m: t("btn-cancel-reg") in m.buttons)
        assert PASS_ID in done.plain_text and option("topic", 2, language) in done.plain_text

        reg = await (await running.desk()).get(1)
        assert reg is not None
        assert dict(reg.answers) == {
            "topic": "Authorities", "themes": ["Housing", "Law"], "certificate": True,
            "years": 7, "email": EMAIL, "mobile": "+77017654321", "pass-id": PASS_ID}
    finally:
        await running.stop()


async def test_the_offline_only_question_is_not_asked_online_and_answers_reach_the_organisers(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        t = texts("en")
        alice, bob = fake.user(1, language_code="en"), fake.user(2, language_code="en")
        await open_own_form(alice, t)
        await walk(alice, "en", offline=True)
        await alice.press(t("btn-confirm"))
        await alice.reply(has("You are registered"))
        await open_own_form(bob, t)
        summary = await walk(bob, "en", offline=False)  # no pass-id question on the way
        assert label("pass-id", "en") not in summary.plain_text
        assert not any(label("pass-id", "en") in m.plain_text for m in bob.messages)
        await bob.press(t("btn-confirm"))
        await bob.reply(has("You are registered"))

        olga = admin(fake)
        shown = await open_details(olga, "Offline", "1. Alice Smith", "Alice Smith · #1")
        for part in (f"{label('pass-id', 'en')}: {PASS_ID}",
                     f"{label('certificate', 'en')} No", f"{label('themes', 'en')} Health"):
            assert part in shown.plain_text, shown.plain_text
        await olga.send("/export csv")
        sent = await olga.reply(lambda m: m.document is not None)
        assert sent.document is not None
        rows = list(csv.DictReader(io.StringIO(sent.document[1].decode("utf-8-sig"))))
        by_name = {r["id"]: r for r in rows}
        assert [c for c in rows[0] if c in ("topic", "themes", "pass-id")] == [
            "topic", "themes", "pass-id"]
        first, second = by_name["1"], by_name["2"]
        assert (first["topic"], first["themes"], first["certificate"], first["years"],
                first["email"], first["pass-id"]) == (
            "Labour migration", "Health", "no", "3", "", PASS_ID)
        assert second["pass-id"] == ""  # not asked online
        await olga.send("/export")  # the workbook: a column per question, in her language
        book = await olga.reply(lambda m: m.document is not None
                                and m.document[0].endswith(".xlsx"))
        assert book.document is not None
        sheet = load_workbook(io.BytesIO(book.document[1])).active
        heads = [c.value for c in sheet[1]]
        column = heads.index(label("certificate", "en")) + 1
        assert [sheet.cell(r, column).value for r in (2, 3)] == ["No", "No"]
        assert sheet.cell(2, heads.index(label("pass-id", "en")) + 1).value == PASS_ID
        assert sheet.cell(2, heads.index(label("years", "en")) + 1).value == 3  # a number
        await olga.send("/list themes")  # who answered what, for a choice question
        grouped = await olga.reply(has("Which themes do you work on?", "by their answer"))
        assert "Health (2): Alice Smith, Alice Smith" in grouped.plain_text
        assert "Housing (0): -" in grouped.plain_text
        await olga.send("/list pass-id")  # not a choice: said why, then the usual lists
        why = await olga.reply(has("Which list?"))
        assert ("“pass-id” is not a question with answers to choose from; by answer:"
                " /list topic, /list themes, /list certificate.") in why.plain_text
    finally:
        await running.stop()


async def test_forget_me_erases_the_answers_with_no_bytes_left(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        t = texts("en")
        alice = fake.user(1, language_code="en")
        await open_own_form(alice, t)
        await walk(alice, "en", offline=True)
        await alice.press(t("btn-confirm"))
        await alice.reply(has("You are registered"))
        assert PASS_ID.encode() in raw_bytes(tmp_path)
        await alice.send("/forget_me")
        await alice.reply(has("Erase all your personal data"))
        await alice.press("Yes, erase my data")
        await alice.wait_for(has("your personal data is erased"))
        left = PASS_ID.encode() in raw_bytes(tmp_path)
    finally:
        await running.stop()
    assert not left
    assert PASS_ID.encode() not in raw_bytes(tmp_path)


async def test_form_shows_the_organisers_the_questions_and_where_to_edit(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="ru")
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        olga = admin(fake)
        await olga.send("/form")
        shown = await olga.reply(has("Анкета «Round table»"))
    finally:
        await running.stop()
    head, _, form = shown.plain_text.partition("\n\n")  # the console's event line first
    assert head.startswith("📌 Round table"), head
    lines = form.splitlines()
    assert lines[1] == "1. Имя (встроенный)"
    assert lines[3].startswith("3. " + label("topic", "ru") + " (один вариант; ")
    assert option("topic", 1, "ru") in lines[3]
    assert "0..60" in lines[8] and "необязательный" in lines[9]
    assert lines[11].endswith("только офлайн, после выбора формата)")
    assert "файла конфигурации" in shown.plain_text


async def chat_made(running: Running) -> Event:
    """An event as /newevent makes it, without own questions, the organiser's current."""
    events = running.app.registrations.events
    base = (await running.event()).info
    made = await events.create(base.model_copy(update={
        "id": None, "title": "Chat event", "questions": [], "form": None}))
    await events.choose(ADMIN, made)
    return made


async def test_an_event_made_in_the_chat_gets_questions_from_form(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        events = running.app.registrations.events
        made = await chat_made(running)
        olga = admin(fake)
        await olga.send("/form")
        await olga.reply(has("The form of «Chat event»", "add, reword, move up or remove"))
        await olga.press("Add a question")
        await olga.reply(has("What kind of answer"))
        await olga.press("one choice")
        await olga.reply(has("Type the question"))
        await olga.send("Which city do you come from?")
        await olga.reply(has("Type the options"))
        await olga.send("Almaty")  # one option is not a choice
        await olga.reply(has("These options cannot be used"))
        await olga.send("Almaty\nAstana\nShymkent")
        for language in ("Қазақша", "Русский"):  # each other language: "-" falls back
            await olga.reply(has(f"The question in {language}"))
            await olga.send("-")
        preview = await olga.reply(has("Preview", "Which city do you come from?"))
        assert "[ Astana ]" in preview.plain_text
        await olga.press("✅ Add it to the form")
        await olga.reply(has("5. Which city do you come from? (one choice; "
                             "Almaty · Astana · Shymkent; one wording for every language; "
                             "/list q1"))
        await olga.press("Turn approval on")
        await olga.reply(has("Registrations wait for approval"))
        await olga.press("Turn approval off")
        await olga.reply(lambda m: "Turn approval on" in m.buttons)

        alice = fake.user(1, language_code="en")
        await alice.send(f"/start {made.slug}")
        await alice.wait_for(has_button("Register"))
        await alice.press("Register")
        await alice.wait_for(has_button("I agree"))
        await alice.press("I agree")
        await alice.reply(has("full name"))
        await alice.send("Alice Smith")
        await alice.reply(has("organisation"))
        await alice.send("NGO Help")
        await alice.reply(lambda m: "NGO" in m.buttons)
        await alice.press("NGO")
        await alice.reply(lambda m: bool(m.reply_keyboard))
        await alice.send("Skip")
        await alice.reply(has("Which city do you come from?"))
        await alice.press("Astana")
        await alice.reply(lambda m: "💻 Online (Zoom)" in m.buttons)
        await alice.press("💻 Online (Zoom)")
        summary = await alice.reply(has("Please check your registration"))
        assert "Which city do you come from? Astana" in summary.plain_text

        await olga.send("/form")
        await olga.reply(has("5. Which city"))
        await olga.press("✏️ 5")  # reworded: the same question, new words and options
        await olga.reply(has("Type the question"))
        await olga.send("Where do you live?")
        await olga.reply(has("Type the options"))
        await olga.send("Almaty\nElsewhere")
        for language in ("Қазақша", "Русский"):
            await olga.reply(has(f"The question in {language}"))
            await olga.send("-")
        await olga.reply(has("Preview", "Where do you live?"))
        await olga.press("✅ Save the change")
        await olga.reply(has("5. Where do you live? (one choice; Almaty · Elsewhere; "
                             "one wording for every language; /list q1"))
        await olga.press("🗑 5")  # asked first; Back keeps it
        await olga.reply(has("Remove the question «Where do you live?»?"))
        await olga.press("↩️ Back")
        await olga.reply(lambda m: "Where do you live?" in m.plain_text and "The form of" in
                         m.plain_text)
        kept = await events.get(made.id)
        await olga.press("🗑 5")
        await olga.reply(has("Remove the question"))
        await olga.press("🗑 Remove it")
        await olga.reply(lambda m: "Where do you live?" not in m.plain_text and "The form of"
                         in m.plain_text)
        gone = await events.get(made.id)
    finally:
        await running.stop()
    assert kept is not None and [q.id for q in kept.info.questions] == ["q1"]
    assert gone is not None and gone.info.questions == []


async def test_a_language_switch_at_an_own_question_asks_it_again_keeping_the_ticks(
        fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        t, ru = texts("en"), texts("ru")
        alice = fake.user(1, language_code="en")
        await open_own_form(alice, t)
        await alice.send("Alice Smith")
        await alice.reply(lambda m: t("ask-org") in m.plain_text)
        await alice.send("NGO Help")
        await alice.reply(asks("topic", "en"))
        await alice.press(option("topic", 0, "en"))
        await alice.reply(lambda m: t("role-ngo") in m.buttons)
        await alice.press(t("role-ngo"))
        await alice.reply(lambda m: bool(m.reply_keyboard))
        await alice.send(t("btn-skip"))
        await alice.reply(asks("themes", "en"))
        await alice.press(option("themes", 1, "en"))
        await alice.reply(lambda m: "✓ " + option("themes", 1, "en") in m.buttons)
        await alice.send("/language")
        await alice.reply(has_button("Русский"))
        await alice.press("Русский")
        again = await alice.wait_for(asks("themes", "ru"))
        assert "✓ " + option("themes", 1, "ru") in again.buttons  # the tick stayed
        await alice.press(ru("btn-done"))
        await alice.reply(asks("certificate", "ru"))
        answers = (await running.app.registrations.of(await running.event()).get(1))
    finally:
        await running.stop()
    assert answers is None  # nothing stored before Confirm


async def test_an_event_sets_its_own_roles(fake: FakeTelegram, tmp_path: Path) -> None:
    running = await start(fake, settings_for(
        fake, tmp_path, roles=["student", "teacher"],
        text={"en": {"roles": {"student": "Student", "teacher": "Teacher"}},
              "ru": {"roles": {"student": "Студент", "teacher": "Преподаватель"}},
              "kk": {"roles": {"student": "Студент", "teacher": "Оқытушы"}}}))
    try:
        t = texts("en")
        alice = fake.user(1, language_code="en")
        await open_own_form(alice, t)
        await alice.send("Alice Smith")
        await alice.reply(lambda m: t("ask-org") in m.plain_text)
        await alice.send("NGO Help")
        asked = await alice.reply(lambda m: t("ask-role") in m.plain_text)
        assert asked.buttons == ["Student", "Teacher"]
        await alice.press_data("f:role:ngo", asked.message_id)  # not this event's role
        assert (await alice.answer_to_press()).get("text") == t("error-stale-button")
        await alice.press("Teacher")
        await alice.reply(lambda m: bool(m.reply_keyboard))
        await alice.send(t("btn-skip"))
        await alice.reply(lambda m: t("btn-online") in m.buttons)
        await alice.press(t("btn-online"))
        summary = await alice.reply(lambda m: t("btn-confirm") in m.buttons)
    finally:
        await running.stop()
    assert "Role: Teacher" in summary.plain_text


async def test_a_question_from_the_chat_can_be_optional_and_for_seat_takers_only(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The issue's "ID number for the building pass", offline only, made in /form: the
    preview's two buttons set who is asked and whether it may be skipped."""
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, own_settings(fake, tmp_path))
    try:
        events = running.app.registrations.events
        made = await chat_made(running)
        olga = admin(fake)
        await olga.send("/form")
        await olga.reply(has("The form of «Chat event»"))
        await olga.press("Add a question")
        await olga.reply(has("What kind of answer"))
        await olga.press("text")
        await olga.reply(has("Type the question"))
        await olga.send("ID number for the building pass")
        for language in ("Қазақша", "Русский"):
            await olga.reply(has(f"The question in {language}"))
            await olga.send("-")
        preview = await olga.reply(has("Preview"))
        assert "Answer: must be answered · Asked of: everyone" in preview.plain_text
        await olga.press("⇄ Who is asked")
        await olga.reply(has("Asked of: offline only (after the format)"))
        await olga.press("⇄ Required / optional")
        shown = await olga.reply(has("Answer: optional · Asked of: offline only"))
        assert shown.message_id == preview.message_id  # the preview, edited in place
        await olga.press("✅ Add it to the form")
        await olga.reply(has("5. ID number for the building pass (text;", "optional; "
                             "offline only, asked after the format)"))
        saved = await events.get(made.id)
    finally:
        await running.stop()
    assert saved is not None
    question = saved.info.questions[0]
    assert (question.required, question.formats) == (False, ["offline"])
