"""/start (with or without an event link), /help, /my and the event card's buttons."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Safe, Texts
from handlers import keyboards, waiting
from handlers.admin.access import commands_for, console_role
from handlers.callbacks import StartAction, StartCb
from handlers.states import Form
from handlers.views import ask, card, editable, my, show
from services.events import Event
from services.registration import Desk, Intake, Registrations
from services.team import Team
from storage.models import Format


async def _event_screen(bot: Bot, user_id: int, t: Texts, desk: Desk,
                        on: int | None = None) -> None:
    """The person's registration for this event, else its card (in message `on`, if a
    button of it was pressed)."""
    reg = await desk.active(user_id)
    if reg is None and (form := await waiting.waiting_of(desk, user_id)) is not None:
        await show(bot, user_id, *waiting.screen(t, desk, form), on)
        return
    text, markup = await my(t, desk, reg) if reg is not None else await card(t, desk)
    await show(bot, user_id, text, markup, on)


async def _home(bot: Bot, user_id: int, t: Texts, registrations: Registrations) -> None:
    """One event on now or to come: its screen. Several: a list to choose from. None: the
    latest event, as one that has taken place."""
    upcoming = await registrations.events.not_over()
    if len(upcoming) > 1:
        mine = {event.id for event, _ in await registrations.of_person(user_id)}
        choices = [(e.id, e.texts(t.language).title, e.id in mine) for e in upcoming]
        await bot.send_message(user_id, t("events-choose"),
                               reply_markup=keyboards.event_list(t, choices))
        return
    event = upcoming[0] if upcoming else await registrations.events.latest_past()
    if event is not None:
        await _event_screen(bot, user_id, t, registrations.of(event))


async def _linked(payload: str, registrations: Registrations) -> tuple[Event, Format | None] | None:
    """`<event id>`, `<event id>_offline` or `<event id>_online`; anything else: None."""
    slug, underscore, suffix = payload.partition("_")
    event = await registrations.events.by_slug(slug)
    # "<id>_" (a truncated link) is not the plain "<id>": only the three forms are links.
    formats = {f.value for f in Format}
    if event is None or (suffix not in formats if underscore else suffix):
        return None
    return event, Format(suffix) if suffix else None


async def _begin(bot: Bot, user_id: int, state: FSMContext, t: Texts, desk: Desk,
                 chosen: Format | None = None, on: int | None = None) -> str | None:
    """Open the form for this event; the reason (a catalog key) if it cannot be opened.
    `on`: the card whose Register was pressed; it becomes the first question."""
    if (await desk.active(user_id) is not None
            or await waiting.waiting_of(desk, user_id) is not None):
        await _event_screen(bot, user_id, t, desk, on)
        return "already-registered"
    if await desk.intake() is Intake.CLOSED:
        return "registration-closed"
    if chosen is Format.OFFLINE and await desk.intake() is not Intake.OPEN:
        chosen = None  # the room is closed: they choose online in the form
    await state.set_state(Form.consent)  # nothing personal is asked before it
    await state.set_data({"event": desk.event.id} | (
        {"format": chosen.value, "format_chosen": True} if chosen else {}))
    await ask(bot, user_id, state, t, desk, on=on)
    return None


async def help_(message: Message, bot: Bot, state: FSMContext, t: Texts, desk: Desk,
                team: Team) -> None:
    text = t("help", phone=desk.info.contact_phone)
    user = message.from_user
    role = await console_role(team, user.id) if user and message.chat.id == user.id else None
    if role is not None:  # the console is theirs too: what their role may use
        listed = "\n".join(f"/{c}: {t(f'cmd-{c}')}" for c in commands_for(role))
        text += "\n\n" + t("help-admin", commands=Safe(listed))
    # Mid-form, the open question follows in the same message.
    await ask(bot, message.chat.id, state, t, desk, head=text)


async def start(message: Message, bot: Bot, state: FSMContext, t: Texts,
                registrations: Registrations, command: CommandObject | None = None) -> None:
    if message.from_user is None:  # private chats always have a sender; nobody to answer
        return
    user_id = message.from_user.id
    linked = await _linked(command.args, registrations) if command and command.args else None
    if linked is None:  # no link, or one we do not know: an ordinary start
        await _home(bot, user_id, t, registrations)
        return
    event, chosen = linked
    desk = registrations.of(event)
    if chosen is None or desk.ended():
        await _event_screen(bot, user_id, t, desk)
        return
    reason = await _begin(bot, user_id, state, t, desk, chosen)
    if reason not in (None, "already-registered"):  # closed: the card says so
        await _event_screen(bot, user_id, t, desk)


async def show_my(message: Message, bot: Bot, t: Texts, registrations: Registrations) -> None:
    """Every registration for an event on now or still to come (an entry code is asked
    for at the door); none: the start screen (an event that is over shows as having
    taken place)."""
    if message.from_user is None:
        return
    user_id = message.from_user.id
    mine = [(e, r) for e, r in await registrations.of_person(user_id)
            if not registrations.of(e).ended()]
    forms = await waiting.forms_of(registrations, user_id)
    if not mine and not forms:
        await _home(bot, user_id, t, registrations)
        return
    for event, reg in mine:
        text, markup = await my(t, registrations.of(event), reg)
        await bot.send_message(user_id, text, reply_markup=markup)
    for desk, form in forms:
        text, markup = waiting.screen(t, desk, form)
        await bot.send_message(user_id, text, reply_markup=markup)


async def _desk(callback_data: StartCb, callback_answer: CallbackAnswer, t: Texts,
                registrations: Registrations) -> Desk | None:
    event = await registrations.events.get(callback_data.event)
    if event is None:
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        return None
    return registrations.of(event)


async def open_event(cb: CallbackQuery, callback_data: StartCb, callback_answer: CallbackAnswer,
                     bot: Bot, t: Texts, registrations: Registrations) -> None:
    if desk := await _desk(callback_data, callback_answer, t, registrations):
        # The list of events stays to choose from again; the card's own button edits it.
        on = editable(cb.message) if callback_data.action is StartAction.MY else None
        await _event_screen(bot, cb.from_user.id, t, desk, on)


async def begin(cb: CallbackQuery, callback_data: StartCb, callback_answer: CallbackAnswer,
                bot: Bot, state: FSMContext, t: Texts, registrations: Registrations) -> None:
    desk = await _desk(callback_data, callback_answer, t, registrations)
    if desk is None:
        return
    reason = await _begin(bot, cb.from_user.id, state, t, desk, on=editable(cb.message))
    if reason == "already-registered":
        callback_answer.text = t(reason)
    elif reason is not None:  # closed: the card shows it, without a button that cannot work
        callback_answer.text, callback_answer.show_alert = t(reason), True
        await _event_screen(bot, cb.from_user.id, t, desk, editable(cb.message))


async def already_in_form(cb: CallbackQuery, callback_answer: CallbackAnswer, bot: Bot,
                          state: FSMContext, t: Texts, desk: Desk) -> None:
    callback_answer.text, callback_answer.show_alert = t("error-mid-form"), True
    await ask(bot, cb.from_user.id, state, t, desk)


def router() -> Router:
    r = Router(name="start")
    r.message.register(help_, Command("help"))
    r.message.register(show_my, StateFilter(None), Command("my"))
    r.message.register(start, StateFilter(None), CommandStart())
    r.callback_query.register(open_event, StateFilter(None),
                              StartCb.filter(F.action.in_((StartAction.MY, StartAction.OPEN))))
    r.callback_query.register(begin, StateFilter(None),
                              StartCb.filter(F.action == StartAction.REG))
    r.callback_query.register(already_in_form, StateFilter(Form), StartCb.filter())
    return r
