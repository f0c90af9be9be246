"""Approval (`approval = true`, issue 21): each confirmed form waits for an organiser. The
organisers get each new one with Approve / Decline; /pending lists them with "approve all".
Approving applies the seat rule at that moment (a seat if free, else the waitlist) in one
transaction; the person is told once, in their language, with their entry code or the
Zoom details, by the outbox (the news is committed with the decision). A second press (or
another organiser's) finds it decided already."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import Catalog, Texts
from core.render import role_label
from core.validation import clean_text
from handlers.admin.callbacks import ApprovalCb
from handlers.admin.console import Console
from handlers.filters import Inline
from services.registration import Desk, Registrations
from services.team import Role, Team, covers
from storage.models import Outcome, Placement
from storage.pending import Waiting
from storage.people import People

log = logging.getLogger(__name__)
LISTED = 20  # /pending shows this many with buttons of their own
REASON_MAX = 500


def who(t: Texts, desk: Desk, waiting: Waiting) -> str:
    person = waiting.who
    return t("adm-pending-row", name=person.full_name, org=person.organisation,
             role=role_label(t, person.role, desk.info),
             format=t(f"format-{waiting.wants.value}"))


def buttons(t: Texts, event_id: int, pending_id: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-approve"), callback_data=ApprovalCb(act="ok", ev=event_id,
                                                                  p=pending_id))
    kb.button(text=t("adm-btn-decline"), callback_data=ApprovalCb(act="no", ev=event_id,
                                                                  p=pending_id))
    kb.adjust(2)
    return kb.as_markup()


async def tell_organisers(bot: Bot, desk: Desk, waiting: Waiting, catalog: Catalog,
                          people: People, team: Team) -> None:
    """A new form waits: each owner, and each organiser of the event's team, gets it in
    their language, with the two buttons."""
    members = [m.user_id for m in await team.members(desk.event.id)
               if m.removed_at is None and covers(Role(m.role), Role.ORGANISER)]
    for admin in dict.fromkeys([*desk.settings.telegram.admins, *members]):
        t = catalog.for_language(await people.reader_language(admin))
        text = t("adm-pending-new", title=desk.info.title, who=who(t, desk, waiting))
        try:
            await bot.send_message(admin, text,
                                   reply_markup=buttons(t, desk.event.id, waiting.id))
        except TelegramAPIError as exc:  # one unreachable organiser: the others, /pending
            log.warning("could not tell organiser %s of a registration waiting for "
                        "approval: %s", admin, exc)


def placed(t: Texts, outcome: Outcome) -> str:
    place = outcome.registration.placement
    return t("adm-approved-" + {Placement.SEATED: "seat", Placement.WAITLISTED: "waitlist",
                                Placement.ONLINE: "online"}[place])


async def pending_list(message: Message, t: Texts, console: Console) -> None:
    waiting = await console.desk.waiting_list()
    title = console.event.info.title
    if not waiting:
        await message.answer(t("adm-pending-none", title=title))
        return
    lines = [t("adm-pending-head", title=title, count=len(waiting))]
    lines += [f"{n}. {who(t, console.desk, w)}" for n, w in enumerate(waiting, start=1)]
    kb = InlineKeyboardBuilder()
    for n, w in enumerate(waiting[:LISTED], start=1):
        kb.button(text=f"{t('adm-btn-approve')} {n}",
                  callback_data=ApprovalCb(act="ok", ev=console.event.id, p=w.id))
        kb.button(text=f"{t('adm-btn-decline')} {n}",
                  callback_data=ApprovalCb(act="no", ev=console.event.id, p=w.id))
    kb.button(text=t("adm-btn-approve-all"),
              callback_data=ApprovalCb(act="all", ev=console.event.id))
    kb.adjust(*[2] * min(len(waiting), LISTED), 1)
    await message.answer("\n".join(lines), reply_markup=kb.as_markup())


async def decide(cb: CallbackQuery, callback_data: ApprovalCb, callback_answer: CallbackAnswer,
                 bot: Bot, state: FSMContext, t: Texts,
                 registrations: Registrations, console: Console) -> None:
    event = await registrations.events.get(callback_data.ev)
    if event is None:
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        return
    desk = registrations.of(event)
    if desk.started():  # those still waiting were told it is closed
        callback_answer.text, callback_answer.show_alert = t("adm-pending-started"), True
        return
    if callback_data.act == "all":
        done = []
        for waiting in await desk.waiting_list():
            outcome = await desk.approve(waiting.id)  # the outbox tells the person
            if outcome is not None:
                done.append(outcome)
        await console.record("approve", details=f"all: {len(done)}")
        callback_answer.text = t("adm-approved-all", count=len(done))
        return
    if callback_data.act == "ok":
        outcome = await desk.approve(callback_data.p)
        if outcome is None:
            callback_answer.text, callback_answer.show_alert = t("adm-decided-already"), True
            return
        await console.record("approve", outcome.registration.id)
        said = t("adm-approved", name=outcome.registration.full_name,
                 placement=placed(t, outcome))
    elif callback_data.act == "no":  # first, the reason (optional)
        await _ask_reason(cb, callback_data, callback_answer, state, t, desk)
        return
    else:
        await state.clear()
        found = await _decline(t, desk, callback_data.p, None)
        if found is None:
            callback_answer.text, callback_answer.show_alert = t("adm-decided-already"), True
            return
        said = found
        await console.record("decline")
    callback_answer.text = said
    # The new-registration message (one row of buttons) records the decision and loses
    # its buttons; the /pending list keeps the others' (a decided row answers "decided").
    shown = cb.message if isinstance(cb.message, Message) else None
    if shown is not None and shown.reply_markup and len(shown.reply_markup.inline_keyboard) == 1:
        await bot.edit_message_text(shown.html_text + "\n\n" + said, chat_id=cb.from_user.id,
                                    message_id=shown.message_id)


class Declining(StatesGroup):
    reason = State()  # data: DECLINING = [event id, waiting id]


DECLINING = "declining"


async def _ask_reason(cb: CallbackQuery, data: ApprovalCb, callback_answer: CallbackAnswer,
                      state: FSMContext, t: Texts, desk: Desk) -> None:
    waiting = next((w for w in await desk.waiting_list() if w.id == data.p), None)
    if waiting is None:
        callback_answer.text, callback_answer.show_alert = t("adm-decided-already"), True
        return
    await state.set_state(Declining.reason)
    await state.update_data({DECLINING: [data.ev, data.p]})
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-decline-no-reason"),
              callback_data=ApprovalCb(act="nr", ev=data.ev, p=data.p))
    if isinstance(cb.message, Message):
        await cb.message.answer(t("adm-decline-ask", name=waiting.who.full_name),
                                reply_markup=kb.as_markup())


async def _decline(t: Texts, desk: Desk, pending_id: int, reason: str | None) -> str | None:
    """Declined (the outbox tells the person, with the reason if one was given); None:
    decided already."""
    declined = await desk.decline(pending_id, reason)
    if declined is None:
        return None
    return t("adm-declined", name=declined.who.full_name)


async def reason(message: Message, state: FSMContext, t: Texts,
                 registrations: Registrations, console: Console) -> None:
    """The reason typed after Decline: sent to the person with the news."""
    chosen = (await state.get_data()).get(DECLINING) or [0, 0]
    await state.clear()
    event = await registrations.events.get(int(chosen[0]))
    text = clean_text(message.text, REASON_MAX)
    said = None
    if event is not None and isinstance(text, str):
        said = await _decline(t, registrations.of(event), int(chosen[1]), text)
    if said is not None:
        await console.record("decline")
    await message.answer(said or t("adm-decided-already"))


def router() -> Router:
    r = Router(name="admin-approval")
    r.message.register(pending_list, Command("pending"))
    r.callback_query.register(decide, ApprovalCb.filter())
    r.message.register(reason, StateFilter(Declining.reason), Inline(F.text),
                       ~Inline(F.text.startswith("/")))
    return r
