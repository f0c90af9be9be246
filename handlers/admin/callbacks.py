"""Admin callback data: short prefixes, ids only. Every handler re-checks the row.

Closed choices are Literal fields: data outside them fails to unpack, so the filter does
not match and the participant fallback answers "out of date" - no second check by hand."""

from __future__ import annotations

from typing import Literal

from aiogram.filters.callback_data import CallbackData

from core.ids import Page, RowId, Version
from storage.models import Audience

Kind = Literal["offline", "waitlist", "online", "all"]  # storage.reports.KINDS


class ListCb(CallbackData, prefix="al"):
    kind: Kind | Literal[""]  # "" = back to the choice of lists
    page: Page = 0


class RegCb(CallbackData, prefix="ar"):
    # A plain string on purpose: "show" or a rules.Act value. Tests forge unknown acts
    # (RegCb(act="explode")) to check they get the stale answer, so it must construct.
    act: str
    reg: RowId  # registration id
    # The registration's version when the buttons were made (the column every change
    # raises); None on buttons that only show, so a forged act without it is stale.
    v: Version | None = None
    sure: bool = False  # the confirmation step was passed
    kind: Kind = "all"  # the list to go back to
    page: Page = 0


class IntakeCb(CallbackData, prefix="ai"):
    to: Literal["online-only", "closed", "keep"]  # Intake values, or leave it as it is


CastLang = Literal["all", "kk", "ru", "en"]  # "all": the text for everyone
VERSIONS: tuple[CastLang, ...] = ("kk", "ru", "en")  # core.i18n.LANGUAGES, in its order


class CastCb(CallbackData, prefix="ab"):
    act: Literal["aud", "send", "stop", "others"]  # others: choose another event's people
    aud: Audience | None = None  # the one audience rule's values


class VersionCb(CallbackData, prefix="av"):
    """/broadcast per language. for: the latest text is for `lang` ("all": everyone);
    add: the next text is the `lang` version. Apart from CastCb so its data stays as it was."""

    act: Literal["for", "add"]
    lang: CastLang


class InviteCb(CallbackData, prefix="ao"):
    """/broadcast to the people registered for another event (its id)."""

    ev: RowId


class EventCb(CallbackData, prefix="ae"):
    """/events: make this event (its id) the admin's current one."""

    ev: RowId


class DraftCb(CallbackData, prefix="ad"):
    """/newevent and /editevent: keep the step's value, set it (a step answered with
    buttons: approval), save the draft, or drop it."""

    act: Literal["keep", "set", "save", "stop", "again"]  # again: a refused save starts over
    step: str = ""  # keep, set: the step its prompt asked; an older prompt's is stale
    on: bool = False  # set: approval on or off


class TeamCb(CallbackData, prefix="am"):
    """/team: invite (a new link for `role`), remove a member (`who`), revoke a link (its
    token). `ev`: the event whose team it is; the gate checks the presser's role in it."""

    act: Literal["invite", "remove", "revoke"]
    ev: RowId
    role: Literal["organiser", "door"] = "door"
    who: RowId = 0  # a Telegram user id
    tok: str = ""


class ApprovalCb(CallbackData, prefix="aq"):
    """Approval (issue 21): approve or decline waiting registration `p` of event `ev`, or
    approve everyone waiting for `ev` (p = 0). From /pending: open one form (show), decide
    there (lok, lno, lnr: the list comes back, edited in place), back to the list (list).
    "all" asks first; "allsure" approves everyone waiting."""

    # nr: decline, no reason given
    act: Literal["ok", "no", "nr", "all", "allsure", "show", "list", "lok", "lno", "lnr"]
    ev: RowId
    p: int = 0


class FormEditCb(CallbackData, prefix="af"):
    """/form on an event made in the chat: add a question (then its kind), reword, remove
    or move up question `q` (remove asks first: "del", then "delsure"), save or drop the
    previewed one, turn approval on or off; while rewording, keep language `q`'s version
    as it was."""

    act: Literal["add", "kind", "edit", "del", "delsure", "up", "save", "drop", "approval",
                 "keep", "req", "who"]  # req, who: the preview's required and asked-of
    ev: RowId
    q: str = ""  # a question id, or the kind chosen
