"""Participant handlers without the network: callback data layouts (buttons already sent must
keep working), forged values refused at parsing, keyboard rows, and router hygiene."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup

from core.i18n import Catalog
from core.roles import ROLES
from handlers import keyboards, setup_routers
from handlers.callbacks import (
    FORM_BUTTONS,
    Field,
    FieldCb,
    FormAction,
    FormatCb,
    FormCb,
    MyAction,
    MyCb,
    Role,
    RoleCb,
    StartAction,
    StartCb,
)
from handlers.states import ORDER, Form
from scheduler.reminders import Reminders
from services import attendance
from services.attendance import AttendanceSource, AttendCb, Choice
from storage.models import Format, Registration, Status

T = Catalog().for_language("en")


def test_roles_and_fields_match_their_sources() -> None:
    assert tuple(Role) == ROLES
    names = {(s.state or "").rpartition(":")[2] for s in ORDER
             if s not in (Form.confirm, Form.consent)}
    assert {f.value for f in Field} == names
    for field in Field:
        assert getattr(Form, field.value) in ORDER


@pytest.mark.parametrize(("data", "packed"), [
    (StartCb(action=StartAction.REG, event=3), "s:reg:3"),
    (StartCb(action=StartAction.MY, event=3), "s:my:3"),
    (FormCb(action=FormAction.OK), "f:ok:"),
    (FormCb(action=FormAction.BACK), "f:back:"),
    (RoleCb(value=Role.NGO), "f:role:ngo"),
    (FormatCb(value=Format.OFFLINE), "f:fmt:offline"),
    (FieldCb(value=Field.PHONE), "f:field:phone"),
    (MyCb(action=MyAction.YES, reg=7, v=2), "m:yes:7:2"),
    (AttendCb(reg=7, answer=Choice.NO, v=2), "a:7:n:2"),
])
def test_packed_layout_is_unchanged(data: CallbackData, packed: str) -> None:
    assert data.pack() == packed
    assert type(data).unpack(packed) == data


@pytest.mark.parametrize(("kind", "packed"), [
    # (An unknown role code parses since events set their own roles: the handler checks it
    # against the event's, tests/test_own_questions.py::test_an_event_sets_its_own_roles.)
    (StartCb, "s:zzz"), (FormCb, "f:nope:"), (FormCb, "f:ok:x"), (RoleCb, "f:role:Hacker!"),
    (RoleCb, "f:fmt:ngo"), (FormatCb, "f:fmt:both"), (FieldCb, "f:field:entry_code"),
    (MyCb, "m:yes:abc"), (MyCb, "m:delete:1"), (AttendCb, "a:1:maybe"),
])
def test_forged_values_do_not_parse(kind: type[CallbackData], packed: str) -> None:
    with pytest.raises((TypeError, ValueError)):
        kind.unpack(packed)


def _form_buttons() -> Iterator[str]:
    yield from (FormCb(action=a).pack() for a in FormAction)
    yield from (RoleCb(value=r).pack() for r in Role)
    yield from (FormatCb(value=f).pack() for f in Format)
    yield from (FieldCb(value=f).pack() for f in Field)


@pytest.mark.parametrize("packed", list(_form_buttons()))
def test_each_form_button_parses_as_exactly_one_kind(packed: str) -> None:
    parsed = []
    for kind in FORM_BUTTONS:
        try:
            parsed.append(kind.unpack(packed))
        except (TypeError, ValueError):
            continue
    assert len(parsed) == 1, (packed, parsed)


def person(reg_id: int) -> Registration:
    moment = datetime(2030, 11, 1, tzinfo=UTC)
    return Registration(id=reg_id, event_id=1, user_id=reg_id, chat_id=reg_id, language="en",
                        full_name="Alice", organisation="Org", role="ngo", phone=None,
                        format=Format.OFFLINE, status=Status.ACTIVE, entry_code="AB12CD",
                        created_at=moment, updated_at=moment, waitlisted_at=None,
                        cancelled_at=None, checked_in_at=None, unreachable_at=None)


def _rows(markup: InlineKeyboardMarkup | None) -> list[list[str | None]]:
    assert markup is not None
    return [[b.callback_data for b in row] for row in markup.inline_keyboard]


def test_keyboard_rows() -> None:
    assert keyboards.event_card(T, 3, registered=False, is_open=False) is None
    assert _rows(keyboards.event_card(T, 3, registered=True, is_open=False)) == [["s:my:3"]]
    assert _rows(keyboards.roles(T)) == [["f:role:ngo", "f:role:state"],
                                         ["f:role:research", "f:role:migrant"],
                                         ["f:role:media", "f:role:other"]]
    assert _rows(keyboards.summary(T)) == [["f:ok:"], ["f:edit:", "f:abort:"]]
    assert _rows(keyboards.edit_fields(T)) == [
        ["f:field:name", "f:field:org", "f:field:role"], ["f:field:phone", "f:field:format"],
        ["f:back:"]]
    assert _rows(attendance.keyboard(T, person(7))) == [["a:7:y:0", "a:7:n:0"]]


def test_reminders_are_an_attendance_source() -> None:
    # Checked by mypy: the handler types `reminders` with the Protocol, the factory passes
    # the scheduler's Reminders.
    def source(reminders: Reminders) -> AttendanceSource:
        return reminders

    assert source.__name__ == "source"


def _routers(root: Router) -> Iterator[Router]:
    yield root
    for child in root.sub_routers:
        yield from _routers(child)


def test_routers_are_fresh_and_handlers_are_module_level() -> None:
    first, second = setup_routers(), setup_routers()
    firsts, seconds = list(_routers(first)), list(_routers(second))
    assert [r.name for r in firsts] == [r.name for r in seconds]
    assert not {id(r) for r in firsts} & {id(r) for r in seconds}
    for router in firsts:
        if router.name.startswith("admin"):
            continue  # the admin routers are another module's business
        for observer in (router.message, router.callback_query, router.errors):
            for handler in observer.handlers:
                assert "<locals>" not in handler.callback.__qualname__, (router.name, handler)
