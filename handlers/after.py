"""After the event: "Join now", the certificate (offer, one name correction, the PDF, and
/start verify_<code> for anyone), and the feedback poll's answer and comment."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message, PollAnswer
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from core.validation import Problem, clean_name, clean_text
from handlers.views import editable, show, unbutton
from services import after as views
from services.after import Aftercare, CertAction, CertCb, JoinCb, SkipCommentCb
from services.certificates import VERIFY_PREFIX, Certificates, event_date, verify_link
from services.registration import Registrations

COMMENT_MAX = 1000


class After(StatesGroup):
    name = State()  # the certificate's name, corrected once
    comment = State()  # "What should we change?"


async def verify(message: Message, command: CommandObject, t: Texts,
                 certificates: Certificates) -> None:
    """The certificate's QR code or printed link, opened by anyone."""
    code = (command.args or "").removeprefix(VERIFY_PREFIX)
    found = await certificates.verify(code)
    if found is None:
        await message.answer(t("cert-none"))
        return
    cert, event = found
    title = event.info.in_language(t.language).title
    await message.answer(t("cert-valid", name=cert.full_name, title=title,
                           date=event_date(event, t.language)))


async def join(cb: CallbackQuery, callback_data: JoinCb, callback_answer: CallbackAnswer,
               t: Texts, registrations: Registrations) -> None:
    found = await Aftercare(registrations).join(callback_data.reg, cb.from_user.id)
    if found is None:
        callback_answer.text, callback_answer.show_alert = t("join-not-yours"), True
        return
    _, event = found
    info = event.info
    link = info.zoom_url or info.stream_url
    text = (t("join-now", link=link) if link
            else t("join-now-id", zoom=info.zoom_conference_id))
    if isinstance(cb.message, Message):
        await cb.message.answer(text)


async def certificate(cb: CallbackQuery, callback_data: CertCb,
                      callback_answer: CallbackAnswer, bot: Bot, state: FSMContext, t: Texts,
                      registrations: Registrations, certificates: Certificates) -> None:
    reg = await registrations.by_id(callback_data.reg)
    cert = await certificates.mine(reg, cb.from_user.id)
    if reg is None or cert is None:
        callback_answer.text, callback_answer.show_alert = t("cert-not-yours"), True
        return
    if callback_data.act is CertAction.FIX:
        if cert.corrected or cert.issued_at is not None:
            callback_answer.text, callback_answer.show_alert = t("cert-fix-used"), True
            return
        await state.set_state(After.name)
        await state.set_data({"reg": reg.id})
        await bot.send_message(cb.from_user.id, t("cert-ask-name"))
        return
    me = await bot.me()
    pdf, filename = await certificates.issue(cert, t.language, me.username or "")
    await unbutton(bot, cb.from_user.id, editable(cb.message))
    await bot.send_document(cb.from_user.id, BufferedInputFile(pdf, filename),
                            caption=t("cert-caption",
                                      link=verify_link(me.username or "", cert.code)))


async def corrected_name(message: Message, bot: Bot, state: FSMContext, t: Texts,
                         certificates: Certificates) -> None:
    raw = message.text if message.text and not message.text.startswith("/") else None
    name = clean_name(raw) if raw is not None else Problem("not-text")
    if isinstance(name, Problem):
        await message.answer(t(f"error-{name.code}", limit=name.limit) + "\n\n"
                             + t("cert-ask-name"))
        return  # still asked: the correction is not used up
    reg_id = int((await state.get_data()).get("reg", 0))
    await state.clear()
    if not await certificates.correct(reg_id, name):
        await message.answer(t("cert-fix-used"))
        return
    await show(bot, message.chat.id, t("cert-name-saved", name=name),
               views.certificate_keyboard(t, reg_id, can_fix=False))


async def poll_answer(answer: PollAnswer, bot: Bot, state: FSMContext, t: Texts,
                      registrations: Registrations) -> None:
    user = answer.user
    if user is None:  # a channel voting: not one of our polls
        return
    reg_id = await Aftercare(registrations).rate(answer.poll_id, user.id, answer.option_ids)
    if reg_id is None or not answer.option_ids:
        return
    if await state.get_state() is not None:
        return  # mid-form (another event's registration): the question would break it
    await state.set_state(After.comment)  # before the question: the answer may be quick
    await state.set_data({"reg": reg_id})
    asked = await bot.send_message(user.id, t("feedback-ask-comment"),
                                   reply_markup=views.skip_keyboard(t, reg_id))
    await state.update_data(asked=asked.message_id)


async def comment(message: Message, bot: Bot, state: FSMContext, t: Texts,
                  registrations: Registrations) -> None:
    raw = message.text if message.text and not message.text.startswith("/") else None
    text = clean_text(raw, COMMENT_MAX) if raw is not None else Problem("not-text")
    data = await state.get_data()
    reg_id = int(data.get("reg", 0))
    if isinstance(text, Problem):
        await message.answer(t(f"error-{text.code}", limit=text.limit) + "\n\n"
                             + t("feedback-ask-comment"),
                             reply_markup=views.skip_keyboard(t, reg_id))
        return
    await state.clear()
    await unbutton(bot, message.chat.id, data.get("asked"))  # "Skip" is moot now
    if message.from_user is not None:
        await Aftercare(registrations).comment(reg_id, message.from_user.id, text)
    await message.answer(t("feedback-thanks"))


async def skip_comment(cb: CallbackQuery, bot: Bot, state: FSMContext, t: Texts) -> None:
    if await state.get_state() == After.comment.state:
        await state.clear()
    await show(bot, cb.from_user.id, t("feedback-thanks"), on=editable(cb.message))


def router() -> Router:
    r = Router(name="after")
    r.message.register(verify, CommandStart(deep_link=True,
                                            magic=F.args.startswith(VERIFY_PREFIX)))
    r.callback_query.register(join, JoinCb.filter())
    r.callback_query.register(certificate, CertCb.filter())
    r.message.register(corrected_name, StateFilter(After.name))
    r.poll_answer.register(poll_answer)
    r.message.register(comment, StateFilter(After.comment))
    r.callback_query.register(skip_comment, SkipCommentCb.filter())
    return r
