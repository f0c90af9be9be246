# ruff: noqa: RUF001  (Kazakh and Russian texts: Cyrillic letters are meant)
"""Approval, the organiser's side (issue 21 follow-ups, worst first): every answer of a
waiting form in the new-registration message and in /pending (one button per person),
waiting forms in /export; names escaped once; the event's title in the organiser's
language; one live /pending list, edited after each decision; the event's phone in the
decline; "waiting for approval" among the /stats counts."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from handlers.admin.callbacks import ApprovalCb
from loopback import BotMessage, FakeTelegram, FakeUser
from loopback.faults import Fault, fault_on
from services.events import Event
from storage.models import Applicant, Format
from tests.admin import admin
from tests.harness import ADMIN, Running, has, settings_for, start
from tests.own_form import PASS_ID, label, open_own_form, option, own_settings, texts, walk
from tests.test_approval import apply

RU_TITLE = "Круглый стол о трудовой миграции"
PHONE = "+7 777 397 11 27"  # tests.harness.settings_for's contact_phone


def ru_texts() -> dict[str, Any]:
    return {"text": {"ru": {"title": RU_TITLE}}}


async def hold(running: Running, user_id: int, name: str, fmt: Format = Format.OFFLINE,
               answers: dict[str, Any] | None = None, event: Event | None = None) -> int:
    """A confirmed form waiting for approval (seeded: the participant's side is tested
    elsewhere); one second after the previous one, so the order is visible."""
    running.clock.travel(timedelta(seconds=1))
    who = Applicant(user_id=user_id, chat_id=user_id, language="en", full_name=name,
                    organisation="NGO Help", role="ngo", phone=None,
                    consent_at=running.clock(), consent_version="1", answers=answers or {})
    desk = running.app.registrations.of(event) if event else await running.desk()
    held = await desk.hold(who, fmt)
    assert held is not None
    return held[0].id


async def notified(fake: FakeTelegram, organiser: FakeUser, count: int) -> None:
    """Until the outbox has brought the organiser `count` new-form notices (each goes with
    its form's transaction, sent a moment later)."""
    await fake.wait_until(lambda: sum("🆕" in m.plain_text for m in organiser.messages)
                          == count, timeout=10)


def buttons(message: BotMessage) -> list[str]:
    return list(message.buttons)


async def test_finding_1_and_3_every_answer_in_the_organisers_language(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The new-registration message and the form opened from /pending show every answer
    (labels and choices in the organiser's language) and the event's title in it; /form
    and /pending name the event in it too."""
    olga = fake.user(ADMIN, first_name="Olga", language_code="ru")
    ru = texts("ru")
    running = await start(fake, own_settings(fake, tmp_path, approval=True, **ru_texts()))
    try:
        await olga.send("/form")
        shown = await olga.reply(has("Анкета"))
        assert f"«{RU_TITLE}»" in shown.plain_text and "«Round table»" not in shown.plain_text
        alice = fake.user(1, language_code="en")
        await open_own_form(alice, texts("en"))
        await walk(alice, "en", offline=True)
        await alice.press(texts("en")("btn-confirm"))
        await alice.reply(lambda m: m.plain_text.startswith("⏳"))

        notice = await olga.wait_for(has("Alice Smith"))
        expected = [RU_TITLE, "Alice Smith", "NGO Help",
                    f"{label('pass-id', 'ru')}: {PASS_ID}",
                    # A label ending in "?" takes no ":" (as the participant's summary).
                    f"{label('topic', 'ru')} {option('topic', 0, 'ru')}",
                    f"{label('themes', 'ru')} {option('themes', 1, 'ru')}",
                    f"{label('certificate', 'ru')} {ru('answer-no')}",
                    f"{label('years', 'ru')} 3"]
        for part in expected:
            assert part in notice.plain_text, (part, notice.plain_text)
        assert "Round table" not in notice.plain_text
        assert buttons(notice) == [ru("adm-btn-approve"), ru("adm-btn-decline")]

        await olga.send("/pending")
        listed = await olga.reply(has(f"Ждут одобрения ({RU_TITLE}): 1"))
        assert "Round table" not in listed.plain_text
        await olga.press("1. Alice Smith")
        form = await olga.reply(has(PASS_ID))
        assert form.message_id == listed.message_id  # the list became the form: edited
        for part in expected[1:]:
            assert part in form.plain_text, (part, form.plain_text)
        assert buttons(form) == [ru("adm-btn-approve"), ru("adm-btn-decline"),
                                 ru("adm-btn-pending-list")]
        await olga.press(ru("adm-btn-pending-list"))
        back = await olga.reply(has(f"Ждут одобрения ({RU_TITLE}): 1"))
        assert back.message_id == listed.message_id
    finally:
        await running.stop()


async def test_finding_1_a_long_form_is_cut_to_one_message(fake: FakeTelegram,
                                                           tmp_path: Path) -> None:
    """Six answers of 1000 characters: the form still fits Telegram's 4096 characters, the
    long answers cut (said at the end), the short ones whole."""
    long_questions = [{"id": f"essay-{n}", "kind": "text", "label": f"Essay {n}",
                       "max_length": 1000} for n in range(6)]
    admin(fake)
    running = await start(fake, settings_for(fake, tmp_path, approval=True,
                                             questions=long_questions))
    try:
        answers: dict[str, Any] = {f"essay-{n}": f"Start{n} " + "word " * 199
                                   for n in range(6)}
        await hold(running, 1, "Alice Smith", answers=answers)
        await notified(fake, admin(fake), 1)
        await admin(fake).send("/pending")
        await admin(fake).reply(has("Waiting for approval"))
        await admin(fake).press("1. Alice Smith")
        form = await admin(fake).reply(has("Essay 0"))
    finally:
        await running.stop()
    assert len(form.plain_text) <= 4096
    assert all(f"Essay {n}: Start{n} word" in form.plain_text for n in range(6))
    assert "long answers are cut here; /export has them in full" in form.plain_text


async def test_finding_1_export_has_the_waiting_forms(fake: FakeTelegram,
                                                      tmp_path: Path) -> None:
    """The workbook and the CSV list each waiting form after the registrations: state
    "waiting for approval" (CSV: status "pending"), its answers in their columns."""
    admin(fake)
    running = await start(fake, own_settings(fake, tmp_path, approval=True))
    try:
        await hold(running, 1, "Alice Smith", answers={"pass-id": PASS_ID, "years": 3})
        await admin(fake).send("/export")
        book = await admin(fake).reply(lambda m: m.document is not None)
        await admin(fake).send("/export csv")
        table = await admin(fake).reply(
            lambda m: m.document is not None and m.message_id > book.message_id)
    finally:
        await running.stop()
    assert book.document is not None and table.document is not None
    assert "1 waiting for approval" in book.plain_text
    rows = list(load_workbook(io.BytesIO(book.document[1])).active.iter_rows(values_only=True))
    head = rows[0]
    waiting = [r for r in rows[1:] if r[1] == "Alice Smith"]
    assert len(waiting) == 1
    row = dict(zip(head, waiting[0], strict=True))
    assert row["State"] == "waiting for approval" and row["Format"] == "offline"
    assert row[label("pass-id", "en")] == PASS_ID
    assert row[label("years", "en")] == 3  # a number, as Excel sums it
    lines = list(csv.DictReader(io.StringIO(table.document[1].decode("utf-8-sig"))))
    assert [(r["full_name"], r["status"], r["format"], r["pass-id"]) for r in lines] == [
        ("Alice Smith", "pending", "offline", PASS_ID)]


async def test_finding_2_names_are_escaped_once(fake: FakeTelegram, tmp_path: Path) -> None:
    admin(fake)
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    name = "Tom & Jerry <b>Ltd</b>"
    try:
        await admin(fake).send("/pending")
        await admin(fake).reply(has("Nobody is waiting"))
        await apply(fake.user(1, language_code="en"), "en", name, offline=True)
        notice = await admin(fake).wait_for(has("New registration"))
        await admin(fake).send("/pending")
        listed = await admin(fake).reply(has("Waiting for approval (Round table): 1"))
        approve = next(d for b, d in notice.buttons_data.items() if "Approve" in b)
        assert approve is not None
        await admin(fake).press_data(approve, notice.message_id)
        popup = (await admin(fake).answer_to_press()).get("text", "")
    finally:
        await running.stop()
    for shown in (notice, listed):
        assert name in shown.plain_text, shown.plain_text
        assert "&amp;" not in shown.plain_text and "&lt;" not in shown.plain_text
    # A button's pop-up is plain text: the name as typed, no codes.
    assert popup.startswith(f"Approved: {name} (a seat)"), popup


async def test_finding_4_one_live_list_edited_after_each_decision(
        fake: FakeTelegram, tmp_path: Path) -> None:
    olga = admin(fake)
    running = await start(fake, settings_for(fake, tmp_path, approval=True,
                                             offline_capacity=1))
    try:
        for user_id, name in ((1, "Alice Smith"), (2, "Bob Brown"), (3, "Carol Jones"),
                              (4, "Dave Green")):
            await hold(running, user_id, name)
        await notified(fake, olga, 4)
        await olga.send("/pending")
        listed = await olga.reply(has("Waiting for approval (Round table): 4"))
        assert "🪑 Seats free now: 1." in listed.plain_text  # what an approval gives now
        assert buttons(listed) == ["1. Alice Smith", "2. Bob Brown", "3. Carol Jones",
                                   "4. Dave Green", "✅ Approve all"]
        sent = len(olga.messages)

        await olga.press("1. Alice Smith")
        await olga.reply(has("waits for approval since"))
        await olga.press("✅ Approve")
        assert (await olga.answer_to_press())["text"] == (
            "Approved: Alice Smith (a seat). They have been told.")
        after = await olga.reply(has("Waiting for approval (Round table): 3"))
        assert after.message_id == listed.message_id and len(olga.messages) == sent
        assert "Approved: Alice Smith (a seat)" in after.plain_text
        assert buttons(after) == ["1. Bob Brown", "2. Carol Jones", "3. Dave Green",
                                  "✅ Approve all"]

        await olga.press("1. Bob Brown")
        await olga.reply(has("Bob Brown", "waits for approval since"))
        await olga.press("✖️ Decline")
        asked = await olga.reply(has("Declining Bob Brown"))
        assert asked.message_id == listed.message_id
        await olga.send("Ministry staff only")
        again = await olga.reply(has("Declined: Bob Brown",
                                     "Waiting for approval (Round table): 2"))
        assert buttons(again) == ["1. Carol Jones", "2. Dave Green", "✅ Approve all"]
        old = next(m for m in olga.messages if m.message_id == listed.message_id)
        assert buttons(old) == []  # one live list

        await olga.press("✅ Approve all")  # asked first, in the same message
        sure = await olga.reply(has("Approve all 2 waiting"))
        assert sure.message_id == again.message_id
        await olga.press("✅ Yes, approve all 2")
        assert (await olga.answer_to_press())["text"] == (
            "Approved: 2 (the room was full, online + waitlist: 2). Each has been told.")
        done = await olga.reply(has("Nobody is waiting for approval"))
        assert done.message_id == again.message_id and buttons(done) == []
        assert "Approved: 2 (the room was full, online + waitlist: 2)" in done.plain_text
        desk = await running.desk()
        counts = await desk.counts()
    finally:
        await running.stop()
    assert (counts.seated, counts.waitlisted) == (1, 2)


async def test_finding_4_a_decline_from_the_new_registration_message_edits_it(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """Decline (with a reason, or without) on the new-registration message: it records the
    decision and loses its buttons, as Approve does; the question's button goes too."""
    olga = admin(fake)
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        await olga.send("/pending")
        await olga.reply(has("Nobody is waiting"))
        await apply(fake.user(1, language_code="en"), "en", "Alice Smith", offline=True)
        await apply(fake.user(2, language_code="en"), "en", "Bob Brown", offline=True)
        first = await olga.wait_for(has("New registration", "Alice Smith"))
        second = await olga.wait_for(has("New registration", "Bob Brown"))
        await olga.press_data(next(b["callback_data"] for b in first.inline_buttons
                                   if b["text"] == "✖️ Decline"), first.message_id)
        asked = await olga.reply(has("Declining Alice Smith"))
        await olga.send("Ministry staff only. " * 30)  # over 500 characters: asked again
        await olga.reply(has("That is too long: at most 500 characters"))
        await olga.send("Ministry staff only")
        await olga.reply(has("Declined: Alice Smith"))
        await olga.press_data(next(b["callback_data"] for b in second.inline_buttons
                                   if b["text"] == "✖️ Decline"), second.message_id)
        await olga.reply(has("Declining Bob Brown"))
        await olga.press("Decline without a reason")
        await olga.reply(has("Declining Bob Brown", "Declined: Bob Brown"))
        shown = {m.message_id: m for m in olga.messages}
    finally:
        await running.stop()
    for message, name in ((first, "Alice Smith"), (second, "Bob Brown")):
        now = shown[message.message_id]
        assert f"Declined: {name}" in now.plain_text and buttons(now) == []
    assert buttons(shown[asked.message_id]) == []


async def test_finding_4_nobody_here_but_someone_for_another_event(
        fake: FakeTelegram, tmp_path: Path) -> None:
    admin(fake)
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        base = (await running.event()).info
        other = await running.app.registrations.events.create(base.model_copy(update={
            "title": "Closed table", "id": None,
            "starts_at": datetime.fromisoformat("2030-12-01T17:00:00")}))
        await hold(running, 1, "Alice Smith", event=other)
        await admin(fake).send("/pending")
        said = await admin(fake).reply(has("Nobody is waiting for approval"))
    finally:
        await running.stop()
    assert "Waiting for approval for other events: «Closed table» (1)" in said.plain_text
    assert "/events" in said.plain_text


async def test_finding_5_the_decline_gives_the_events_phone(fake: FakeTelegram,
                                                             tmp_path: Path) -> None:
    admin(fake)
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        alice = fake.user(1, language_code="ru")
        waiting = await hold(running, 1, "Alice Smith")
        await admin(fake).send("/pending")
        await admin(fake).reply(has("Waiting for approval"))
        # "Decline without a reason" (the reason's question: the other tests)
        await admin(fake).press_data(ApprovalCb(act="nr", ev=(await running.event()).id,
                                                p=waiting).pack())
        declined = await alice.wait_for(has("Round table"))
    finally:
        await running.stop()
    assert PHONE in declined.plain_text


async def test_finding_6_waiting_is_among_the_counts_in_stats(fake: FakeTelegram,
                                                              tmp_path: Path) -> None:
    admin(fake)
    running = await start(fake, settings_for(fake, tmp_path, approval=True))
    try:
        await hold(running, 1, "Alice Smith")
        await admin(fake).send("/stats")
        stats = await admin(fake).reply(has("Waiting for approval: 1"))
    finally:
        await running.stop()
    lines = stats.plain_text.splitlines()
    at = next(n for n, line in enumerate(lines) if "Waiting for approval: 1" in line)
    assert "Online:" in lines[at - 1], stats.plain_text


async def test_a_stop_while_the_new_form_notice_hangs_sends_it_after_the_restart(
        fake: FakeTelegram, tmp_path: Path) -> None:
    """The organisers' news of a new form is written with the form (one transaction) and
    sent by the outbox: a stop while it is on the wire neither loses it nor repeats it."""
    settings = settings_for(fake, tmp_path, approval=True)
    settings.sender.request_timeout = 1.0  # the stop's grace: two of them
    olga = admin(fake)

    def new_form(params: dict[str, object]) -> bool:
        return "🆕" in str(params.get("text", ""))

    fake.add_fault(fault_on("sendMessage", Fault.hang(60), chat_id=ADMIN, times=None,
                            when=new_form))
    running = await start(fake, settings)
    try:
        await apply(fake.user(1, language_code="en"), "en", "Alice Smith", offline=True)
        await fake.wait_until(lambda: any(
            c.params.get("chat_id") == ADMIN and new_form(c.params)
            for c in fake.calls("sendMessage")), timeout=10)
    finally:
        await running.stop()  # the notice is still on the wire
    assert not any("🆕" in m.plain_text for m in olga.messages)
    fake.clear_faults()
    running = await start(fake, settings, running.clock)
    try:
        notice = await olga.wait_for(has("🆕"))
    finally:
        await running.stop()
    assert "Alice Smith" in notice.plain_text and len(buttons(notice)) == 2  # decide here
    assert sum("🆕" in m.plain_text for m in olga.messages) == 1
