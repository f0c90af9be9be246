"""Forms waiting for approval as the organiser reads them (pure: no Telegram calls): the
one-line row of /pending, the whole form (every answer, as a registration's details show
them) within one message, and their keyboards."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.config import EventSection
from core.i18n import Safe, Texts
from core.render import answer, answer_line, role_label, shorten
from handlers.admin.callbacks import ApprovalCb
from handlers.admin.console import TEXT_MAX
from handlers.admin.views import moment
from services.events import Event
from storage.pending import Waiting

LISTED = 20  # /pending gives this many a button of their own
# Ever shorter cuts of long answers (and labels) until the form fits one message; None:
# as given. An ID number or a short answer is never cut; a 1000-character text may be.
CUTS: tuple[int | None, ...] = (None, 400, 200, 100, 50, 25)


def row(t: Texts, info: EventSection, waiting: Waiting) -> Safe:
    """'Name, organisation (role); format': a catalog text, escaped once (Safe: it goes
    into other texts as it is)."""
    person = waiting.who
    return Safe(t("adm-pending-row", name=person.full_name, org=person.organisation,
                  role=role_label(t, person.role, info),
                  format=Safe(t(f"format-{waiting.wants.value}"))))


def _cut(value: Any, limit: int | None) -> Any:
    if limit is None:
        return value
    if isinstance(value, str):
        return shorten(value, limit)
    if isinstance(value, list):
        return [shorten(v, limit) if isinstance(v, str) else v for v in value]
    return value


def _answers(t: Texts, info: EventSection, waiting: Waiting, limit: int | None) -> list[str]:
    """The event's own questions with this form's answers, one line each (the rule of
    core.render.answer_lines: a question for the other format is left out)."""
    given = waiting.answers
    return [answer_line(t, _cut(q.label_in(t.language), limit),
                        answer(t, q, _cut(given.get(q.id), limit)))
            for q in info.form_model.questions if q.id in given or not q.limited]


def details(t: Texts, info: EventSection, waiting: Waiting, tz: str, head: str = "",
            room: int = TEXT_MAX) -> str:
    """The whole form in the organiser's language, headed by `head`: within `room`
    characters (Telegram's limit for a message), long answers cut, said at the end."""
    person = waiting.who
    body = t("adm-waiting-details", name=person.full_name, org=person.organisation,
             role=role_label(t, person.role, info), phone=person.phone or t("phone-none"),
             format=Safe(t(f"format-{waiting.wants.value}")),
             since=moment(waiting.created_at, tz), language=person.language)
    text = ""
    for limit in CUTS:
        lines = [head] if head else []
        lines += [body, *_answers(t, info, waiting, limit)]
        if limit is not None:
            lines.append(t("adm-waiting-cut"))
        text = "\n".join(lines)
        if len(text) <= room:
            break
    return text


def screen(t: Texts, event: Event, waiting: list[Waiting], head: str = "",
           elsewhere: list[tuple[Event, int]] | None = None, free: int | None = None,
           ) -> tuple[str, InlineKeyboardMarkup | None]:
    """/pending: who waits for this event, one line each, a button each (their whole form
    and the decision), and Approve all; `head`: the decision just made, on top. Nobody
    waiting: says so, and names the other events where someone does."""
    lines = [head] if head else []
    title = event.texts(t.language).title
    if not waiting:
        lines.append(t("adm-pending-none", title=title))
        if elsewhere:
            lines.append(t("adm-pending-elsewhere", events=Safe(", ".join(
                t("adm-pending-elsewhere-row", title=other.texts(t.language).title,
                  count=count) for other, count in elsewhere))))
        return "\n\n".join(lines), None
    lines.append(t("adm-pending-head", title=title, count=len(waiting)))
    if free is not None:  # what an approval gives now: "offline" is a wish, not a seat
        lines.append(t("adm-pending-seats", free=free))
    lines.append("\n".join(f"{n}. {row(t, event.info, w)}"
                           for n, w in enumerate(waiting, start=1)))
    lines.append(t("adm-pending-pick"))
    kb = InlineKeyboardBuilder()
    for n, w in enumerate(waiting[:LISTED], start=1):
        # Plain text: a button label is not HTML.
        kb.button(text=shorten(f"{n}. {w.who.full_name}", 60),
                  callback_data=ApprovalCb(act="show", ev=event.id, p=w.id))
    kb.button(text=t("adm-btn-approve-all"), callback_data=ApprovalCb(act="all", ev=event.id))
    kb.adjust(1)
    return "\n\n".join(lines), kb.as_markup()


def form_buttons(t: Texts, event_id: int, pending_id: int) -> InlineKeyboardMarkup:
    """Under one form opened from /pending: decide, or go back to the list."""
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-approve"),
              callback_data=ApprovalCb(act="lok", ev=event_id, p=pending_id))
    kb.button(text=t("adm-btn-decline"),
              callback_data=ApprovalCb(act="lno", ev=event_id, p=pending_id))
    kb.button(text=t("adm-btn-pending-list"), callback_data=ApprovalCb(act="list", ev=event_id))
    kb.adjust(2, 1)
    return kb.as_markup()


def reason_buttons(t: Texts, event_id: int, pending_id: int,
                   listed: bool) -> InlineKeyboardMarkup:
    """While the reason for a decline is asked: decline without one (and, from /pending,
    back to the list)."""
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-decline-no-reason"),
              callback_data=ApprovalCb(act="lnr" if listed else "nr", ev=event_id,
                                       p=pending_id))
    if listed:
        kb.button(text=t("adm-btn-pending-list"),
                  callback_data=ApprovalCb(act="list", ev=event_id))
    kb.adjust(1)
    return kb.as_markup()
