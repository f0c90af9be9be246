"""Keyboards. Labels come from the catalogs; data from callbacks.py."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import Texts
from handlers.callbacks import (
    Consent,
    ConsentCb,
    Extra,
    ExtraCb,
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
from storage.models import Counts, Format, Placement, Registration


def event_card(t: Texts, event: int, registered: bool,
               is_open: bool = True) -> InlineKeyboardMarkup | None:
    """My registration, or Register while registration is open (after closing: nothing)."""
    kb = InlineKeyboardBuilder()
    if registered:
        kb.button(text=t("btn-my"), callback_data=StartCb(action=StartAction.MY, event=event))
    elif is_open:
        kb.button(text=t("btn-register"),
                  callback_data=StartCb(action=StartAction.REG, event=event))
    else:
        return None
    return kb.as_markup()


def event_list(t: Texts, choices: list[tuple[int, str, bool]]) -> InlineKeyboardMarkup:
    """One button per upcoming event: (id, label, registered)."""
    kb = InlineKeyboardBuilder()
    for event, label, registered in choices:
        kb.button(text=t("btn-event-registered" if registered else "btn-event", title=label),
                  callback_data=StartCb(action=StartAction.OPEN, event=event))
    kb.adjust(1)
    return kb.as_markup()


def consent(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-consent-agree"), callback_data=ConsentCb(value=Consent.AGREE))
    kb.button(text=t("btn-consent-decline"), callback_data=ConsentCb(value=Consent.DECLINE))
    kb.adjust(1)
    return kb.as_markup()


def roles(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for role in Role:
        kb.button(text=t(f"role-{role}"), callback_data=RoleCb(value=role))
    kb.adjust(2)
    return kb.as_markup()


def phone(t: Texts) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=t("btn-share-phone"), request_contact=True)],
                  [KeyboardButton(text=t("btn-skip"))]],
        resize_keyboard=True, one_time_keyboard=True,
    )


def formats(t: Texts, counts: Counts, offline_open: bool) -> InlineKeyboardMarkup:
    """Offline (with the seats left) above online; online only once the room is closed."""
    kb = InlineKeyboardBuilder()
    if offline_open:
        offline = (t("btn-offline", seats=counts.seats_left) if counts.seats_left
                   else t("btn-offline-full"))
        kb.button(text=offline, callback_data=FormatCb(value=Format.OFFLINE))
    kb.button(text=t("btn-online"), callback_data=FormatCb(value=Format.ONLINE))
    kb.adjust(1)
    return kb.as_markup()


def summary(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-confirm"), callback_data=FormCb(action=FormAction.OK))
    kb.button(text=t("btn-edit"), callback_data=FormCb(action=FormAction.EDIT))
    kb.button(text=t("btn-abort"), callback_data=FormCb(action=FormAction.ABORT))
    kb.adjust(1, 2)
    return kb.as_markup()


def edit_fields(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for field in Field:
        kb.button(text=t(f"field-{field}"), callback_data=FieldCb(value=field))
    kb.button(text=t("btn-back"), callback_data=FormCb(action=FormAction.BACK))
    kb.adjust(3, 2, 1)
    return kb.as_markup()


def entry_pass(t: Texts, reg: Registration) -> InlineKeyboardMarkup | None:
    """Under "a seat freed up, it is yours": the pass for the door, at hand."""
    if reg.placement is not Placement.SEATED:
        return None
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-pass"),
              callback_data=ExtraCb(what=Extra.PASS, reg=reg.id, v=reg.version))
    return kb.as_markup()


def my(t: Texts, reg: Registration, counts: Counts, offline_open: bool,
       started: bool = False, google: str | None = None) -> InlineKeyboardMarkup:
    """A move (to online / off the waitlist / to a seat / onto the waitlist) above Cancel;
    an online registration gets no move once the room is closed, and nobody gets a move or
    Cancel once the event has started (who has a seat is settled by then; the pass stays
    for the door). Above them: the entry pass for a seat, and the event into one's
    calendar (.ics, or Google Calendar's page)."""
    kb = InlineKeyboardBuilder()
    sizes = []
    if reg.placement is Placement.SEATED:
        kb.button(text=t("btn-pass"),
                  callback_data=ExtraCb(what=Extra.PASS, reg=reg.id, v=reg.version))
        sizes.append(1)
    kb.button(text=t("btn-calendar"),
              callback_data=ExtraCb(what=Extra.CALENDAR, reg=reg.id, v=reg.version))
    if google:
        kb.button(text=t("btn-google-calendar"), url=google)
    sizes.append(2 if google else 1)
    move = None if started else _move(t, reg, counts, offline_open)
    if move is not None:
        kb.button(text=move[0], callback_data=move[1])
        sizes.append(1)
    if not started:
        kb.button(text=t("btn-cancel-reg"), callback_data=_mine(MyAction.CANCEL, reg))
        sizes.append(1)
    kb.adjust(*sizes)
    return kb.as_markup()


def _move(t: Texts, reg: Registration, counts: Counts,
          offline_open: bool) -> tuple[str, MyCb] | None:
    if reg.placement is Placement.SEATED:
        return t("btn-to-online"), _mine(MyAction.ONLINE, reg)
    if reg.placement is Placement.WAITLISTED:
        return t("btn-leave-waitlist"), _mine(MyAction.ONLINE, reg)
    if offline_open and counts.seats_left:
        return t("btn-to-offline", seats=counts.seats_left), _mine(MyAction.OFFLINE, reg)
    if offline_open:
        return t("btn-join-waitlist"), _mine(MyAction.OFFLINE, reg)
    return None


def _mine(action: MyAction, reg: Registration) -> MyCb:
    """A button about this registration as it is now (its version voids it later)."""
    return MyCb(action=action, reg=reg.id, v=reg.version)


def confirm_cancel(t: Texts, reg: Registration) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-cancel-yes"), callback_data=_mine(MyAction.YES, reg))
    kb.button(text=t("btn-cancel-keep"), callback_data=_mine(MyAction.KEEP, reg))
    kb.adjust(2)
    return kb.as_markup()
