"""/form: the current event's form as the organisers' language shows it, question by
question (built-in ones and the event's own: kind, options, required, formats), and where
to change it."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from core.i18n import Texts
from core.questions import Question
from handlers.admin.console import Console


def row(t: Texts, n: int, q: Question) -> str:
    parts = [t(f"adm-form-kind-{q.kind}")]
    if q.options:
        parts.append(" · ".join(q.options_in(t.language)))
    if q.kind == "number" and (q.min is not None or q.max is not None):
        low, high = ("…" if v is None else str(v) for v in (q.min, q.max))
        parts.append(f"{low}..{high}")
    if not q.required:
        parts.append(t("adm-form-optional"))
    if q.limited:
        parts.append(t(f"adm-form-only-{q.formats[0]}"))
    return t("adm-form-row", n=n, label=q.label_in(t.language), details="; ".join(parts))


async def form(message: Message, t: Texts, console: Console) -> None:
    info = console.event.info
    model = info.form_model
    lines = [t("adm-form-head", title=info.title)]
    for n, qid in enumerate(model.order, start=1):
        own = model.question(qid)
        lines.append(row(t, n, own) if own else t("adm-form-builtin", n=n,
                                                  label=t(f"field-{qid}")))
    if info.approval:
        lines.append("\n" + t("adm-form-approval"))
    lines.append("\n" + t("adm-form-config" if console.event.from_config else "adm-form-chat"))
    await message.answer("\n".join(lines))


def router() -> Router:
    r = Router(name="admin-form")
    r.message.register(form, Command("form"))
    return r
