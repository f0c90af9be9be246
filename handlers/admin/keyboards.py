"""Admin keyboards. Labels from the catalogs, data from handlers/admin/callbacks.py."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Texts
from handlers.admin import rules
from handlers.admin.callbacks import CastCb, IntakeCb, ListCb, RegCb
from storage.models import Audience, Registration
from storage.reports import KINDS

AUDIENCES = ("all", "offline", "online", "waitlist")


def _button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def _rows(*rows: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


def kinds(t: Texts, counts: dict[str, int]) -> InlineKeyboardMarkup:
    buttons = [_button(t("adm-btn-kind", kind=t(f"adm-kind-{k}"), count=counts[k]), ListCb(kind=k))
               for k in KINDS]
    return _rows(buttons[:2], buttons[2:])


def page(t: Texts, kind: str, number: int, pages: int, start: int,
         regs: list[Registration]) -> InlineKeyboardMarkup:
    rows = [[_button(f"{start + i}. {reg.full_name}"[:60],
                     RegCb(act="show", reg=reg.id, kind=kind, page=number))]
            for i, reg in enumerate(regs)]
    nav = []
    if number > 0:
        nav.append(_button(t("adm-btn-prev"), ListCb(kind=kind, page=number - 1)))
    if number + 1 < pages:
        nav.append(_button(t("adm-btn-next"), ListCb(kind=kind, page=number + 1)))
    return _rows(*rows, nav, [_button(t("adm-btn-lists"), ListCb(kind=""))])


def details(t: Texts, reg: Registration, kind: str, number: int) -> InlineKeyboardMarkup:
    stamp = rules.fingerprint(reg)
    acts = [_button(t(f"adm-btn-{a.value}"),
                    RegCb(act=a.value, reg=reg.id, v=stamp, kind=kind, page=number))
            for a in rules.actions(reg)]
    back = [_button(t("adm-btn-to-list"), ListCb(kind=kind, page=number))]
    return _rows(*[[b] for b in acts], back)


def confirm(t: Texts, reg: Registration, act: rules.Act, kind: str,
            number: int) -> InlineKeyboardMarkup:
    stamp = rules.fingerprint(reg)
    yes = RegCb(act=act.value, reg=reg.id, v=stamp, sure=True, kind=kind, page=number)
    no = RegCb(act="show", reg=reg.id, kind=kind, page=number)
    return _rows([_button(t(f"adm-btn-yes-{act.value}"), yes)], [_button(t("adm-btn-no"), no)])


def close(t: Texts) -> InlineKeyboardMarkup:
    return _rows([_button(t("adm-btn-close-offline"), IntakeCb(to="online-only"))],
                 [_button(t("adm-btn-close-all"), IntakeCb(to="closed"))],
                 [_button(t("adm-btn-keep"), IntakeCb(to="keep"))])


def stop(t: Texts) -> InlineKeyboardMarkup:
    return _rows([_button(t("adm-btn-stop"), CastCb(act="stop"))])


def audiences(t: Texts, counts: dict[str, int]) -> InlineKeyboardMarkup:
    # One button per value of the one audience rule, labelled by its catalog key.
    buttons = [_button(t("adm-btn-aud", audience=t(f"adm-aud-{a.value}"), count=counts[a]),
                       CastCb(act="aud", aud=a.value)) for a in Audience]
    return _rows(buttons[:2], buttons[2:], [_button(t("adm-btn-stop"), CastCb(act="stop"))])


def send(t: Texts) -> InlineKeyboardMarkup:
    return _rows([_button(t("adm-btn-send"), CastCb(act="send"))],
                 [_button(t("adm-btn-stop"), CastCb(act="stop"))])
