"""Approval (`approval = true`, issue 21): each confirmed form waits for an organiser. The
organisers get each new one with Approve / Decline; /pending lists them with "approve all".
Approving applies the seat rule at that moment (a seat if free, else the waitlist) in one
transaction; the person is told once, in their language, with their entry code or the
Zoom details, by the outbox (the news is committed with the decision). A second press (or
another organiser's) finds it decided already."""

from __future__ import annotations

import contextlib
import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import Safe, Texts
from core.validation import Problem, clean_text
from handlers.admin import screens
from handlers.admin import waiting as waiting_views
from handlers.admin.callbacks import ApprovalCb
from handlers.admin.console import NAMES_EVENT, TEXT_MAX, Console
from handlers.admin.screens import Screen
from handlers.filters import Inline
from services.events import Event
from services.registration import Desk, Registrations
from services.team import Role
from storage.models import Outcome, Placement
from storage.pending import Waiting

log = logging.getLogger(__name__)
REASON_MAX = 500
DECISION_ROOM = 400  # "Approved: <name> (...)" under a new-registration message


def buttons(t: Texts, event_id: int, pending_id: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("adm-btn-approve"), callback_data=ApprovalCb(act="ok", ev=event_id,
                                                                  p=pending_id))
    kb.button(text=t("adm-btn-decline"), callback_data=ApprovalCb(act="no", ev=event_id,
                                                                  p=pending_id))
    kb.adjust(2)
    return kb.as_markup()


def notice(t: Texts, desk: Desk, waiting: Waiting) -> str:
    """The new-registration message: room left below it for the decision it records."""
    head = t("adm-pending-new", title=desk.event.texts(t.language).title)
    return waiting_views.details(t, desk.info, waiting, desk.info.timezone, head,
                                 room=TEXT_MAX - DECISION_ROOM)


def placed(t: Texts, outcome: Outcome) -> str:
    place = outcome.registration.placement
    return t("adm-approved-" + {Placement.SEATED: "seat", Placement.WAITLISTED: "waitlist",
                                Placement.ONLINE: "online"}[place])


async def list_screen(t: Texts, console: Console, event: Event, head: str = "") -> Screen:
    """/pending of `event` as it is now (`head`: the decision just made); nobody waiting:
    the other events where someone does (those this organiser may decide for)."""
    registrations = console.registrations
    desk = registrations.of(event)
    waiting = await desk.waiting_list()
    elsewhere, free = None, None
    if not waiting:
        elsewhere = [(other, n) for other, n in await registrations.waiting_elsewhere(event.id)
                     if console.may(other.id, Role.ORGANISER)]
    else:
        free = (await desk.counts()).seats_left
    return waiting_views.screen(t, event, waiting, head, elsewhere, free)


async def pending_list(message: Message, t: Texts, console: Console) -> None:
    text, markup = await list_screen(t, console, console.event)
    await message.answer(text, reply_markup=markup)


async def decide(cb: CallbackQuery, callback_data: ApprovalCb, callback_answer: CallbackAnswer,
                 bot: Bot, state: FSMContext, t: Texts,
                 registrations: Registrations, console: Console) -> None:
    event = await registrations.events.get(callback_data.ev)
    if event is None:
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        return
    desk = registrations.of(event)
    act = callback_data.act
    asked = await state.get_state() == Declining.reason.state
    origin = 0  # the new-registration message a decline without a reason came from
    if asked and act not in ("no", "lno"):  # any other press ends the reason's question
        chosen = (await state.get_data()).get(DECLINING) or []
        if len(chosen) > 4 and int(chosen[1]) == callback_data.p:
            origin = int(chosen[4])
        await state.clear()
    if act == "list":  # back to the list, as it is now
        await screens.show(cb, bot, await list_screen(t, console, event))
        return
    if desk.started():  # those still waiting were told it is closed
        callback_answer.text, callback_answer.show_alert = t("adm-pending-started"), True
        return
    if act == "show":
        found = next((w for w in await desk.waiting_list() if w.id == callback_data.p), None)
        if found is None:  # decided meanwhile: the list as it is now
            callback_answer.text = t("adm-decided-already")
            await screens.show(cb, bot, await list_screen(t, console, event))
            return
        await screens.show(cb, bot, (waiting_views.details(t, event.info, found, console.tz),
                                     waiting_views.form_buttons(t, event.id, found.id)))
        return
    if act == "all":  # asked first: one slip must not decide everyone
        count = await desk.waiting_count()
        if not count:
            await screens.show(cb, bot, await list_screen(t, console, event))
            return
        kb = InlineKeyboardBuilder()
        kb.button(text=t("adm-btn-approve-all-sure", count=count),
                  callback_data=ApprovalCb(act="allsure", ev=event.id))
        kb.button(text=t("adm-btn-pending-list"), callback_data=ApprovalCb(act="list",
                                                                            ev=event.id))
        kb.adjust(1)
        free = (await desk.counts()).seats_left
        await screens.show(cb, bot, (t("adm-approve-all-ask", count=count, free=free),
                                     kb.as_markup()))
        return
    if act == "allsure":
        summed = await _approve_all(t, desk, console)
        callback_answer.text = summed
        await screens.show(cb, bot, await list_screen(t, console, event, summed))
        return
    if act in ("no", "lno"):  # first, the reason (optional)
        await _ask_reason(cb, bot, callback_data, callback_answer, state, t, desk)
        return
    if act in ("ok", "lok"):
        outcome = await desk.approve(callback_data.p)
        said = None if outcome is None else t("adm-approved",
                                                name=outcome.registration.full_name,
                                                placement=Safe(placed(t, outcome)))
        if outcome is not None:
            await console.record("approve", outcome.registration.id)
    else:  # nr, lnr: declined without a reason
        said = await _decline(bot, t, desk, callback_data.p, None, cb.from_user.id,
                              origin if act == "nr" else 0)
        if said is not None:
            await console.record("decline")
    if said is None:
        callback_answer.text, callback_answer.show_alert = t("adm-decided-already"), True
    else:
        callback_answer.text = said
    shown = cb.message if isinstance(cb.message, Message) else None
    rows = len(shown.reply_markup.inline_keyboard) if shown and shown.reply_markup else 0
    if act in ("lok", "lnr") or (act == "ok" and rows > 1):
        # From /pending (or a list made before the per-person buttons): the one list,
        # edited in place to show who still waits.
        await screens.show(cb, bot, await list_screen(t, console, event, said or ""))
    elif shown is not None and said is not None and rows == 1:
        # The new-registration message (one row of buttons) records the decision and
        # loses its buttons.
        await bot.edit_message_text(shown.html_text + "\n\n" + said, chat_id=cb.from_user.id,
                                    message_id=shown.message_id)


async def _approve_all(t: Texts, desk: Desk, console: Console) -> str:
    """Everyone waiting, in order of registration, under the seat rule: how many got a
    seat, how many the waitlist (the room was full), how many online."""
    done = []
    for waiting in await desk.waiting_list():
        outcome = await desk.approve(waiting.id)  # the outbox tells the person
        if outcome is not None:
            done.append(outcome.registration.placement)
    await console.record("approve", details=f"all: {len(done)}")
    parts = [t(f"adm-approved-part-{name}", count=done.count(place))
             for name, place in (("seat", Placement.SEATED), ("waitlist", Placement.WAITLISTED),
                                 ("online", Placement.ONLINE)) if place in done]
    if not done:
        return t("adm-decided-already")
    return t("adm-approved-all-split", count=len(done), parts=Safe("; ".join(parts)))


class Declining(StatesGroup):
    reason = State()  # data: DECLINING = [event id, waiting id, message id, from /pending]


DECLINING = "declining"


async def _ask_reason(cb: CallbackQuery, bot: Bot, data: ApprovalCb,
                      callback_answer: CallbackAnswer, state: FSMContext, t: Texts,
                      desk: Desk) -> None:
    """From /pending the form's message becomes the question (one live message); from a
    new-registration message the question comes below it."""
    waiting = next((w for w in await desk.waiting_list() if w.id == data.p), None)
    if waiting is None:
        callback_answer.text, callback_answer.show_alert = t("adm-decided-already"), True
        return
    listed = data.act == "lno"
    asked = (t("adm-decline-ask", name=waiting.who.full_name),
             waiting_views.reason_buttons(t, data.ev, data.p, listed))
    if listed:
        shown = await screens.show(cb, bot, asked)
    else:
        shown = (await bot.send_message(cb.from_user.id, asked[0],
                                        reply_markup=asked[1])).message_id
    await state.set_state(Declining.reason)
    origin = 0 if listed or not isinstance(cb.message, Message) else cb.message.message_id
    await state.update_data({DECLINING: [data.ev, data.p, shown, listed, origin]})


async def _decline(bot: Bot, t: Texts, desk: Desk, pending_id: int, reason: str | None,
                   chat_id: int, origin: int) -> str | None:
    """Declined (the outbox tells the person, with the reason if one was given); None:
    decided already. `origin`: the new-registration message the Decline was pressed on,
    which then records the decision and loses its buttons (as after Approve)."""
    declined = await desk.decline(pending_id, reason)
    if declined is None:
        return None
    said = t("adm-declined", name=declined.who.full_name)
    if origin:
        with contextlib.suppress(TelegramBadRequest):  # too old to edit: the reply says it
            await bot.edit_message_text(notice(t, desk, declined) + "\n\n" + said,
                                        chat_id=chat_id, message_id=origin)
    return said


async def reason(message: Message, bot: Bot, state: FSMContext, t: Texts,
                 registrations: Registrations, console: Console) -> None:
    """The reason typed after Decline: sent to the person with the news. The question's
    buttons go (one live keyboard); from /pending the list comes back below, as it is
    now, with the decision on top."""
    text = clean_text(message.text, REASON_MAX)
    if isinstance(text, Problem):  # too long, or nothing but spaces: say so, ask again
        await message.answer(t(f"error-{text.code}", limit=text.limit))
        return
    chosen = (await state.get_data()).get(DECLINING) or [0, 0]
    await state.clear()
    event = await registrations.events.get(int(chosen[0]))
    said = None
    if event is not None:
        said = await _decline(bot, t, registrations.of(event), int(chosen[1]), text,
                              message.chat.id, int(chosen[4]) if len(chosen) > 4 else 0)
    if said is not None:
        await console.record("decline")
    if len(chosen) > 2:
        with contextlib.suppress(TelegramBadRequest):  # gone, or no buttons any more
            await bot.edit_message_reply_markup(chat_id=message.chat.id,
                                                message_id=int(chosen[2]), reply_markup=None)
    if event is not None and len(chosen) > 3 and chosen[3]:
        answer, markup = await list_screen(t, console, event,
                                           said or t("adm-decided-already"))
        await message.answer(answer, reply_markup=markup)
        return
    await message.answer(said or t("adm-decided-already"))


def router() -> Router:
    r = Router(name="admin-approval")
    r.message.register(pending_list, Command("pending"), flags=NAMES_EVENT)
    r.callback_query.register(decide, ApprovalCb.filter())
    r.message.register(reason, StateFilter(Declining.reason), Inline(F.text),
                       ~Inline(F.text.startswith("/")))
    return r
