"""The organiser console's building blocks without a conversation: keyboards, callback
data, router wiring, the ports, the Organiser service; and one walk that counts answers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import get_args

import pytest
from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup

from bench.seed import event
from core.config import EventSection
from core.i18n import Catalog, Texts
from handlers.admin import keyboards
from handlers.admin import router as admin_router
from handlers.admin.callbacks import CastCb, IntakeCb, Kind, ListCb, RegCb
from handlers.admin.rules import Act
from loopback import FakeTelegram
from scheduler.campaigns import Campaigns
from services.events import Event
from services.organiser import Organiser, RegistrationVanished
from services.ports import CampaignsPort
from services.registration import Intake
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Applicant, Format, Registration, Status
from storage.reports import KINDS
from tests.admin import admin, ask, enrol, open_details
from tests.harness import Running, has

T0 = datetime(2020, 11, 1, 9, 0, tzinfo=UTC)


def _conforms(campaigns: Campaigns) -> CampaignsPort:
    """mypy checks this: the scheduler's Campaigns fits the port without importing it."""
    return campaigns


@pytest.fixture
def t() -> Texts:
    return Catalog().for_language("en")


def layout(markup: InlineKeyboardMarkup) -> list[list[tuple[str, str | None]]]:
    return [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard]


def person(reg_id: int = 7) -> Registration:
    return Registration(id=reg_id, event_id=1, user_id=reg_id, chat_id=reg_id, language="en",
                        full_name="Alice", organisation="Org", role="ngo", phone=None,
                        format=Format.OFFLINE, status=Status.ACTIVE, entry_code="AB12",
                        created_at=T0, updated_at=T0, waitlisted_at=None, cancelled_at=None,
                        checked_in_at=None, unreachable_at=None)


def test_list_kinds_are_the_reports_kinds() -> None:
    assert get_args(Kind) == KINDS


def test_out_of_range_callback_data_does_not_unpack() -> None:
    kinds: dict[str, type[CallbackData]] = {"al": ListCb, "ai": IntakeCb, "ab": CastCb,
                                            "ar": RegCb}
    for data in ("al:nonsense:0", "ai:open", "ab:explode:", "ar:show:1::0:nonsense:0"):
        cb = kinds[data[:2]]
        with pytest.raises(ValueError):
            cb.unpack(data)
    assert ListCb.unpack("al::0") == ListCb(kind="")
    assert IntakeCb.unpack("ai:online-only").to == "online-only"


def test_kinds_keyboard_two_rows_of_two(t: Texts) -> None:
    rows = layout(keyboards.kinds(t, dict.fromkeys(KINDS, 1)))
    assert [len(row) for row in rows] == [2, 2]
    assert [data for row in rows for _, data in row] == [f"al:{k}:0" for k in KINDS]


def test_page_keyboard_rows(t: Texts) -> None:
    regs = [person(1), person(2)]
    middle = layout(keyboards.page(t, "all", 1, 3, 11, regs))
    assert [len(row) for row in middle] == [1, 1, 2, 1]
    assert middle[0] == [("11. Alice", "ar:show:1::0:all:1")]
    assert [data for _, data in middle[2]] == ["al:all:0", "al:all:2"]
    assert middle[3] == [(t("adm-btn-lists"), "al::0")]
    only = layout(keyboards.page(t, "offline", 0, 1, 1, []))
    assert only == [[(t("adm-btn-lists"), "al::0")]]
    first = layout(keyboards.page(t, "offline", 0, 2, 1, regs))
    assert [data for _, data in first[2]] == ["al:offline:1"]


def test_details_and_confirm_keyboards_one_button_a_row(t: Texts) -> None:
    reg = person()
    rows = layout(keyboards.details(t, reg, "waitlist", 2))
    assert all(len(row) == 1 for row in rows) and len(rows) == 4  # check in, online, cancel
    assert rows[-1] == [(t("adm-btn-to-list"), "al:waitlist:2")]
    assert rows[0][0][1] is not None and rows[0][0][1].startswith("ar:checkin:7:")
    confirm = layout(keyboards.confirm(t, reg, Act.CANCEL, "all", 0))
    assert [len(row) for row in confirm] == [1, 1]
    assert confirm[1] == [(t("adm-btn-no"), "ar:show:7::0:all:0")]
    assert [d for row in layout(keyboards.close(t)) for _, d in row] == [
        "ai:online-only", "ai:closed", "ai:keep"]
    assert [d for row in layout(keyboards.send(t)) for _, d in row] == ["ab:send:", "ab:stop:"]
    assert layout(keyboards.stop(t)) == [[(t("adm-btn-stop"), "ab:stop:")]]


def _routers(router: Router) -> list[Router]:
    return [router, *(r for child in router.sub_routers for r in _routers(child))]


def test_admin_handlers_are_module_level_functions() -> None:
    handlers = [h.callback for r in _routers(admin_router())
                for observer in (r.message, r.callback_query) for h in observer.handlers]
    assert len(handlers) > 15
    for callback in handlers:
        assert "<locals>" not in callback.__qualname__, callback.__qualname__
        assert callback.__module__.startswith("handlers.admin.")


@pytest.fixture
async def organiser(tmp_path: Path) -> AsyncIterator[Organiser]:
    db = await Database.open(tmp_path / "organiser.sqlite3")
    info = EventSection(title="Round table", starts_at=datetime(2030, 11, 12, 17),
                        offline_capacity=1, venue="DKU", contact_phone="+7",
                        zoom_conference_id="1")
    ledger = Ledger(db, await event(db, 1))
    yield Organiser(ledger, Event(ledger.event, "event", "config", info, 0), lambda: T0)
    await db.close()


async def test_organiser_reads_and_writes(organiser: Organiser) -> None:
    ledger = organiser._ledger
    for user_id in (1, 2):
        await ledger.register(Applicant(user_id=user_id, chat_id=user_id, language="en",
                                        full_name=f"U{user_id}", organisation="Org",
                                        role="ngo", phone=None), Format.OFFLINE, T0)
    assert await organiser.list_sizes() == {"offline": 1, "waitlist": 1, "online": 0, "all": 2}
    seated, waiting = await organiser.fresh(1), await organiser.fresh(2)
    assert await organiser.waitlist_position(seated) is None
    assert await organiser.waitlist_position(waiting) == 1
    assert await organiser.registration(99) is None
    with pytest.raises(RegistrationVanished):
        await organiser.fresh(99)
    assert await organiser.stored_intake() is Intake.OPEN
    await organiser.set_intake(Intake.ONLINE_ONLY)
    assert await organiser.stored_intake() is Intake.ONLINE_ONLY
    await organiser.record(42, "intake", details="online-only")
    [entry] = await organiser.latest_audit(5)
    assert (entry.admin_id, entry.action, entry.at) == (42, "intake", T0)


async def test_every_admin_press_is_answered_once(fake: FakeTelegram, small: Running) -> None:
    """The middleware answers after the handler; a second answer would fail in the fake
    API and surface as an error message to the admin."""
    for user_id in (1, 2, 3, 4):
        await enrol(small, fake, user_id)
    olga = admin(fake)
    await open_details(olga, "Waitlist", "1. Person 4", "Person 4 · #4")
    await olga.press("Cancel registration")
    await olga.reply(has("Cancel the registration of Person 4?"))
    await olga.press("Yes, cancel it")
    await olga.reply(has("Registration cancelled"))
    await ask(olga, "/close", "Registration is")
    await olga.press("Keep")
    await olga.reply(has("Nothing changed"))
    await olga.press_data(RegCb(act="show", reg=999).pack())
    assert "no such registration" in (await olga.answer_to_press())["text"]
    presses = 6
    answers = olga.callback_answers
    assert len(answers) == presses
    assert [a.get("text") for a in answers[:5]] == [None] * 5
    assert not any("went wrong" in m.plain_text for m in olga.messages)
