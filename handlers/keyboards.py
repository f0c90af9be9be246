"""Keyboards. Labels come from the catalogs; data from callbacks.py."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.config import EventSection
from core.i18n import Texts
from core.questions import Question
from core.render import role_label
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
    Pick,
    QuestionCb,
    QuestionEditCb,
    Role,
    RoleCb,
    StartAction,
    StartCb,
    WithdrawAction,
    WithdrawCb,
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


def roles(t: Texts, event: EventSection | None = None) -> InlineKeyboardMarkup:
    """The event's roles (the six default ones unless it sets its own), with the event's
    labels in this language where it gives them."""
    kb = InlineKeyboardBuilder()
    for role in event.role_codes if event is not None else tuple(Role):
        kb.button(text=role_label(t, role, event), callback_data=RoleCb(value=role))
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


def edit_fields(t: Texts, own: list[Question] | None = None) -> InlineKeyboardMarkup:
    """The built-in answers, then the event's own questions asked of this person."""
    kb = InlineKeyboardBuilder()
    for field in Field:
        kb.button(text=t(f"field-{field}"), callback_data=FieldCb(value=field))
    for q in own or []:
        kb.button(text=short(q.label_in(t.language)), callback_data=QuestionEditCb(q=q.id))
    kb.button(text=t("btn-back"), callback_data=FormCb(action=FormAction.BACK))
    kb.adjust(3, 2, *[1] * len(own or []), 1)
    return kb.as_markup()


def short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def question(t: Texts, q: Question,
             picked: list[int] | None = None) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """The buttons of one of the event's own questions: options, ticks and Done, Yes/No,
    the phone's share button; Skip where the answer is optional."""
    if q.kind == "phone":
        rows = [[KeyboardButton(text=t("btn-share-phone"), request_contact=True)]]
        if not q.required:
            rows.append([KeyboardButton(text=t("btn-skip"))])
        return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True, one_time_keyboard=True)
    kb = InlineKeyboardBuilder()
    if q.kind == "choice":
        for n, option in enumerate(q.options_in(t.language)):
            kb.button(text=option, callback_data=QuestionCb(q=q.id, v=n))
    elif q.kind == "multi":
        for n, option in enumerate(q.options_in(t.language)):
            tick = "✓ " if n in (picked or []) else ""
            kb.button(text=tick + option, callback_data=QuestionCb(q=q.id, v=n))
        kb.button(text=t("btn-done"), callback_data=QuestionCb(q=q.id, v=Pick.DONE))
    elif q.kind == "yesno":
        kb.button(text=t("answer-yes"), callback_data=QuestionCb(q=q.id, v=1))
        kb.button(text=t("answer-no"), callback_data=QuestionCb(q=q.id, v=0))
    if not q.required:
        kb.button(text=t("btn-skip"), callback_data=QuestionCb(q=q.id, v=Pick.SKIP))
    if not kb.buttons:
        return None
    kb.adjust(2 if q.kind == "yesno" else 1)
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


def waiting(t: Texts, pending_id: int) -> InlineKeyboardMarkup:
    """Under a form waiting for approval: the one thing its author can do with it."""
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-withdraw"),
              callback_data=WithdrawCb(action=WithdrawAction.ASK, p=pending_id))
    return kb.as_markup()


def confirm_withdraw(t: Texts, pending_id: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-withdraw-yes"),
              callback_data=WithdrawCb(action=WithdrawAction.YES, p=pending_id))
    kb.button(text=t("btn-withdraw-no"),
              callback_data=WithdrawCb(action=WithdrawAction.NO, p=pending_id))
    kb.adjust(2)
    return kb.as_markup()
