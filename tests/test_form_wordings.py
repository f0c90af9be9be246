"""Issue 21: a question added in the chat (/form) gets a wording per language. An English
organiser gives the Kazakh and Russian ones (or "-": that language sees hers); readers in
kk and ru see theirs; the answer is stored as the main option, so the organiser's details and
the export read the same whatever the reader's language, and a rewording keeps it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from core.questions import Question
from handlers.admin.callbacks import FormEditCb
from loopback import BotMessage, FakeTelegram, FakeUser
from services.events import Event
from tests.admin import admin, open_details
from tests.harness import ADMIN, Running, has, settings_for, start
from tests.own_form import texts

LABEL = "Which city do you come from?"
OPTIONS = ["Almaty", "Astana", "Shymkent"]
KK_LABEL, KK_OPTIONS = "Қай қаладансыз?", ["Алматы қ.", "Астана қ.", "Шымкент қ."]
NEW_RU = ["Алматы", "Астана", "Другой город"]
RU_LABEL = "Из какого вы города?"
RU_OPTIONS = ["Город Алматы <центр>", "Город Астана", "Город Шымкент"]  # "<": not markup


async def chat_event(running: Running, *questions: Question) -> Event:
    """An event made in the chat (as /newevent makes it), chosen by the organiser."""
    events = running.app.registrations.events
    base = (await running.event()).info
    made = await events.create(base.model_copy(update={
        "id": None, "title": "Chat event", "questions": list(questions), "form": None}))
    await events.choose(ADMIN, made)
    return made


async def add_city(olga: FakeUser, kk: tuple[str, list[str]] | None,
                   ru: tuple[str, list[str]] | None) -> BotMessage:
    """/form → Add → one choice, in English, then Kazakh and Russian (None: "-");
    returns the preview."""
    await olga.send("/form")
    await olga.reply(has("The form of «Chat event»"))
    await olga.press("Add a question")
    await olga.reply(has("What kind of answer"))
    await olga.press("one choice")
    await olga.reply(has("Type the question"))
    await olga.send(LABEL)
    await olga.reply(has("Type the options"))
    await olga.send("\n".join(OPTIONS))
    for name, given in (("Қазақша", kk), ("Русский", ru)):
        await olga.reply(has(f"The question in {name}"))
        if given is None:
            await olga.send("-")
            continue
        await olga.send(given[0])
        await olga.reply(has(f"Its 3 options in {name}", "1. Almaty", "3. Shymkent"))
        await olga.send("\n".join(given[1]))
    return await olga.reply(has("Preview"))


async def join(fake: FakeTelegram, user_id: int, language: str, made: Event, asked: str,
               pick: str) -> list[str]:
    """Register for the chat event in `language`, answering the city question (shown as
    `asked`) with the button `pick`; returns that question's buttons."""
    t = texts(language)
    user = fake.user(user_id, language_code=language)
    await user.send(f"/start {made.slug}")
    await user.wait_for(lambda m: t("btn-register") in m.buttons)
    await user.press(t("btn-register"))
    await user.reply(lambda m: t("btn-consent-agree") in m.buttons)
    await user.press(t("btn-consent-agree"))
    await user.reply(lambda m: t("ask-name") in m.plain_text)
    await user.send(f"Person {user_id}")
    await user.reply(lambda m: t("ask-org") in m.plain_text)
    await user.send("NGO Help")
    await user.reply(lambda m: t("role-ngo") in m.buttons)
    await user.press(t("role-ngo"))
    await user.reply(lambda m: bool(m.reply_keyboard))
    await user.send(t("btn-skip"))
    buttons = list((await user.reply(has(asked))).buttons)  # the message is edited later
    await user.press(pick)
    await user.reply(lambda m: t("btn-online") in m.buttons)
    await user.press(t("btn-online"))
    summary = await user.reply(lambda m: t("btn-confirm") in m.buttons)
    assert f"{asked} {pick}" in summary.plain_text, summary.plain_text
    await user.press(t("btn-confirm"))
    await user.reply(lambda m: t("btn-cancel-reg") in m.buttons)
    return buttons


async def once(user: FakeUser, *parts: str) -> BotMessage:
    """After a bad answer: ONE reply that says what is wrong and asks again."""
    said = await user.reply(has(*parts))
    assert [m for m in user.messages if m.seq >= said.seq] == [said], user.transcript()
    return said


async def answers(running: Running, made: Event) -> dict[int, object]:
    desk = running.app.registrations.of(made)
    found: dict[int, object] = {}
    for user_id in (1, 2):
        reg = await desk.get(user_id)
        assert reg is not None
        found[user_id] = dict(reg.answers)
    return found


async def test_kk_and_ru_readers_see_their_wording_and_the_answer_stays_the_main_option(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path))
    try:
        made = await chat_event(running)
        olga = admin(fake)
        await olga.send("/form")
        await olga.reply(has("The form of «Chat event»"))
        await olga.press("Add a question")
        await olga.reply(has("What kind of answer"))
        await olga.press("one choice")
        await olga.reply(has("Type the question"))
        await olga.send(LABEL)
        await olga.reply(has("Type the options"))
        await olga.send("\n".join(OPTIONS))
        await olga.reply(has("The question in Қазақша", f"«{LABEL}»"))
        # bad input at the new steps: one reply each, the draft stays
        await olga.send_sticker()
        await once(olga, "Please type it as text", "The question in Қазақша")
        await olga.send("Қ" * 501)
        await once(olga, "up to 500 characters", "The question in Қазақша")
        await olga.send("   ")  # blank
        await once(olga, "Please type the question", "The question in Қазақша")
        await olga.send(KK_LABEL)
        await olga.reply(has("Its 3 options in Қазақша"))
        await olga.send("\n".join(KK_OPTIONS[:2]))  # one short
        await once(olga, "Give exactly 3 options", "Its 3 options in Қазақша")
        await olga.send("\n".join([*KK_OPTIONS, "Басқа"]))  # one too many
        await once(olga, "Give exactly 3 options", "Its 3 options in Қазақша")
        await olga.send("\n".join(KK_OPTIONS))
        await olga.reply(has("The question in Русский"))
        await olga.send(RU_LABEL)
        await olga.reply(has("Its 3 options in Русский"))
        await olga.send_photo()
        await once(olga, "Please type it as text", "Its 3 options in Русский")
        await olga.send("\n".join(RU_OPTIONS))
        preview = await olga.reply(has("Preview"))
        for part in ("Қазақша", KK_LABEL, *(f"[ {o} ]" for o in KK_OPTIONS), "Русский",
                     RU_LABEL, *(f"[ {o} ]" for o in RU_OPTIONS), "English", LABEL):
            assert part in preview.plain_text, (part, preview.plain_text)
        assert "no wording of its own" not in preview.plain_text
        await olga.send("a stray line")  # under the preview: its buttons answer
        await once(olga, "Use the buttons under the preview", KK_LABEL)
        await olga.press("✅ Add it to the form")
        await olga.reply(has(f"5. {LABEL} (one choice; Almaty · Astana · Shymkent; "
                             "wording for Қазақша, Русский, the rest see the main one"))

        kk_asked = await join(fake, 1, "kk", made, KK_LABEL, KK_OPTIONS[1])
        assert kk_asked[:3] == KK_OPTIONS, kk_asked
        ru_asked = await join(fake, 2, "ru", made, RU_LABEL, RU_OPTIONS[2])
        assert ru_asked[:3] == RU_OPTIONS, ru_asked
        stored = await answers(running, made)
        assert stored == {1: {"q1": "Astana"}, 2: {"q1": "Shymkent"}}

        shown = await open_details(olga, "Online", "Person 1", "Person 1")
        assert f"{LABEL} Astana" in shown.plain_text, shown.plain_text
        await olga.send("/export csv")
        sent = await olga.reply(lambda m: m.document is not None)
        assert sent.document is not None
        rows = list(csv.DictReader(io.StringIO(sent.document[1].decode("utf-8-sig"))))
        assert sorted(r["q1"] for r in rows) == ["Astana", "Shymkent"]
    finally:
        await running.stop()


async def test_a_language_left_out_falls_back_and_a_rewording_keeps_the_answers(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path))
    try:
        made = await chat_event(running)
        olga = admin(fake)
        preview = await add_city(olga, None, (RU_LABEL, RU_OPTIONS))  # kk: "-"
        kk_part = preview.plain_text.split("Қазақша", 1)[1].split("Русский", 1)[0]
        assert "no wording of its own" in kk_part and LABEL in kk_part, preview.plain_text
        await olga.press("✅ Add it to the form")
        await olga.reply(has("wording for Русский, the rest see the main one"))
        kk_asked = await join(fake, 1, "kk", made, LABEL, "Astana")  # the main wording
        assert kk_asked[:3] == OPTIONS
        await join(fake, 2, "ru", made, RU_LABEL, RU_OPTIONS[2])

        # Reworded: the same main words, Kazakh given now, Russian kept as it was.
        await olga.send("/form")
        await olga.reply(has("5. Which city"))
        await olga.press("✏️ 5")
        await olga.reply(has("Type the question", f"Now: {LABEL}"))
        await olga.send(LABEL)
        await olga.reply(has("Type the options", "Now: Almaty"))
        await olga.send("\n".join(OPTIONS))
        kk_now = await olga.reply(has("The question in Қазақша",
                                      "Now Қазақша readers see the main wording"))
        await olga.send(KK_LABEL)
        await olga.reply(has("Its 3 options in Қазақша"))
        await olga.send("\n".join(KK_OPTIONS))
        ru_now = await olga.reply(has("The question in Русский", f"Now in Русский: {RU_LABEL}",
                                      f"[ {RU_OPTIONS[0]} ]"))
        await olga.press("Keep it")
        await olga.reply(has("Preview", KK_LABEL, RU_LABEL))
        # The Keep of a step already passed is out of date: an alert, the draft stays.
        stale = FormEditCb(act="keep", ev=made.id, q="kk").pack()
        await olga.press_data(stale, kk_now.message_id)
        assert "moved on" in str((await olga.answer_to_press()).get("text"))
        assert ru_now.message_id != kk_now.message_id
        await olga.press("✅ Save the change")
        await olga.reply(has("wording for Қазақша, Русский"))

        assert await answers(running, made) == {1: {"q1": "Astana"}, 2: {"q1": "Shymkent"}}
        kk, ru = fake.user(1), fake.user(2)
        await kk.send("/my")
        await kk.reply(has(f"{KK_LABEL} {KK_OPTIONS[1]}"))  # her answer, now in Kazakh
        await ru.send("/my")
        await ru.reply(has(f"{RU_LABEL} {RU_OPTIONS[2]}"))
    finally:
        await running.stop()


async def reword_a_kk_city(running: Running, fake: FakeTelegram) -> tuple[Event, FakeUser]:
    """The city question with a Kazakh wording, saved in a chat-made event; then its ✏️ in
    /form (the rewording's first step is asked)."""
    made = await chat_event(running)
    olga = admin(fake)
    await add_city(olga, (KK_LABEL, KK_OPTIONS), None)
    await olga.press("✅ Add it to the form")
    await olga.reply(has("wording for Қазақша"))
    await olga.send("/form")
    await olga.reply(has("5. Which city"))
    await olga.press("✏️ 5")
    return made, olga


async def test_a_reworded_question_with_other_options_cannot_keep_the_old_wording(
        fake: FakeTelegram, tmp_path: Path) -> None:
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path))
    try:
        made, olga = await reword_a_kk_city(running, fake)
        await olga.reply(has("Type the question"))
        await olga.send(LABEL)
        await olga.reply(has("Type the options"))
        await olga.send("Almaty\nElsewhere")  # two options now: the Kazakh three do not fit
        kk_step = await olga.reply(has("The question in Қазақша", f"Now in Қазақша: {KK_LABEL}"))
        assert "no longer match the 2 options" in kk_step.plain_text  # said, not offered
        assert not kk_step.buttons, kk_step.buttons
        await olga.send("-")  # Kazakh readers now see the main wording
        await olga.reply(has("The question in Русский"))
        await olga.send("-")
        await olga.reply(has("Preview"))
        await olga.press("✅ Save the change")
        await olga.reply(has("Almaty · Elsewhere; one wording for every language"))
        saved = await running.app.registrations.events.get(made.id)
    finally:
        await running.stop()
    assert saved is not None
    assert [(q.options, q.text) for q in saved.info.questions] == [(["Almaty", "Elsewhere"], {})]


async def test_a_rewording_keeps_the_main_wording_and_options_with_a_press(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Only the Kazakh version changes: the main question and options are kept with Keep,
    not typed again (the stored answers name the main options)."""
    fake.user(ADMIN, first_name="Olga", language_code="en")
    running = await start(fake, settings_for(fake, tmp_path))
    try:
        made, olga = await reword_a_kk_city(running, fake)
        await olga.reply(has("Type the question", f"Now: {LABEL}"))
        await olga.press("Keep it")
        await olga.reply(has("Type the options", "Now:"))
        await olga.press("Keep it")
        kk_step = await olga.reply(has("The question in Қазақша"))
        assert kk_step.buttons == ["✔️ Keep it"], kk_step.buttons
        await olga.send("Қай қаладан келдіңіз?")
        await olga.reply(has("Its 3 options in Қазақша"))
        await olga.press("Keep it")
        await olga.reply(has("The question in Русский"))
        await olga.send("-")
        await olga.reply(has("Preview"))
        await olga.press("✅ Save the change")
        await olga.reply(has("5. Which city"))
        saved = await running.app.registrations.events.get(made.id)
    finally:
        await running.stop()
    assert saved is not None
    question = saved.info.questions[0]
    assert (question.label, question.options) == (LABEL, OPTIONS)
    assert question.label_in("kk") == "Қай қаладан келдіңіз?"
    assert question.options_in("kk") == KK_OPTIONS


async def test_an_organiser_rewording_in_another_language_changes_her_version_only(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """A Russian organiser rewords a question written in English with a Russian version:
    her words replace the Russian version, the main (English) options, which the answers
    name, stay as they are."""
    running = await start(fake, settings_for(fake, tmp_path))
    try:
        made = await chat_event(running, Question.model_validate({
            "id": "q1", "kind": "choice", "label": LABEL, "options": OPTIONS,
            "text": {"ru": {"label": RU_LABEL, "options": RU_OPTIONS}}}))
        await join(fake, 1, "en", made, LABEL, "Astana")
        await join(fake, 2, "ru", made, RU_LABEL, RU_OPTIONS[2])
        ru = texts("ru")
        olga = fake.user(ADMIN, first_name="Olga", language_code="ru")
        await olga.send("/form")
        await olga.reply(has("Анкета «Chat event»", "формулировки: Русский"))
        await olga.press("✏️ 5")
        await olga.reply(has(ru("adm-form-ask-label"), f"Сейчас: {RU_LABEL}"))
        await olga.send("Где вы живёте?")
        await olga.reply(has(ru("adm-form-ask-options"), f"Сейчас: {RU_OPTIONS[0]}"))
        await olga.send("\n".join(NEW_RU[::2]))  # her version keeps the main three options
        await once(olga, "Число вариантов должно быть 3", ru("adm-form-ask-options"))
        await olga.send("\n".join(NEW_RU))
        await olga.reply(has("Вопрос на языке «Қазақша»"))
        await olga.send(KK_LABEL)
        # What she translates is her own wording, in her order.
        await olga.reply(has("варианты на языке «Қазақша» (всего 3)", f"3. {NEW_RU[2]}"))
        await olga.send("\n".join(KK_OPTIONS))
        await olga.reply(has("Вопрос на языке «English»",
                             "Сейчас на языке «English» видна основная формулировка"))
        await olga.send("-")
        preview = await olga.reply(has("Предпросмотр"))
        english = preview.plain_text.split("English", 1)[1]
        assert LABEL in english and "[ Shymkent ]" in english, preview.plain_text
        assert "Где вы живёте?" in preview.plain_text
        await olga.press("✅ Сохранить изменения")
        await olga.reply(has(f"5. Где вы живёте? (один вариант; {' · '.join(NEW_RU)}; "
                             "формулировки: Қазақша, Русский"))
        assert await answers(running, made) == {1: {"q1": "Astana"}, 2: {"q1": "Shymkent"}}
        saved = await running.app.registrations.events.get(made.id)
        assert saved is not None
        question = saved.info.questions[0]
        assert (question.label, question.options) == (LABEL, OPTIONS)
        en_reader, ru_reader = fake.user(1), fake.user(2)
        await en_reader.send("/my")
        await en_reader.reply(has(f"{LABEL} Astana"))
        await ru_reader.send("/my")
        await ru_reader.reply(has("Где вы живёте? Другой город"))
    finally:
        await running.stop()
