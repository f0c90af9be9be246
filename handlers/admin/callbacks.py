"""Admin callback data: short prefixes, ids only. Every handler re-checks the row."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ListCb(CallbackData, prefix="al"):
    kind: str  # offline | waitlist | online | all | "" (back to the choice)
    page: int = 0


class RegCb(CallbackData, prefix="ar"):
    act: str  # show | cancel | online | promote | checkin
    reg: int  # registration id
    v: str = ""  # rules.fingerprint of the row the buttons were made for
    sure: bool = False  # the confirmation step was passed
    kind: str = "all"  # the list to go back to
    page: int = 0


class IntakeCb(CallbackData, prefix="ai"):
    to: str  # online-only | closed | keep


class CastCb(CallbackData, prefix="ab"):
    act: str  # aud | send | stop
    aud: str = ""  # all | offline | online | waitlist
