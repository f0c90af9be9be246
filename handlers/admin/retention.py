"""The retention warning's button: the list of that event, as /export gives it."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import BufferedInputFile, CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from core.i18n import Texts
from handlers.admin import csvfile
from handlers.admin.console import Console
from services.after import Aftercare
from services.organiser import Organiser
from services.privacy import ExportCb


async def export_now(cb: CallbackQuery, callback_data: ExportCb, callback_answer: CallbackAnswer,
                     bot: Bot, t: Texts, console: Console) -> None:
    event = await console.events.get(callback_data.ev)
    if event is None:
        callback_answer.text, callback_answer.show_alert = t("adm-export-gone"), True
        return
    organiser = Organiser(console.registrations.ledger(event), event, console.now)
    everyone = await organiser.everyone()
    tz = event.info.timezone
    results = await Aftercare(console.registrations).results(event.id)
    document = BufferedInputFile(csvfile.export(everyone, tz, t("adm-erased"), results=results,
                                                 own=event.info.form_model.questions),
                                 f"registrations-{event.slug}.csv")
    await organiser.record(console.admin_id, "export", details=f"{len(everyone)} rows")
    await bot.send_document(cb.from_user.id, document, caption=t(
        "adm-export-caption", count=len(everyone), tz=tz))


def router() -> Router:
    r = Router(name="admin-retention")
    r.callback_query.register(export_now, ExportCb.filter())
    return r
