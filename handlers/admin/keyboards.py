"""Admin keyboards. Labels from the catalogs, data from handlers/admin/callbacks.py."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import NAMES, Texts
from core.render import shorten
from handlers.admin import rules, views
from handlers.admin.callbacks import (
    VERSIONS,
    CastCb,
    CastLang,
    DraftCb,
    EventCb,
    IntakeCb,
    InviteCb,
    Kind,
    ListCb,
    RegCb,
    VersionCb,
)
from services.events import Event, Tally
from storage.models import Audience, Registration
from storage.reports import KINDS


def kinds(t: Texts, counts: dict[str, int]) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for k in KINDS:
        kb.button(text=t("adm-btn-kind", kind=t(f"adm-kind-{k}"), count=counts[k]),
                  callback_data=ListCb(kind=k))
    kb.adjust(2)
    return kb.as_markup()


def page(t: Texts, kind: Kind, number: int, pages: int, start: int,
         regs: list[Registration]) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for i, reg in enumerate(regs):  # one row each
        kb.button(text=shorten(f"{start + i}. {views.who(t, reg)}", 60),
                  callback_data=RegCb(act="show", reg=reg.id, kind=kind, page=number))
    nav = InlineKeyboardBuilder()  # one row: previous, next (either may be missing)
    if number > 0:
        nav.button(text=t("adm-btn-prev"), callback_data=ListCb(kind=kind, page=number - 1))
    if number + 1 < pages:
        nav.button(text=t("adm-btn-next"), callback_data=ListCb(kind=kind, page=number + 1))
    back = InlineKeyboardBuilder()
    back.button(text=t("adm-btn-lists"), callback_data=ListCb(kind=""))
    kb.adjust(1)
    kb.attach(nav)
    kb.attach(back)
    return kb.as_markup()


def details(t: Texts, reg: Registration, kind: Kind, number: int,
            started: bool = False) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for a in rules.actions(reg, started):
        kb.button(text=t(f"adm-btn-{a.value}"),
                  callback_data=RegCb(act=a.value, reg=reg.id, v=reg.version, kind=kind,
                                      page=number))
    kb.button(text=t("adm-btn-to-list"), callback_data=ListCb(kind=kind, page=number))
    kb.adjust(1)
    return kb.as_markup()


def confirm(t: Texts, reg: Registration, act: rules.Act, kind: Kind,
            number: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t(f"adm-btn-yes-{act.value}"),
              callback_data=RegCb(act=act.value, reg=reg.id, v=reg.version, sure=True, kind=kind,
                                  page=number))
    kb.button(text=t("adm-btn-no"), callback_data=RegCb(act="show", reg=reg.id, kind=kind,
                                                        page=number))
    kb.adjust(1)
    return kb.as_markup()


def close(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-close-offline"), callback_data=IntakeCb(to="online-only"))
    kb.button(text=t("adm-btn-close-all"), callback_data=IntakeCb(to="closed"))
    kb.button(text=t("adm-btn-keep"), callback_data=IntakeCb(to="keep"))
    kb.adjust(1)
    return kb.as_markup()


def stop(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-stop"), callback_data=CastCb(act="stop"))
    return kb.as_markup()


def audiences(t: Texts, counts: dict[Audience, int], others: bool = False,
              ) -> InlineKeyboardMarkup:
    # One button per offered value of the one audience rule (`counts`: the after-the-start
    # ones only once the event began), labelled by its catalog key, two to a row; the
    # people of other events only when some other event has any.
    kb = InlineKeyboardBuilder()
    for a in Audience:
        if a in counts:
            kb.button(text=t("adm-btn-aud", audience=t(f"adm-aud-{a.value}"),
                             count=counts[a]),
                      callback_data=CastCb(act="aud", aud=a))
    if others:
        kb.button(text=t("adm-btn-others"), callback_data=CastCb(act="others"))
    kb.button(text=t("adm-btn-stop"), callback_data=CastCb(act="stop"))
    kb.adjust(*[2] * (len(counts) // 2), *[1] * (len(counts) % 2), 1)
    return kb.as_markup()


def versions(t: Texts, last: CastLang) -> InlineKeyboardMarkup:
    """The broadcast draft's languages: what the last text is for, and a version to add.
    `last` is a language code or "all" (the text for everyone)."""
    kb = InlineKeyboardBuilder()
    if last != "all":
        kb.button(text=t("adm-btn-cast-for-all"), callback_data=VersionCb(act="for", lang="all"))
    others = [code for code in VERSIONS if code != last]
    for code in others:
        kb.button(text=t("adm-btn-cast-only", language=NAMES[code]),
                  callback_data=VersionCb(act="for", lang=code))
    for code in others:
        kb.button(text=t("adm-btn-cast-add", language=NAMES[code]),
                  callback_data=VersionCb(act="add", lang=code))
    kb.adjust(*([1] if last != "all" else []), len(others), len(others))
    return kb.as_markup()


def other_events(t: Texts, found: list[tuple[Event, Tally]]) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for event, tally in found:
        # Plain text, not a catalog text: titles are user text, and labels are not HTML.
        kb.button(text=f"{views.event_button(t, event, False)} ({tally.active})",
                  callback_data=InviteCb(ev=event.id))
    kb.button(text=t("adm-btn-stop"), callback_data=CastCb(act="stop"))
    kb.adjust(1)
    return kb.as_markup()


def invite(t: Texts, event: Event, link: str) -> InlineKeyboardMarkup:
    """The button the invited see (the same label the broadcast gives them)."""
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-open-event", title=event.texts(t.language).title), url=link)
    return kb.as_markup()


def events(t: Texts, events: list[Event], current: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for event in events:
        kb.button(text=views.event_button(t, event, event.id == current),
                  callback_data=EventCb(ev=event.id))
    kb.adjust(1)
    return kb.as_markup()


def draft_step(t: Texts, step: str) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-keep-value"), callback_data=DraftCb(act="keep", step=step))
    kb.button(text=t("adm-btn-stop"), callback_data=DraftCb(act="stop"))
    kb.adjust(2)
    return kb.as_markup()


def draft_approval(t: Texts) -> InlineKeyboardMarkup:
    """The approval step: wait for approval, or confirm at once; then Keep and Cancel."""
    kb = InlineKeyboardBuilder()
    for on in (True, False):
        kb.button(text=t(f"adm-btn-approval-{'on' if on else 'off'}"),
                  callback_data=DraftCb(act="set", step="approval", on=on))
    kb.button(text=t("adm-btn-keep-value"), callback_data=DraftCb(act="keep", step="approval"))
    kb.button(text=t("adm-btn-stop"), callback_data=DraftCb(act="stop"))
    kb.adjust(1, 1, 2)
    return kb.as_markup()


def draft_save(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-save"), callback_data=DraftCb(act="save"))
    kb.button(text=t("adm-btn-stop"), callback_data=DraftCb(act="stop"))
    kb.adjust(2)
    return kb.as_markup()


def draft_again(t: Texts) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-again"), callback_data=DraftCb(act="again"))
    return kb.as_markup()


def send(t: Texts, above: InlineKeyboardMarkup | None = None) -> InlineKeyboardMarkup:
    """Send / Cancel, under the preview's own buttons (`above`: what readers will see)."""
    kb = InlineKeyboardBuilder()
    if above is not None:
        kb.attach(InlineKeyboardBuilder(markup=above.inline_keyboard))
    kb.row(InlineKeyboardButton(text=t("adm-btn-send"),
                                callback_data=CastCb(act="send").pack()))
    kb.row(InlineKeyboardButton(text=t("adm-btn-stop"),
                                callback_data=CastCb(act="stop").pack()))
    return kb.as_markup()


def cast_choice(t: Texts, last: CastLang, counts: dict[Audience, int],
                others: bool = False) -> InlineKeyboardMarkup:
    """One message for the draft's audience and its languages (a tidy chat): the
    audiences first (what every broadcast needs), the languages, then Cancel."""
    rows = audiences(t, counts, others).inline_keyboard
    return InlineKeyboardMarkup(inline_keyboard=[*rows[:-1], *versions(t, last).inline_keyboard,
                                                 rows[-1]])
