"""aiogram routers, built fresh by `setup_routers` (a Router can have only one parent)."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    after,
    attendance,
    cancel,
    errors,
    extras,
    fallback,
    form_buttons,
    form_text,
    groups,
    ident,
    language,
    my,
    privacy,
    questions,
    start,
    waiting,
)
from handlers.admin import router as admin_router
from handlers.admin.team import join_router
from handlers.middleware import DeskMiddleware


def setup_routers() -> Router:
    """Order matters: groups are turned away first, /cancel beats every form step,
    the catch-all comes last."""
    root = Router(name="root")
    # Every handler below may take `desk`: the event the update is about.
    root.message.middleware(DeskMiddleware())
    root.callback_query.middleware(DeskMiddleware())
    root.edited_message.middleware(DeskMiddleware())
    root.include_routers(
        errors.router(),
        groups.router(),
        cancel.router(),
        language.router(),  # like /cancel, it works in the middle of a form too
        ident.router(),  # /id: anyone, at any step of the form
        join_router(),  # an invitation link to the team: anyone may open one
        admin_router(),  # only admins in private chats; others pass through
        privacy.router(),  # before the form: /forget_me works mid-form too
        after.router(),  # /start verify_<code> for anyone, at any step
        start.router(),
        my.router(),
        waiting.router(),
        attendance.router(),
        extras.router(),
        questions.router(),  # before form-buttons' stale-button catch-all
        form_buttons.router(),
        form_text.router(),
        fallback.router(),
    )
    return root
