"""Callback data: short prefixes, ids and codes only (Telegram caps it at 64 bytes)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class StartCb(CallbackData, prefix="s"):
    action: str  # "reg" (open the form) | "my" (show my registration)


class FormCb(CallbackData, prefix="f"):
    action: str  # "role" | "fmt" | "ok" | "edit" | "field" | "abort" | "back"
    value: str = ""


class MyCb(CallbackData, prefix="m"):
    action: str  # "online" | "offline" | "cancel" | "yes" | "keep"
    reg: int  # registration id: checked against the presser
