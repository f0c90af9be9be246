"""Callback data: short prefixes, ids and codes only (Telegram caps it at 64 bytes).

Every field is an enum or a literal, so a forged or outdated value fails to parse instead of
reaching a handler; the stale-button fallback answers those. The packed text is unchanged
("s:reg", "f:role:ngo", "f:ok:", "m:yes:7"), so buttons already sent keep working."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Annotated, Literal

from aiogram.filters.callback_data import CallbackData
from pydantic import Field as Within

from core.ids import RowId, Version
from storage.models import Format


class Role(StrEnum):
    """The role codes of bot/roles.py ROLES, in the same order (a unit test keeps them equal)."""

    NGO = "ngo"
    STATE = "state"
    RESEARCH = "research"
    MIGRANT = "migrant"
    MEDIA = "media"
    OTHER = "other"


class Field(StrEnum):
    """Form answers that can be edited from the summary; values are handlers.states.Form names."""

    NAME = "name"
    ORG = "org"
    ROLE = "role"
    PHONE = "phone"
    FORMAT = "format"


QuestionId = Annotated[str, Within(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]


class StartAction(StrEnum):
    REG = "reg"  # open the form
    MY = "my"  # show my registration
    OPEN = "open"  # show the event's card (from the list of events)


class StartCb(CallbackData, prefix="s"):
    action: StartAction
    event: RowId  # the event's database id


# The form's buttons share the prefix "f" and the layout action:value; one class per kind
# of value, so each handler gets its value already typed.
class FormAction(StrEnum):
    OK = "ok"
    EDIT = "edit"
    ABORT = "abort"
    BACK = "back"


class FormCb(CallbackData, prefix="f"):
    action: FormAction
    value: Literal[""] = ""  # keeps the "f:ok:" layout of the buttons already sent


class RoleCb(CallbackData, prefix="f"):
    """A role code: the six default ones (Role) or an event's own (checked against the
    event's `roles` by the handler: a forged code is a stale button)."""

    action: Literal["role"] = "role"
    value: Annotated[str, Within(pattern=r"^[a-z0-9][a-z0-9-]{0,29}$")]


class FormatCb(CallbackData, prefix="f"):
    action: Literal["fmt"] = "fmt"
    value: Format


class FieldCb(CallbackData, prefix="f"):
    action: Literal["field"] = "field"
    value: Field


class Consent(StrEnum):
    AGREE = "agree"
    DECLINE = "decline"


class ConsentCb(CallbackData, prefix="f"):
    action: Literal["consent"] = "consent"
    value: Consent


class Pick(IntEnum):
    """What a question button does besides choosing option `v` (0, 1, ...)."""

    DONE = -1  # multi: the ticks are the answer
    SKIP = -2  # an optional question left out


class QuestionCb(CallbackData, prefix="f"):
    """An answer to one of the event's own questions: option `v` of question `q` (yes/no:
    1/0), or a Pick. A button of another question than the one asked is stale."""

    action: Literal["q"] = "q"
    q: QuestionId
    v: Annotated[int, Within(ge=-2, le=99)]


class QuestionEditCb(CallbackData, prefix="f"):
    """The summary's Edit: ask this one of the event's own questions again."""

    action: Literal["qe"] = "qe"
    q: QuestionId


FORM_BUTTONS: tuple[type[CallbackData], ...] = (FormCb, RoleCb, FormatCb, FieldCb, ConsentCb,
                                                QuestionCb, QuestionEditCb)


class MyAction(StrEnum):
    ONLINE = "online"  # to online, or off the waitlist
    OFFLINE = "offline"  # to a seat, or onto the waitlist
    CANCEL = "cancel"
    YES = "yes"  # cancel: confirmed
    KEEP = "keep"  # cancel: changed my mind


class Extra(StrEnum):
    CALENDAR = "ics"  # the .ics file
    PASS = "pass"  # the entry pass as a QR image (seated only)


class ExtraCb(CallbackData, prefix="x"):
    what: Extra
    reg: RowId
    v: Version


class MyCb(CallbackData, prefix="m"):
    action: MyAction
    reg: RowId  # registration id: checked against the presser
    v: Version  # the registration's version the button was shown for: an older one is refused


class WithdrawAction(StrEnum):
    ASK = "ask"  # "Withdraw my request" under the waiting form
    YES = "yes"  # withdrawal confirmed
    NO = "no"  # changed my mind


class WithdrawCb(CallbackData, prefix="w"):
    """A participant's own form waiting for approval (`approval = true`): `p` is its
    pending row, checked against the presser (services.ownership.pressed_waiting)."""

    action: WithdrawAction
    p: RowId
