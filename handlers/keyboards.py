"""Keyboards. Labels come from the catalogs; data from callbacks.py."""

from __future__ import annotations

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.i18n import Texts
from bot.roles import ROLES
from handlers.callbacks import FormCb, MyCb, StartCb
from storage.models import Counts, Placement, Registration


def _rows(*rows: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


def button(text: str, data: StartCb | FormCb | MyCb) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def event_card(t: Texts, registered: bool, is_open: bool = True) -> InlineKeyboardMarkup | None:
    """My registration, or Register while registration is open (after closing: nothing)."""
    if registered:
        return _rows([button(t("btn-my"), StartCb(action="my"))])
    return _rows([button(t("btn-register"), StartCb(action="reg"))]) if is_open else None


def roles(t: Texts) -> InlineKeyboardMarkup:
    buttons = [button(t(f"role-{r}"), FormCb(action="role", value=r)) for r in ROLES]
    return _rows(*[buttons[i:i + 2] for i in range(0, len(buttons), 2)])


def phone(t: Texts) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=t("btn-share-phone"), request_contact=True)],
                  [KeyboardButton(text=t("btn-skip"))]],
        resize_keyboard=True, one_time_keyboard=True,
    )


def formats(t: Texts, counts: Counts, offline_open: bool) -> InlineKeyboardMarkup:
    online = [button(t("btn-online"), FormCb(action="fmt", value="online"))]
    if not offline_open:
        return _rows(online)
    offline = (t("btn-offline", seats=counts.seats_left) if counts.seats_left
               else t("btn-offline-full"))
    return _rows([button(offline, FormCb(action="fmt", value="offline"))], online)


def summary(t: Texts) -> InlineKeyboardMarkup:
    return _rows([button(t("btn-confirm"), FormCb(action="ok"))],
                 [button(t("btn-edit"), FormCb(action="edit")),
                  button(t("btn-abort"), FormCb(action="abort"))])


FIELDS = ("name", "org", "role", "phone", "format")


def edit_fields(t: Texts) -> InlineKeyboardMarkup:
    buttons = [button(t(f"field-{f}"), FormCb(action="field", value=f)) for f in FIELDS]
    return _rows(buttons[:3], buttons[3:], [button(t("btn-back"), FormCb(action="back"))])


def my(t: Texts, reg: Registration, counts: Counts, offline_open: bool) -> InlineKeyboardMarkup:
    cancel = [button(t("btn-cancel-reg"), MyCb(action="cancel", reg=reg.id))]
    if reg.placement is Placement.ONLINE and not offline_open:
        return _rows(cancel)
    if reg.placement is Placement.SEATED:
        move = button(t("btn-to-online"), MyCb(action="online", reg=reg.id))
    elif reg.placement is Placement.WAITLISTED:
        move = button(t("btn-leave-waitlist"), MyCb(action="online", reg=reg.id))
    elif counts.seats_left:
        move = button(t("btn-to-offline", seats=counts.seats_left),
                      MyCb(action="offline", reg=reg.id))
    else:
        move = button(t("btn-join-waitlist"), MyCb(action="offline", reg=reg.id))
    return _rows([move], cancel)


def confirm_cancel(t: Texts, reg: Registration) -> InlineKeyboardMarkup:
    return _rows([button(t("btn-cancel-yes"), MyCb(action="yes", reg=reg.id)),
                  button(t("btn-cancel-keep"), MyCb(action="keep", reg=reg.id))])
